package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.parse.Limits;
import io.atolint.testing.Repo;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String rel) {
        return Repo.path(rel).toString();
    }

    @Test
    void theDemoFailsOnHa001WithARegionAndOnlyNotesWithoutOne() {
        String demo = fixture("fixtures/demo/three-tier");
        Run withRegion = run("scan", demo, "--region", "us-east-1");
        assertEquals(Cli.FINDINGS, withRegion.code(), withRegion.err());
        assertTrue(withRegion.out().contains("template.yaml:172:7 HIGH HA001 ALB \"WebAlb\" has subnets in 1 AZ (us-east-1a)"),
                withRegion.out());
        assertTrue(withRegion.out().strip().endsWith("31 resources in 1 model from 1 file"), withRegion.out());

        Run noRegion = run("scan", demo);
        assertTrue(noRegion.out().contains("INFO HA001"), noRegion.out());
        assertTrue(!noRegion.out().contains("HIGH HA001"), noRegion.out());
        // The AZ parameters' defaults still prove the database single-AZ behind a two-AZ group.
        assertEquals(Cli.FINDINGS, noRegion.code());
        assertTrue(noRegion.out().contains("HIGH SPOF004"), noRegion.out());
    }

    @Test
    void jsonGoesToStdoutAloneAndCarriesChecklistAndPlacement() throws IOException {
        Run r = run("scan", fixture("fixtures/demo/three-tier"), "--region", "us-east-1", "--format", "json");
        assertEquals(Cli.FINDINGS, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("1.2", root.get("schemaVersion").asText());
        JsonNode f = null;
        for (JsonNode x : root.get("findings")) {
            if (x.get("ruleId").asText().equals("HA001") && f == null) {
                f = x;
            }
        }
        assertTrue(f != null, r.out());
        assertEquals("HA001", f.get("ruleId").asText());
        assertEquals("high", f.get("severity").asText());
        assertEquals("TV-3.2", f.get("checklist").get(0).asText());
        assertEquals(172, f.get("location").get("startLine").asInt());
        assertEquals("Resources/WebAlb/Properties/Subnets", f.get("location").get("logicalPath").asText());
        assertEquals("WebAlb", f.get("resource").get("id").asText());
        assertEquals("load_balancer", f.get("resource").get("kind").asText());
        assertEquals(2, f.get("related").size());
        JsonNode subnetB = null;
        for (JsonNode res : root.get("resources")) {
            if (res.get("id").asText().equals("PublicSubnetB")) {
                subnetB = res;
            }
        }
        assertTrue(subnetB != null);
        JsonNode az = subnetB.get("placement").get("azs").get(0);
        assertEquals("us-east-1a", az.get("value").asText());
        assertEquals("literal", az.get("type").asText());
        assertEquals("GetAZs('')[0] of us-east-1", az.get("how").asText());
        assertEquals(1, subnetB.get("placement").get("azCount").asInt());
    }

    @Test
    void outputFileLeavesStdoutEmpty(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("report.json");
        Run r = run("scan", fixture("fixtures/demo/three-tier"), "--format", "json", "--output", out.toString(),
                "--fail-on", "critical");
        assertEquals(Cli.OK, r.code());
        assertEquals("", r.out());
        assertTrue(new ObjectMapper().readTree(out.toFile()).has("findings"));
    }

    @Test
    void brokenFilesArePositionedAndDoNotChangeTheOthersFindings() throws IOException {
        Run mixed = run("scan", fixture("fixtures/cli/mixed"), "--format", "json");
        Run alone = run("scan", fixture("fixtures/cli/mixed/good.json"), "--format", "json");
        JsonNode all = new ObjectMapper().readTree(mixed.out());
        List<String> parse = new ArrayList<>();
        List<JsonNode> ha = new ArrayList<>();
        for (JsonNode f : all.get("findings")) {
            String file = Path.of(f.get("location").get("file").asText()).getFileName().toString();
            if (f.get("ruleId").asText().equals("PARSE001")) {
                parse.add(file + ":" + f.get("location").get("startLine").asInt());
            } else if (f.get("ruleId").asText().equals("HA001")) {
                ha.add(f);
            }
        }
        assertEquals(List.of("broken.yaml:6", "duplicate-keys.json:2", "notes.template:1", "unknown-tag.yaml:5"), parse);
        List<JsonNode> onlyGood = new ArrayList<>();
        new ObjectMapper().readTree(alone.out()).get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("HA001")) {
                onlyGood.add(f);
            }
        });
        assertEquals(1, ha.size());
        assertEquals(onlyGood.get(0).get("message"), ha.get(0).get("message"));
        assertEquals(onlyGood.get(0).get("location").get("startLine"), ha.get(0).get("location").get("startLine"));
        assertEquals(1, all.get("skipped").size(), "package.json is skipped with a reason");
        assertTrue(all.get("skipped").get(0).get("reason").asText().contains("no Resources section"));
    }

    @Test
    void aFileAboveTheSizeLimitIsAFindingAndTheRestIsScanned(@TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        Files.copy(Repo.path("fixtures/rules/HA001/cfn-json-same-az/template.json"), tmp.resolve("good.json"));
        Run r = run("scan", tmp.toString());
        assertEquals(Cli.FINDINGS, r.code());
        assertTrue(r.out().contains("huge.yaml HIGH PARSE001 not read: the file is 52428800 bytes, above the limit of 10485760 bytes"),
                r.out());
        assertTrue(r.out().contains("good.json:17:9 HIGH HA001"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(Cli.ERROR, run("scan").code());
        assertEquals(Cli.ERROR, run("scan", "/nonexistent/path").code());
        assertEquals(Cli.ERROR, run("frobnicate").code());
        Run badLevel = run("scan", fixture("fixtures/demo/three-tier"), "--fail-on", "info");
        assertEquals(Cli.ERROR, badLevel.code());
        assertTrue(badLevel.err().contains("notes never fail"));
        assertEquals("", badLevel.out());
    }

    @Test
    void failOnDecidesTheExitCode() {
        String t = fixture("fixtures/demo/three-tier");
        assertEquals(Cli.OK, run("scan", t, "--region", "us-east-1", "--fail-on", "critical").code());
        assertEquals(Cli.FINDINGS, run("scan", t, "--region", "us-east-1", "--fail-on", "medium").code());
    }

    @Test
    void parametersFromFlagsAndFiles(@TempDir Path tmp) throws IOException {
        Path params = tmp.resolve("params.json");
        Files.writeString(params, "[{\"ParameterKey\": \"AppAz2\", \"ParameterValue\": \"us-east-1a\"}]");
        Path pipeline = tmp.resolve("pipeline.json");
        Files.writeString(pipeline, "{\"Parameters\": {\"AppAz2\": \"us-east-1a\"}}");
        String t = fixture("fixtures/demo/three-tier");
        for (String[] args : List.of(new String[]{"--params-file", params.toString()},
                new String[]{"--params-file", pipeline.toString()}, new String[]{"--param", "AppAz2=us-east-1a"})) {
            List<String> all = new ArrayList<>(List.of("scan", t, "--format", "json"));
            all.addAll(List.of(args));
            Run r = run(all.toArray(String[]::new));
            assertTrue(r.out().contains("\"how\" : \"parameter AppAz2 (given us-east-1a)\""), String.join(" ", args));
        }
    }

    @Test
    void rulesListsEveryRuleWithItsChecklistItems() {
        Run r = run("rules");
        assertEquals(Cli.OK, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("HA001") && l.endsWith("TV-3.2")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PARSE001")), r.out());
    }

    @Test
    void everySafetyLimitCanBeSetFromTheCommandLine() throws Exception {
        assertEquals(Limits.class.getRecordComponents().length, Limits.NAMES.size());
        for (String name : Limits.NAMES) {
            CommandLine cl = DefaultParser.builder().get().parse(Cli.scanOptions(), new String[]{"--limit", name + "=7"});
            Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Limits limits = cli.parseOptions(cl).limits();
            assertEquals(7, limits.get(name), name);
            for (String other : Limits.NAMES) {
                if (!other.equals(name)) {
                    assertEquals(Limits.defaults().get(other), limits.get(other), name + " changed " + other);
                }
            }
        }
        String aliases = fixture("fixtures/hostile/yaml-many-aliases");
        Run strict = run("scan", aliases, "--fail-on", "critical");
        assertTrue(strict.out().contains("PARSE001 not read: too many YAML aliases (more than 500)"), strict.out());
        Run relaxed = run("scan", aliases, "--fail-on", "critical", "--limit", "yaml-aliases=1000");
        assertTrue(!relaxed.out().contains("PARSE001"), relaxed.out());
        Run unknown = run("scan", aliases, "--limit", "bogus=3");
        assertEquals(Cli.ERROR, unknown.code());
        assertTrue(unknown.err().contains("unknown limit 'bogus'"), unknown.err());
        assertEquals(Cli.ERROR, run("scan", aliases, "--limit", "resources=-1").code());
    }
}
