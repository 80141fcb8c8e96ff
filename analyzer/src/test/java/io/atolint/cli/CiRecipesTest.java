package io.atolint.cli;

import io.atolint.testing.Repo;
import io.atolint.testing.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI recipes in the repository still match the CLI: the GitHub Actions workflow's scan command runs
 * as written (its report files are the ones the later steps upload and post), and the pre-commit hook
 * calls an executable script with arguments the CLI accepts.
 */
class CiRecipesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String rel) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Repo.path(rel)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> workflow) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        return (List<Map<String, Object>>) job.get("steps");
    }

    private static Map<String, Object> step(Map<String, Object> workflow, String name) {
        return steps(workflow).stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowScanRunsAsWrittenAndFeedsTheLaterSteps(@TempDir Path tmp) throws IOException {
        Map<String, Object> wf = yaml(".github/workflows/atolint.yml");
        Map<String, String> env = (Map<String, String>) wf.get("env");
        String run = String.valueOf(step(wf, "Scan").get("run")).replace("\\\n", " ");
        String command = run.lines().filter(l -> l.contains("atolint.jar scan")).findFirst().orElseThrow();
        command = command.replace("$ATOLINT_PATHS", env.get("ATOLINT_PATHS")).replace("$ATOLINT_OPTIONS", env.get("ATOLINT_OPTIONS"));
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        List<String> args = new ArrayList<>(words.subList(words.indexOf("analyzer/target/atolint.jar") + 1, words.size()));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i > 0 && args.get(i - 1).equals("--format") && a.contains("=")) {
                files.add(a.substring(a.indexOf('=') + 1));
                args.set(i, a.substring(0, a.indexOf('=') + 1) + tmp.resolve(a.substring(a.indexOf('=') + 1)));
            } else if (!a.startsWith("-") && Files.exists(Repo.path(a)) && (i == 0 || !args.get(i - 1).startsWith("--"))) {
                args.set(i, Repo.path(a).toString());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        assertEquals(Cli.FINDINGS, code, "the demo has high findings: " + err.toString(StandardCharsets.UTF_8));
        for (String f : files) {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f + " is written");
        }
        SarifSchema.assertValid(Files.readString(tmp.resolve("atolint.sarif")), "the workflow's SARIF");

        Map<String, Object> upload = (Map<String, Object>) step(wf, "Upload SARIF to code scanning").get("with");
        assertTrue(files.contains(String.valueOf(upload.get("sarif_file"))), "the uploaded SARIF is the one written");
        String summary = String.valueOf(step(wf, "Job summary").get("run"));
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".md") && summary.contains(f)), "the summary posts the Markdown report");
        String artifacts = String.valueOf(((Map<String, Object>) step(wf, "Keep the HTML report and the checklist test report")
                .get("with")).get("path"));
        assertTrue(files.stream().filter(f -> f.endsWith(".html") || f.endsWith(".xml")).allMatch(artifacts::contains));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitHookCallsAnExecutableScriptWithArgumentsTheCliAccepts() throws IOException {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Repo.path(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = hooks.get(0);
        assertEquals("atolint", hook.get("id"));
        assertEquals("script", hook.get("language"));
        String[] entry = String.valueOf(hook.get("entry")).split(" ");
        Path script = Repo.path(entry[0]);
        assertTrue(Files.isExecutable(script), entry[0] + " is an executable script at the repository root");
        List<String> args = new ArrayList<>(List.of(entry).subList(1, entry.length));
        for (Object a : (List<Object>) hook.get("args")) {
            args.add(String.valueOf(a).equals(".") ? Repo.path("fixtures/demo/three-tier").toString() : String.valueOf(a));
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = new Cli(ps, ps).run(args.toArray(String[]::new));
        assertTrue(code == Cli.OK || code == Cli.FINDINGS, "the hook's command line is accepted: " + sink);
        for (String read : List.of("a.tf", "a.tofu", "terragrunt.hcl", "t.yaml", "a.drawio", "a.drawio.png", "a.drawio.svg")) {
            assertTrue(read.matches(".*" + hook.get("files")), "the hook runs for the files atolint reads: " + read);
        }
        assertTrue(!"README.md".matches(".*" + hook.get("files")), "and not for others");
    }
}
