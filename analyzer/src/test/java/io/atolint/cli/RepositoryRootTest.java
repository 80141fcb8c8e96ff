package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code atolint scan examples/complete}: the trust boundary is the repository (the enclosing git work
 * tree, or {@code --root}), not the path given. The module written like terraform-aws-modules/vpc is
 * read through {@code source = "../../"} and places every subnet and NAT gateway.
 */
class RepositoryRootTest {
    private static final String MODULE = "fixtures/rules/SPOF001/tf-vpc-module-examples-complete";

    private static JsonNode scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("scan", "--format", "json", "--fail-on", "critical"), Stream.of(args))
                .toArray(String[]::new);
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all);
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        try {
            return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Subnets and NAT gateways with their AZs, as the report gives them. */
    private static Map<String, String> placements(JsonNode report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode r : report.path("resources")) {
            String type = r.path("type").asText();
            if (type.equals("aws_subnet") || type.equals("aws_nat_gateway")) {
                StringBuilder azs = new StringBuilder();
                r.path("placement").path("azs").forEach(a -> azs.append(azs.length() > 0 ? "," : "").append(a.path("value").asText()));
                out.put(r.path("name").asText(), azs.toString());
            }
        }
        return out;
    }

    @Test
    void theExampleReadsTheModuleAboveItAndEverySubnetAndNatHasAnAz() {
        JsonNode report = scan(Repo.path(MODULE + "/examples/complete").toString(), "--root", Repo.path(MODULE).toString());
        assertEquals(Map.of(
                "module.vpc.aws_subnet.public[0]", "eu-west-1a",
                "module.vpc.aws_subnet.public[1]", "eu-west-1b",
                "module.vpc.aws_subnet.public[2]", "eu-west-1c",
                "module.vpc.aws_subnet.private[0]", "eu-west-1a",
                "module.vpc.aws_subnet.private[1]", "eu-west-1b",
                "module.vpc.aws_subnet.private[2]", "eu-west-1c",
                "module.vpc.aws_nat_gateway.this[0]", "eu-west-1a",
                "module.vpc.aws_nat_gateway.this[1]", "eu-west-1b",
                "module.vpc.aws_nat_gateway.this[2]", "eu-west-1c"), placements(report));
        for (JsonNode f : report.path("findings")) {
            assertTrue(!f.path("ruleId").asText().startsWith("PARSE"), f.toString());
        }
    }

    @Test
    void zoneIdsAreTakenForIdsAndOneNatServesEveryAz() {
        JsonNode report = scan(Repo.path(MODULE + "/examples/zone-ids-single-nat").toString(), "--root", Repo.path(MODULE).toString());
        Map<String, String> p = placements(report);
        assertEquals("euw1-az2", p.get("module.vpc.aws_subnet.private[1]"));
        assertEquals("euw1-az1", p.get("module.vpc.aws_nat_gateway.this[0]"));
        assertEquals(7, p.size(), "six subnets and one NAT gateway: " + p);
        boolean spof = false;
        for (JsonNode f : report.path("findings")) {
            spof |= f.path("ruleId").asText().equals("SPOF001") && f.path("message").asText()
                    .startsWith("egress tier: NAT gateway module.vpc.aws_nat_gateway.this[0] in euw1-az1 also serves");
        }
        assertTrue(spof, report.path("findings").toString());
    }

    @Test
    void outsideAGitWorkTreeTheBoundaryIsThePathOrRoot(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("examples/complete"));
        Files.writeString(repo.resolve("main.tf"), "resource \"aws_subnet\" \"a\" {\n  availability_zone = \"eu-west-1a\"\n}\n");
        Files.writeString(repo.resolve("examples/complete/main.tf"), "module \"m\" {\n  source = \"../../\"\n}\n");
        String example = repo.resolve("examples/complete").toString();

        JsonNode alone = scan(example);
        assertEquals(Map.of(), placements(alone), "without a repository, nothing above the path is read");
        assertTrue(alone.path("findings").toString().contains("atolint reads nothing outside"), alone.toString());

        assertEquals(Map.of("module.m.aws_subnet.a", "eu-west-1a"), placements(scan(example, "--root", repo.toString())));

        Files.createDirectory(repo.resolve(".git"));
        assertEquals(Map.of("module.m.aws_subnet.a", "eu-west-1a"), placements(scan(example)),
                "the enclosing git work tree is the repository");
    }
}
