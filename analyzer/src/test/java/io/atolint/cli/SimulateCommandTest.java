package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
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
    void textNamesEachLostAzTheTiersItTakesDownAndWhere() {
        Run r = run("simulate", DEMO, "--region", "us-east-1");
        assertEquals(Cli.FINDINGS, r.code(), r.err());
        assertTrue(r.out().contains("\nus-east-1a down -> DOWN\n"), r.out());
        assertTrue(r.out().matches("(?s).*load-balancing tier +DOWN +WebAlb runs only in us-east-1a \\(\\S*template.yaml:167:3\\).*"),
                r.out());
        assertTrue(r.out().contains("  1. InternetGateway -> WebAlb -> AppGroup -> Database"), r.out());
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void jsonCarriesScenariosWithVerdictsAndCauses() throws IOException {
        Run r = run("simulate", DEMO, "--region", "us-east-1", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("1.0", root.get("schemaVersion").asText());
        JsonNode model = root.get("models").get(0);
        assertEquals("cloudformation", model.get("format").asText());
        JsonNode a = model.get("scenarios").get(0);
        assertEquals("us-east-1a", a.get("az").get("value").asText());
        assertEquals("down", a.get("worst").asText());
        JsonNode data = null;
        for (JsonNode t : a.get("tiers")) {
            if (t.get("tier").asText().equals("data")) {
                data = t;
            }
        }
        assertTrue(data != null);
        assertEquals("at-risk", data.get("verdict").asText());
        assertEquals("Database", data.get("causes").get(0).get("resource").asText());
        assertEquals(250, data.get("causes").get(0).get("location").get("startLine").asInt());
    }

    @Test
    void aSurvivingArchitectureExitsZeroAndUsageErrorsTwo() {
        Run ok = run("simulate", Repo.path("fixtures/rules/HA002/cfn-yaml-instances-of-one-target-group").toString());
        assertEquals(Cli.OK, ok.code(), ok.out());
        assertTrue(ok.out().contains("us-east-1a down -> survives, degraded"), ok.out());
        assertEquals(Cli.ERROR, run("simulate").code());
        assertEquals(Cli.ERROR, run("simulate", DEMO, "--format", "xml").code());
    }
}
