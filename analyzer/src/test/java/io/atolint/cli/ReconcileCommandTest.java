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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code atolint reconcile}, the pairs of {@code .atolint.yml} in {@code scan}, and {@code simulate --diagram}. */
class ReconcileCommandTest {
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
    private static final String DRAWING = Repo.path("fixtures/demo/three-tier-drawio/architecture.drawio").toString();

    @Test
    void reconcilePrintsTheMatchTableAndTheClaimsTheTemplateDoesNotBack() {
        Run r = run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1");
        assertEquals(Cli.FINDINGS, r.code(), r.err());
        assertTrue(r.out().contains("HIGH RECON003 the diagram draws ALB \"WebAlb\" in 2 AZs"), r.out());
        assertTrue(r.out().contains("  AZs: 'Availability Zone 1' = us-east-1a (labelled 'Availability Zone 1')"), r.out());
        assertTrue(r.out().matches("(?s).*'App server' p1 app1 +0\\.\\d\\d  AppGroup\n.*"), r.out());
        assertTrue(r.out().contains("- drawn inside 'AppGroup (Auto Scaling group)', which stands for AppGroup"), r.out());
        // only the reconciliation rules run: the diagram's own rules (DIAG004...) and the template's (HA001...) do not
        assertFalse(r.out().contains(" HA001 ") || r.out().contains(" DIAG004 "), r.out());
    }

    @Test
    void jsonHasTheReconciliationSectionAndSarifTheFindings() throws IOException {
        Run r = run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("1.2", root.get("schemaVersion").asText());
        JsonNode rec = root.get("reconciliation");
        assertEquals(1, rec.get("pairs").size());
        JsonNode alb = null;
        for (JsonNode m : rec.get("matches")) {
            if (m.get("diagram").get("cell").asText().equals("alb")) {
                alb = m;
            }
        }
        assertTrue(alb != null, rec.toString());
        assertEquals(1, alb.get("diagram").get("page").asInt());
        assertEquals("WebAlb", alb.get("diagram").get("label").asText());
        assertEquals("WebAlb", alb.get("iac").get(0).get("id").asText());
        assertEquals("AWS::ElasticLoadBalancingV2::LoadBalancer", alb.get("iac").get(0).get("type").asText());
        assertEquals(167, alb.get("iac").get(0).get("line").asInt());
        assertTrue(alb.get("score").asDouble() > 0.6);
        List<String> kinds = new ArrayList<>();
        rec.get("findings").forEach(f -> kinds.add(f.get("kind").asText() + " " + f.get("ruleId").asText() + " "
                + f.get("severity").asText()));
        assertEquals(List.of("claim-not-backed RECON003 high", "claim-not-backed RECON003 medium"), kinds);

        Run sarif = run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1", "--format", "sarif");
        JsonNode results = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results");
        assertEquals(2, results.size());
        assertEquals("RECON003", results.get(0).get("ruleId").asText());
    }

    @Test
    void markdownAndHtmlCarryTheMatchTable() {
        Run md = run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1", "--format", "md");
        assertTrue(md.out().contains("### Diagram vs IaC: `"), md.out());
        assertTrue(md.out().contains("| RECON003 | claim-not-backed | the diagram draws ALB \"WebAlb\" in 2 AZs"), md.out());
        assertTrue(md.out().contains("<summary>Match table</summary>"), md.out());
        Run html = run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1", "--format", "html");
        assertTrue(html.out().contains("<section id=\"reconciliation\">"), html.out());
        assertTrue(html.out().contains("<td>&#39;WebAlb&#39; p1 alb</td><td>WebAlb</td>")
                || html.out().contains("<td>'WebAlb' p1 alb</td><td>WebAlb</td>"), html.out());
    }

