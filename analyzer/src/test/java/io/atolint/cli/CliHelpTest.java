package io.atolint.cli;

import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help per command, "did you mean", the version, and a scan that analysed nothing saying so. */
class CliHelpTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpOfACommandListsEachOptionOnOneLine() {
        Run help = run("help", "scan");
        assertEquals(Cli.OK, help.code());
        assertTrue(help.out().startsWith("usage: atolint scan PATH..."), help.out());
        List<String> optionLines = help.out().lines().filter(l -> l.trim().matches("(-[a-z], )?--.*")).toList();
        assertEquals(ScanCommand.OPTIONS.size(), optionLines.size(), help.out());
        for (Opt o : ScanCommand.OPTIONS) {
            assertTrue(optionLines.stream().anyMatch(l -> l.contains("--" + o.name()) && l.endsWith(o.description())),
                    "--" + o.name() + " and its description on one line");
        }
        assertEquals(help, run("scan", "--help"), "atolint scan --help is the same");
        assertTrue(run("help", "describe").out().contains("--format"));
    }

    @Test
    void aMistypedOptionOrCommandGetsTheNearestOne() {
        Run option = run("scan", Repo.path("fixtures/demo/three-tier").toString(), "--regoin", "us-east-1");
        assertEquals(Cli.ERROR, option.code());
        assertEquals("atolint: unknown option '--regoin' (did you mean '--region'?)\n", option.err());
        Run command = run("scna", "x");
        assertTrue(command.err().startsWith("atolint: unknown command 'scna' (did you mean 'scan'?)"), command.err());
        assertTrue(run("scan", "x", "--zzzzzzzz").err().startsWith("atolint: unknown option '--zzzzzzzz'\n"), "nothing near: no guess");
    }

    @Test
    void theVersion() {
        Run v = run("--version");
        assertEquals(Cli.OK, v.code());
        assertTrue(v.out().matches("atolint \\S+\\n"), v.out());
    }

    @Test
    void aScanThatAnalysedNothingSaysSoWithTheReasons(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("README.md"), "# nothing to scan\n");
        Files.writeString(tmp.resolve("values.yaml"), "replicas: 3\nimage: nginx\n");
        Files.writeString(tmp.resolve("package.json"), "{\"name\": \"x\"}\n");
        Run r = run("scan", tmp.toString());
        assertEquals(Cli.OK, r.code());
        assertTrue(r.err().startsWith("atolint: no input was analysed in " + tmp + ": 2 files skipped"), r.err());
        assertTrue(r.err().contains("not a CloudFormation template"), r.err());
        Run analysed = run("scan", Repo.path("fixtures/demo/three-tier").toString());
        assertTrue(!analysed.err().contains("no input was analysed"), analysed.err());
    }

    @Test
    void aDiagramScannedBesideCodeItDoesNotCompareWithSaysHow(@TempDir Path tmp) throws Exception {
        Path pair = Repo.path("fixtures/reconcile/tf-faithful");
        Files.copy(pair.resolve("architecture.drawio"), tmp.resolve("architecture.drawio"));
        Files.createDirectories(tmp.resolve("infra"));
        try (var files = Files.list(pair.resolve("infra"))) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve("infra").resolve(f.getFileName()));
            }
        }
        Run unpaired = run("scan", tmp.toString());
        assertTrue(unpaired.err().contains("1 diagram and infrastructure as code were scanned without comparing them"),
                unpaired.err());
        assertTrue(unpaired.err().contains("atolint reconcile --diagram "), unpaired.err());
        assertTrue(!run("scan", tmp.toString(), "--quiet").err().contains("without comparing"), "--quiet prints findings only");
        Run paired = run("scan", pair.toString());
        assertTrue(!paired.err().contains("without comparing"), "the configuration pairs them: " + paired.err());
    }
}
