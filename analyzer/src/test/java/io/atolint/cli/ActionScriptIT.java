package io.atolint.cli;

import io.atolint.testing.Repo;
import io.atolint.testing.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Action's script (action/run.sh) run the way action.yml runs it, in a repository laid out
 * like a user's: templates under infra/, an .atolint.yml, no pom.xml. The jar comes from {@code jar-url}
 * (here the jar this build packaged, as a file: URL), is installed once into the cache directory and
 * found there the second time; the scan writes the SARIF the upload step sends, the Markdown report
 * to the job summary, the step outputs, and exits with atolint's code. Runs after {@code package}.
 */
class ActionScriptIT {
    private static final Path JAR = Repo.path("analyzer/target/atolint.jar");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("ATOLINT_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("action-out", ".txt");
        Path err = Files.createTempFile("action-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the script finishes");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void installsOnceThenScansAUserRepositoryAndReportsForTheLaterSteps(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "packaged before the integration tests: " + JAR);
        Path repo = Files.createDirectories(tmp.resolve("user-repo"));
        Files.createDirectories(repo.resolve("infra"));
        Files.copy(Repo.path("fixtures/demo/three-tier/template.yaml"), repo.resolve("infra/template.yaml"));
        Files.writeString(repo.resolve(".atolint.yml"), "region: us-east-1\ncategory: multi-tenant-saas\n");
        Files.writeString(repo.resolve("README.md"), "# a solution\n");
        assertFalse(Files.exists(repo.resolve("pom.xml")));

        Map<String, String> env = new HashMap<>();
        env.put("ACTION_PATH", Repo.root().toString());
        env.put("ATOLINT_HOME", tmp.resolve("tool-cache").toString());
        env.put("INPUT_JAR_URL", JAR.toUri().toString());
        env.put("INPUT_PATHS", "infra");
        env.put("INPUT_FORMATS", "md=atolint.md junit=atolint-checklist.xml");
        env.put("INPUT_FAIL_ON", "high");
        env.put("INPUT_CONFIG", "");
        env.put("INPUT_ARGS", "--category multi-tenant-saas");
        env.put("INPUT_SARIF", "atolint.sarif");
        env.put("GITHUB_OUTPUT", tmp.resolve("github-output").toString());
        env.put("GITHUB_STEP_SUMMARY", tmp.resolve("step-summary.md").toString());
        String script = Repo.path("action/run.sh").toString();

        Run install = run(repo, env, "bash", script, "install");
        assertEquals(0, install.exit(), install.err());
        assertTrue(install.err().contains("fetching"), install.err());
        assertTrue(Files.isExecutable(tmp.resolve("tool-cache/atolint")), "the launcher sits beside the jar");
        assertEquals(Files.size(JAR), Files.size(tmp.resolve("tool-cache/atolint.jar")));
        Run again = run(repo, env, "bash", script, "install");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("using") && !again.err().contains("fetching"), "the cached jar is used: " + again.err());

        Run scan = run(repo, env, "bash", script, "scan");
        assertEquals(1, scan.exit(), "the demo has high findings: " + scan.err());
        assertTrue(scan.out().contains("infra/template.yaml:") && scan.out().contains("HA"), "the text report goes to the log: " + scan.out());
        SarifSchema.assertValid(Files.readString(repo.resolve("atolint.sarif")), "the action's SARIF");
        assertTrue(Files.readString(repo.resolve("atolint.sarif")).contains("infra/template.yaml"), "SARIF paths are the repository's");
        assertTrue(Files.size(repo.resolve("atolint-checklist.xml")) > 0);
        List<String> outputs = Files.readAllLines(tmp.resolve("github-output"), StandardCharsets.UTF_8);
        assertTrue(outputs.contains("exit-code=1") && outputs.contains("sarif=atolint.sarif"), outputs.toString());
        String summary = Files.readString(tmp.resolve("step-summary.md"));
        assertEquals(Files.readString(repo.resolve("atolint.md")), summary, "the Markdown report is the job summary");
        assertTrue(Files.size(tmp.resolve("tool-cache/atolint.jsa")) > 0,
                "the first scan leaves a class-data-sharing archive in the cache directory, which the cache keeps");

        env.put("INPUT_FAIL_ON", "critical");
        env.put("INPUT_FORMATS", "");
        Files.delete(tmp.resolve("github-output"));
        Run lenient = run(repo, env, "bash", script, "scan");
        assertEquals(0, lenient.exit(), "nothing critical: " + lenient.err());
        assertTrue(Files.readAllLines(tmp.resolve("github-output")).contains("exit-code=0"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActionPassesEveryInputToTheScript() throws IOException {
        Map<String, Object> action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Repo.path("action.yml")));
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
        Map<String, Object> scan = steps.stream().filter(s -> "scan".equals(s.get("id"))).findFirst().orElseThrow();
        Map<String, String> env = (Map<String, String>) scan.get("env");
        String script = Files.readString(Repo.path("action/run.sh"));
        for (String input : inputs.keySet()) {
            if (input.equals("java-version") || input.equals("upload-sarif")) {
                continue; // used by the action's own steps
            }
            String var = "INPUT_" + input.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            assertEquals("${{ inputs." + input + " }}", env.get(var), input + " reaches the script as " + var);
            assertTrue(script.contains(var), "the script reads " + var);
        }
        assertTrue(String.valueOf(scan.get("run")).contains("action/run.sh\" scan"));
        Map<String, Object> upload = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif"))
                .findFirst().orElseThrow();
        assertEquals("${{ steps.scan.outputs.sarif }}", ((Map<String, Object>) upload.get("with")).get("sarif_file"));
    }
}
