package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code atolint checklist} and {@code scan --category}. */
class ChecklistCliTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String DEMO = Repo.path("fixtures/demo/three-tier").toString();

    @Test
    void textListsEveryItemWithItsVerdictAndFailsOnNotMet() {
        Run r = run("checklist", DEMO, "--region", "us-east-1");
        assertEquals(Cli.FINDINGS, r.code(), r.err());
        assertTrue(r.out().contains("\nTV-3.2    Not met         Solution is resilient to availability zone disruption\n"), r.out());
        assertTrue(r.out().contains("- " + "fixtures/demo/three-tier/template.yaml:172:7 HIGH HA001 ALB \"WebAlb\"")
                || r.out().contains("template.yaml:172:7 HIGH HA001 ALB \"WebAlb\""), r.out());
        assertTrue(r.out().contains("\nTV-3.3    Needs evidence  Resiliency of the solution has been tested\n"), r.out());
        assertTrue(r.out().contains("manual evidence: The report of an AZ game day"), r.out());
        for (String id : new String[]{"PRQ-1.1", "PRQ-5.1", "AD-1", "AD-5", "TV-1.1", "TV-1.22", "TV-2.8", "TV-4.1", "TV-5.4"}) {
            assertTrue(r.out().contains("\n" + id + " "), id);
        }
        assertTrue(r.out().strip().endsWith("0 not applicable"), r.out());
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void customerDeployedMarksTheExemptItemsNotApplicable() {
        Run r = run("checklist", DEMO, "--category", "customer-deployed");
        // Not met: TV-5.3 (MON002, the VPC has no flow log) and, without a region, TV-3.2 through the AZ
        // parameters' defaults that prove the NAT and database single points of failure (SPOF001, SPOF004).
        assertEquals(Cli.FINDINGS, r.code());
        assertTrue(r.out().contains("\nTV-5.3    Not met         AWS and application logs are managed centrally\n"), r.out());
        assertTrue(r.out().contains("\nTV-5.1    Met             Infrastructure provisioning and management is automated\n"), r.out());
        assertTrue(r.out().contains("for a Customer-Deployed solution"), r.out());
        assertTrue(r.out().contains("\nTV-1.5    Not applicable  AWS CloudTrail is enabled"), r.out());
        assertTrue(r.out().contains("\nTV-3.2    Not met         Solution is resilient"), r.out());
        assertTrue(r.out().contains("14 not applicable"), r.out());
    }

    @Test
    void jsonCarriesVerdictsGapsAndTheFindingsBehindThem() throws IOException {
        Run r = run("checklist", DEMO, "--region", "us-east-1", "--category", "managed-service", "--format", "json");
        assertEquals(Cli.FINDINGS, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("managed-service", root.get("category").asText());
        assertEquals(55, root.get("items").size());
        assertEquals(55, root.get("summary").get("items").asInt());
        Map<String, JsonNode> byId = new HashMap<>();
        root.get("items").forEach(i -> byId.put(i.get("id").asText(), i));
        JsonNode tv32 = byId.get("TV-3.2");
        assertEquals("not-met", tv32.get("verdict").asText());
        assertTrue(tv32.get("gap").isNull());
        JsonNode ha = tv32.get("rules").get(0);
        assertEquals("HA001", ha.get("id").asText());
        assertTrue(ha.get("ran").asBoolean());
        assertEquals(172, ha.get("findings").get(0).get("location").get("startLine").asInt());
        JsonNode tv33 = byId.get("TV-3.3");
        assertEquals("needs-evidence", tv33.get("verdict").asText());
        assertEquals("manual", tv33.get("gap").asText());
        assertTrue(tv33.get("expects").asText().contains("game day"));
        int notMet = 0;
        for (JsonNode i : root.get("items")) {
            notMet += i.get("verdict").asText().equals("not-met") ? 1 : 0;
        }
        assertEquals(notMet, root.get("summary").get("notMet").asInt());
        assertEquals("not-met", byId.get("TV-5.3").get("verdict").asText(), "MON002: the demo VPC has no flow log");
        assertEquals("met", byId.get("TV-5.1").get("verdict").asText(), "IAC001: a template was scanned");
    }

    @Test
    void anUnknownCategoryIsAUsageError() {
        Run r = run("checklist", DEMO, "--category", "on-premises");
        assertEquals(Cli.ERROR, r.code());
        assertTrue(r.err().contains("unknown category 'on-premises' (expected multi-tenant-saas|single-tenant-saas|managed-service|customer-deployed)"),
                r.err());
        assertTrue(r.out().isEmpty());
        assertEquals(Cli.ERROR, run("checklist").code());
    }

    @Test
    void scanAcceptsACategory() {
        Run r = run("scan", DEMO, "--region", "us-east-1", "--category", "customer-deployed");
        assertEquals(Cli.FINDINGS, r.code(), "HA001 evidences TV-3.2, which applies to customer-deployed solutions");
        assertTrue(r.out().contains("HIGH HA001"));
        assertFalse(run("scan", DEMO, "--category", "nope").err().isEmpty());
    }
}
