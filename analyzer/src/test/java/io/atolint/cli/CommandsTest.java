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
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as declared: each reads its own options, and every command that scans goes through the scan job. */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A repository with the three-tier template and a second one, {@code legacy/}, that the configuration ignores. */
    private static Path repoWithIgnoredFolder(Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve(".git"));
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.copy(Repo.path("fixtures/demo/three-tier/template.yaml"), app.resolve("template.yaml"));
        Path legacy = Files.createDirectories(app.resolve("legacy"));
        Files.writeString(legacy.resolve("old.yaml"), """
                Resources:
                  LegacyQueue:
                    Type: AWS::SQS::Queue
                """);
        Files.writeString(tmp.resolve(".atolint.yml"), "ignore-paths:\n  - app/legacy/**\n");
        return app;
    }

    private static Set<String> graphNodeNames(String json) throws IOException {
        Set<String> names = new HashSet<>();
        for (JsonNode n : JSON.readTree(json).get("nodes")) {
            names.add(n.toString());
        }
        return names;
    }

    @Test
    void graphAndSimulateSkipWhatTheConfigurationIgnoresAsScanDoes(@TempDir Path tmp) throws IOException {
        Path app = repoWithIgnoredFolder(tmp);
        Run scan = run("scan", app.toString(), "--format", "json");
        assertFalse(scan.out().contains("legacy/old.yaml"), scan.out());

        Run graph = run("graph", app.toString(), "--format", "json");
        assertEquals(Cli.OK, graph.code(), graph.err());
        assertTrue(graphNodeNames(graph.out()).stream().anyMatch(n -> n.contains("WebAlb")), graph.out());
        assertFalse(graph.out().contains("LegacyQueue"), "ignored by .atolint.yml: " + graph.out());

        Files.delete(tmp.resolve(".atolint.yml"));
        Run unignored = run("graph", app.toString(), "--format", "json");
        assertTrue(unignored.out().contains("LegacyQueue"), "the same tree without the configuration: " + unignored.out());

        Files.writeString(tmp.resolve(".atolint.yml"), "ignore-paths:\n  - app/legacy/**\n");
        Run simulate = run("simulate", app.toString(), "--format", "json");
        JSON.readTree(simulate.out()); // stdout holds the JSON and nothing else
        assertFalse(simulate.out().contains("legacy/old.yaml"), simulate.out());
    }

    @Test
    void aCommandRefusesAnOptionItDoesNotRead() {
        String t = Repo.path("fixtures/demo/three-tier").toString();
        Run graph = run("graph", t, "--fail-on", "high");
        assertEquals(Cli.ERROR, graph.code());
        assertTrue(graph.err().contains("fail-on"), graph.err());
        assertEquals("", graph.out());
        Run describe = run("describe", t, "--region", "us-east-1");
        assertEquals(Cli.ERROR, describe.code());
        assertEquals(Cli.ERROR, run("simulate", t, "--baseline", "known.json").code());
    }

    @Test
    void helpListsEveryCommandAndTheScanOptions() {
        Run help = run("--help");
        assertEquals(Cli.OK, help.code());
        for (Command c : Cli.COMMANDS) {
            assertTrue(help.out().contains("atolint " + c.synopsis()), c.name() + ": " + help.out());
        }
        for (Opt o : ScanCommand.OPTIONS) {
            assertTrue(help.out().contains("--" + o.name()), o.name() + ": " + help.out());
        }
        assertEquals("", help.err());
    }

    @Test
    void everyCommandThatScansReadsTheScanInputOptions() {
        for (Command c : Cli.COMMANDS) {
            Set<String> names = new HashSet<>();
            c.options().forEach(o -> assertTrue(names.add(o.name()), c.name() + " declares --" + o.name() + " twice"));
            if (c.synopsis().contains("PATH...")) {
                for (Opt o : ScanInput.OPTIONS) {
                    assertTrue(names.contains(o.name()), c.name() + " lacks --" + o.name());
                }
            }
        }
    }
}