    @Test
    void aBaselineKnowsTheReconciliationFindings(@TempDir Path tmp) {
        String baseline = tmp.resolve("baseline.json").toString();
        assertEquals(Cli.OK, run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1",
                "--create-baseline", baseline).code());
        Run again = run("reconcile", "--diagram", DRAWING, DEMO, "--region", "us-east-1", "--baseline", baseline);
        assertEquals(Cli.OK, again.code(), again.out());
        assertTrue(again.out().contains("2 suppressed"), again.out());
    }

    @Test
    void suppressionsInTheTerraformAndOnADiagramCellAcceptReconciliationFindings() throws IOException {
        String pair = Repo.path("fixtures/reconcile/suppressed").toString();
        Run r = run("scan", pair, "--format", "sarif");
        List<String> seen = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results")) {
            if (result.get("ruleId").asText().startsWith("RECON")) {
                JsonNode s = result.get("suppressions");
                seen.add(result.get("ruleId").asText() + " " + (s == null ? "-" : s.get(0).get("kind").asText() + ": "
                        + s.get(0).get("justification").asText()));
            }
        }
        assertEquals(List.of("RECON001 inSource: the transit gateway is drawn on the network team's diagram",
                "RECON002 inSource: the bastion is deployed from the operations account"), seen.stream().sorted().toList());
        // the checklist counts them as examined, with no finding left
        Run checklist = run("checklist", pair);
        assertTrue(checklist.out().contains("RECON001 examined") && checklist.out().contains("RECON002 examined"),
                checklist.out());
    }

    @Test
    void aPairThatCannotBeComparedIsAnError() {
        Run r = run("reconcile", "--diagram", Repo.path("fixtures/demo/three-tier/template.yaml").toString(), DEMO);
        assertEquals(Cli.ERROR, r.code());
        assertTrue(r.err().contains("cannot compare") && r.err().contains("no diagram page was read"), r.err());
        assertEquals(Cli.ERROR, run("reconcile", DEMO).code());
        assertEquals(Cli.ERROR, run("reconcile", "--diagram", DRAWING, DEMO, "--page", "0").code());
    }

    @Test
    void scanComparesThePairsOfTheConfiguration() throws IOException {
        Run r = run("scan", Repo.path("fixtures/reconcile/cfn-faithful").toString(), "--format", "json");
        JsonNode rec = new ObjectMapper().readTree(r.out()).get("reconciliation");
        assertEquals(2, rec.get("pairs").size(), r.err());
        assertTrue(rec.get("pairs").get(0).get("compared").asBoolean());
        assertTrue(rec.get("pairs").get(1).get("diagram").asText().endsWith("generated/cfn-dia.drawio"));
        // the hand-drawn diagram is faithful; the generated one draws no AZ: one note, nothing else
        List<String> findings = new ArrayList<>();
        rec.get("findings").forEach(f -> findings.add(f.get("pair").asInt() + " " + f.get("severity").asText()));
        assertEquals(List.of("1 info"), findings);
        assertEquals(0, rec.get("undrawn").size());
    }

    @Test
    void configuredPairsMustStayInsideTheRepository(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve(".atolint.yml"), "reconcile:\n  - diagram: ../elsewhere/arch.drawio\n    iac: [infra]\n");
        Run r = run("scan", tmp.toString());
        assertEquals(Cli.ERROR, r.code());
        assertTrue(r.err().contains(".atolint.yml:2:14: reconcile: '../elsewhere/arch.drawio' leaves the repository"),
                r.err());
        Files.writeString(tmp.resolve(".atolint.yml"), "reconcile:\n  - diagram: arch.drawio\n");
        Run missing = run("scan", tmp.toString());
        assertEquals(Cli.ERROR, missing.code());
        assertTrue(missing.err().contains(".atolint.yml:2:5: reconcile: each pair needs a diagram and its iac"), missing.err());
    }

    @Test
    void simulateWithADiagramShowsBothSidesPerAz() {
        Run r = run("simulate", DEMO, "--diagram", DRAWING, "--region", "us-east-1");
        assertTrue(r.out().contains("Availability Zone 1 down (drawn; IaC: us-east-1a)"), r.out());
        assertTrue(r.out().matches("(?s).*\n  load-balancing +DEGRADED +DOWN +the diagram says the load-balancing tier "
                + "survives the loss of Availability Zone 1; the IaC says it does not: WebAlb runs only in us-east-1a\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\n  data +SURVIVES +AT RISK +the diagram says the data tier survives the loss of "
                + "Availability Zone 2; the IaC says it may not: .*"), r.out());
    }
}
