package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.testing.Repo;
import io.atolint.testing.SarifSchema;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's reporting side: several formats at once, colour rules, baselines, the configuration file. */
class ReportingCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    private static Run run(Terminal terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Terminal.none(), args);
    }

    private static Path threeTierCopy(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("app"));
        Files.copy(Repo.path("fixtures/demo/three-tier/template.yaml"), dir.resolve("template.yaml"));
        return dir;
    }

    @Test
    void severalFormatsEachToItsOwnFileAndOnlyOneToStdout(@TempDir Path tmp) throws IOException {
        Path sarif = tmp.resolve("out.sarif");
        Path md = tmp.resolve("summary.md");
        Path json = tmp.resolve("out.json");
        Run r = run("scan", Repo.path("fixtures/demo/three-tier").toString(), "--region", "us-east-1",
                "--format", "sarif=" + sarif, "--format", "md=" + md, "--format", "json=" + json, "--format", "text");
        assertEquals(Cli.FINDINGS, r.code(), r.err());
        assertTrue(r.out().contains("HIGH HA001"), r.out());
        assertFalse(r.out().contains("\"ruleId\""), "machine output goes only where asked");
        String sarifText = Files.readString(sarif);
        SarifSchema.assertValid(sarifText, "the CLI's SARIF");
        // The demo has several rules' findings (SPOF001, HA001, SPOF004, MON002 and notes); HA001 is in each output.
        JsonNode findings = JSON.readTree(json.toFile()).get("findings");
        JsonNode jsonHa001 = first(findings, "HA001");
        JsonNode sarifHa001 = first(JSON.readTree(sarifText).at("/runs/0/results"), "HA001");
        assertTrue(jsonHa001 != null && sarifHa001 != null, sarifText);
        assertTrue(jsonHa001.get("message").asText().startsWith("ALB \"WebAlb\" has subnets in 1 AZ"), jsonHa001.toString());
        assertEquals(jsonHa001.get("message").asText(), sarifHa001.at("/message/text").asText());
        assertEquals(jsonHa001.at("/location/startLine").asInt(),
                sarifHa001.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(172, jsonHa001.at("/location/startLine").asInt());
        // The Markdown headline counts the JSON report's failing (non-info, unsuppressed) findings by severity.
        String mdText = Files.readString(md);
        assertEquals("## atolint: " + headline(findings), mdText.lines().findFirst().orElseThrow(), mdText);
        assertTrue(mdText.contains("HA001"), mdText);
    }

    @Test
    void outputChoicesThatCannotWorkAreUsageErrors(@TempDir Path tmp) {
        String t = Repo.path("fixtures/demo/three-tier").toString();
        Run two = run("scan", t, "--format", "text", "--format", "json");
        assertEquals(Cli.ERROR, two.code());
        assertTrue(two.err().contains("only one report can go to stdout"), two.err());
        Run noTarget = run("scan", t, "--format", "json=" + tmp.resolve("a.json"), "--output", tmp.resolve("b").toString());
        assertEquals(Cli.ERROR, noTarget.code());
        Run same = run("scan", t, "--format", "json=" + tmp.resolve("a"), "--format", "sarif=" + tmp.resolve("a"));
        assertEquals(Cli.ERROR, same.code());
        assertTrue(same.err().contains("two reports would be written to"), same.err());
        Run unknown = run("scan", t, "--format", "pdf");
        assertEquals(Cli.ERROR, unknown.code());
        assertTrue(unknown.err().contains("unknown format 'pdf'"), unknown.err());
        assertEquals("", unknown.out());
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor(@TempDir Path tmp) throws IOException {
        String t = Repo.path("fixtures/demo/three-tier").toString();
        String esc = "\u001b[";
        assertTrue(run(new Terminal(true, false, Map.of()), "scan", t, "--region", "us-east-1").out().contains(esc));
        assertFalse(run(new Terminal(true, false, Map.of("NO_COLOR", "1")), "scan", t, "--region", "us-east-1")
                .out().contains(esc));
        assertFalse(run(new Terminal(false, true, Map.of()), "scan", t, "--region", "us-east-1").out().contains(esc));
        Path file = tmp.resolve("report.txt");
        run(new Terminal(true, true, Map.of()), "scan", t, "--region", "us-east-1", "--format", "text=" + file);
        assertFalse(Files.readString(file).contains(esc), "a file never gets colour");
        Run small = run(new Terminal(true, true, Map.of()), "scan", t);
        assertEquals("", small.err(), "a short scan of one file shows no progress");
    }

    @Test
    void quietPrintsTheOpenFindingsLinesAndNothingElse(@TempDir Path tmp) throws IOException {
        String dir = Repo.path("fixtures/suppress/cfn-template-metadata").toString();
        Run full = run("scan", dir, "--region", "us-east-1");
        Run quiet = run("scan", dir, "--region", "us-east-1", "--quiet");
        assertEquals(full.code(), quiet.code(), "--quiet changes what is printed, not the exit code");
        List<String> open = full.out().lines().filter(l -> l.matches("\\S+:\\d+:\\d+ [A-Z]+ \\S+ .*"))
                .filter(l -> !l.contains("[suppressed")).toList();
        assertFalse(open.isEmpty(), full.out());
        assertTrue(full.out().contains("[suppressed") && full.out().contains("topology of"), full.out());
        assertEquals(open, quiet.out().lines().toList(), "only the open findings' lines: " + quiet.out());
        assertEquals("", quiet.err());

        // -q: no notice that the baseline was written, and an exit code like without it
        Path baseline = tmp.resolve("b.json");
        Run create = run("scan", Repo.path("fixtures/demo/three-tier").toString(), "-q", "--create-baseline",
                baseline.toString());
        assertEquals(Cli.OK, create.code(), create.err());
        assertEquals("", create.err());
        assertTrue(Files.size(baseline) > 0);

        // machine-read formats are not cut: the JSON report is the same with and without it
        assertEquals(run("scan", dir, "--format", "json").out(), run("scan", dir, "--format", "json", "-q").out());
        // every failing finding known to the baseline (which keeps no notes): only the notes' lines remain
        Run clean = run("scan", Repo.path("fixtures/demo/three-tier").toString(), "-q", "--baseline", baseline.toString());
        assertEquals(Cli.OK, clean.code(), clean.err());
        assertFalse(clean.out().isEmpty());
        assertTrue(clean.out().lines().allMatch(l -> l.matches("\\S+:\\d+:\\d+ INFO \\S+ .*")), clean.out());
    }

    @Test
    void aBaselineAbsorbsKnownFindingsEvenWhenLinesMoveButNotNewOnes(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Path baseline = tmp.resolve("atolint-baseline.json");
        Run create = run("scan", app.toString(), "--region", "us-east-1", "--create-baseline", baseline.toString());
        assertEquals(Cli.OK, create.code(), create.err());
        int knownCount = JSON.readTree(baseline.toFile()).get("findings").size();
        assertTrue(create.err().contains("with " + knownCount + " known findings"), create.err());
        assertTrue(first(JSON.readTree(baseline.toFile()).get("findings"), "HA001") != null, "the HA001 finding is known");

        Run known = run("scan", app.toString(), "--region", "us-east-1", "--baseline", baseline.toString(), "--format", "json");
        assertEquals(Cli.OK, known.code(), known.out());
        JsonNode f = first(JSON.readTree(known.out()).get("findings"), "HA001");
        assertEquals("baseline", f.at("/suppression/kind").asText());

        // lines added above the finding: same fingerprint, still known
        Path template = app.resolve("template.yaml");
        Files.writeString(template, "# a comment\n# another\n\n" + Files.readString(template));
        Run moved = run("scan", app.toString(), "--region", "us-east-1", "--baseline", baseline.toString());
        assertEquals(Cli.OK, moved.code(), moved.out());
        assertTrue(moved.out().contains(":175:7"), "the finding moved three lines down: " + moved.out());

        // a new load balancer on the same subnets is a new finding
        Files.writeString(template, Files.readString(template) + """
                  AdminAlb:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties:
                      Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
                """);
        Path sarif = tmp.resolve("new.sarif");
        Run added = run("scan", app.toString(), "--region", "us-east-1", "--baseline", baseline.toString(),
                "--format", "sarif=" + sarif);
        assertEquals(Cli.FINDINGS, added.code());
        String sarifText = Files.readString(sarif);
        SarifSchema.assertValid(sarifText, "SARIF with a baseline");
        List<String> states = new ArrayList<>();
        for (JsonNode res : JSON.readTree(sarifText).at("/runs/0/results")) {
            String rule = res.get("ruleId").asText();
            if (!rule.equals("HA001") && !rule.startsWith("SPOF")) {
                continue; // the availability findings are this test's subject
            }
            states.add(res.at("/message/text").asText().substring(0, 14) + " " + res.get("baselineState").asText());
        }
        assertEquals(List.of("egress tier: N unchanged", "ALB \"WebAlb\" h unchanged", "data tier: RDS unchanged",
                "ALB \"AdminAlb\" new"), states);
    }

    @Test
    void aBaselineThatIsNotOneIsAUsageError(@TempDir Path tmp) throws IOException {
        Path bogus = tmp.resolve("b.json");
        Files.writeString(bogus, "{\"findings\": 3}");
        Run r = run("scan", Repo.path("fixtures/demo/three-tier").toString(), "--baseline", bogus.toString());
        assertEquals(Cli.ERROR, r.code());
        assertTrue(r.err().contains("not an atolint baseline"), r.err());
    }

    @Test
    void theConfigurationFileIsFoundUpwardAndApplied(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Files.createDirectories(tmp.resolve(".git"));
        Files.writeString(tmp.resolve(".atolint.yml"), """
                region: us-east-1
                fail-on: critical
                rules:
                  HA001: {severity: critical}
                  SUPP002: off
                """);
        Run r = run("scan", app.toString(), "--format", "json");
        assertEquals(Cli.FINDINGS, r.code(), r.err());
        JsonNode f = first(JSON.readTree(r.out()).get("findings"), "HA001");
        assertEquals("HA001", f.get("ruleId").asText());
        assertEquals("critical", f.get("severity").asText(), "region from the file resolves GetAZs; severity overridden");

        Files.writeString(tmp.resolve(".atolint.yml"), "region: us-east-1\nrules:\n  HA001: off\n  SPOF001: off\n"
                + "  SPOF004: off\n");
        Run off = run("scan", app.toString(), "--format", "json");
        assertEquals(Cli.OK, off.code());
        for (String rule : new String[]{"HA001", "SPOF001", "SPOF004"}) {
            assertEquals(null, first(JSON.readTree(off.out()).get("findings"), rule), off.out());
        }

        Run flagWins = run("scan", app.toString(), "--config", Repo.path("fixtures/config/strict/.atolint.yml").toString(),
                "--format", "json");
        assertEquals(Cli.FINDINGS, flagWins.code(), flagWins.err());
    }

    @Test
    void simulateAndGraphReadTheConfigurationToo(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Files.createDirectories(tmp.resolve(".git"));
        Run symbolic = run("simulate", app.toString());
        assertTrue(symbolic.out().contains("WebAlb (us-east-1a, GetAZs('')[0])"), symbolic.out());
        Files.writeString(tmp.resolve(".atolint.yml"), "region: us-east-1\n");
        Run configured = run("simulate", app.toString());
        assertTrue(configured.out().contains("1 AZ   WebAlb (us-east-1a)"), "the region comes from the file: " + configured.out());
        assertEquals(Cli.FINDINGS, configured.code());
        String graph = run("graph", app.toString(), "--format", "json").out();
        assertTrue(graph.contains("GetAZs('')[0] of us-east-1"), "the index resolved with the file's region: " + graph);
    }

    @Test
    void unknownKeysAndBadValuesAreErrorsWithTheirLine(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Files.createDirectories(tmp.resolve(".git"));
        Path cfg = tmp.resolve(".atolint.yml");
        Files.writeString(cfg, "region: us-east-1\nfail_on: high\n");
        Run r = run("scan", app.toString());
        assertEquals(Cli.ERROR, r.code());
        assertTrue(r.err().contains(".atolint.yml:2:1: unknown key 'fail_on' (known keys: baseline, category, docs-uri, fail-on,"),
                r.err());
        assertEquals("", r.out());
        Files.writeString(cfg, "rules:\n  HA001:\n    severity: urgent\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:3:15: HA001.severity: unknown severity 'urgent'"));
        Files.writeString(cfg, "rules:\n  HA999: off\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:2:3: rules: unknown rule 'HA999'"));
        Files.writeString(cfg, "category: government\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:1:11: unknown category 'government'"));
        Files.writeString(cfg, "formats: [text, pdf=x.pdf]\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:1:17: unknown format 'pdf'"));
        Files.writeString(cfg, "region: [a\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:2:1: invalid YAML"));
        Files.writeString(cfg, "!!java.lang.Runtime x: 1\n");
        assertEquals(Cli.ERROR, run("scan", app.toString()).code(), "no tag ever constructs an object");
    }

    @Test
    void safetyLimitsComeFromTheConfigurationAndTheCommandLineWins(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Files.createDirectories(tmp.resolve(".git"));
        Path cfg = tmp.resolve(".atolint.yml");
        Files.writeString(cfg, "region: us-east-1\nlimits:\n  file-bytes: 100\n");
        Run small = run("scan", app.toString(), "--format", "json");
        JsonNode cut = first(JSON.readTree(small.out()).get("findings"), "PARSE001");
        assertTrue(cut != null && cut.get("message").asText().contains("above the limit of 100 bytes"), small.out());
        Run wins = run("scan", app.toString(), "--format", "json", "--limit", "file-bytes=10000000");
        assertEquals(null, first(JSON.readTree(wins.out()).get("findings"), "PARSE001"), wins.out());
        assertTrue(JSON.readTree(wins.out()).get("findings").size() > 0, "the template is read and judged");
        assertTrue(first(JSON.readTree(wins.out()).get("findings"), "HA001") != null, "the one-AZ ALB is found: " + wins.out());
        Files.writeString(cfg, "limits:\n  file-size: 100\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:2:3: unknown limit 'file-size'"));
        Files.writeString(cfg, "limits:\n  resources: many\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:2:14: limits.resources expects a whole number"));
    }

    @Test
    void helpLinksPointWhereTheConfigurationSaysTheRulesArePublished(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Files.createDirectories(tmp.resolve(".git"));
        Path cfg = tmp.resolve(".atolint.yml");
        Files.writeString(cfg, "region: us-east-1\ndocs-uri: https://docs.example.org/atolint/rules\n");
        JsonNode sarif = JSON.readTree(run("scan", app.toString(), "--format", "sarif").out());
        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
        assertTrue(rules.size() > 0);
        for (JsonNode rule : rules) {
            assertEquals("https://docs.example.org/atolint/rules#" + rule.get("id").asText().toLowerCase(),
                    rule.get("helpUri").asText());
        }
        assertTrue(run("scan", app.toString(), "--format", "md").out().contains("](https://docs.example.org/atolint/rules#ha001)"));
        Files.writeString(cfg, "docs-uri: docs/rules.md\n");
        assertTrue(run("scan", app.toString()).err().contains(".atolint.yml:1:11: docs-uri: expected an absolute http(s) URI"));
    }

    @Test
    void ignoredPathsAreNotScannedAndDefaultFormatsAreWritten(@TempDir Path tmp) throws IOException {
        Path app = threeTierCopy(tmp);
        Path legacy = Files.createDirectories(app.resolve("legacy"));
        Files.copy(Repo.path("fixtures/rules/HA001/cfn-json-same-az/template.json"), legacy.resolve("old.json"));
        Files.createDirectories(tmp.resolve(".git"));
        Files.writeString(tmp.resolve(".atolint.yml"), """
                region: us-east-1
                ignore-paths: [app/legacy]
                formats: [text, sarif=reports/atolint.sarif]
                """);
        Files.createDirectories(tmp.resolve("reports"));
        Run r = run("scan", app.toString());
        assertEquals(Cli.FINDINGS, r.code(), r.err());
        assertFalse(r.out().contains("old.json"), r.out());
        assertTrue(r.out().contains("from 1 file"), r.out());
        assertTrue(Files.exists(tmp.resolve("reports/atolint.sarif")), "the configured SARIF file is written");
    }

    @Test
    void markdownLinksPointAtTheCommitInGitHubActions() {
        var s = ReportLinks.settings(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r",
                "GITHUB_SHA", "abc123"));
        assertEquals("https://github.com/o/r/blob/abc123/", s.linkBase());
        assertEquals("", ReportLinks.settings(Map.of()).linkBase());
    }

    @Test
    void theChecklistCommandHonoursSuppressionsLikeScan() throws IOException {
        Run r = run("checklist", Repo.path("fixtures/suppress/cfn-template-metadata").toString(), "--format", "json");
        JsonNode tv32 = null;
        for (JsonNode item : JSON.readTree(r.out()).get("items")) {
            if (item.get("id").asText().equals("TV-3.2")) {
                tv32 = item;
            }
        }
        assertTrue(tv32 != null, r.out());
        assertEquals("met", tv32.get("verdict").asText(), "both HA001 findings are suppressed in the template: " + tv32);
        Run unsuppressed = run("checklist", Repo.path("fixtures/suppress/cfn-resource-metadata").toString(), "--format", "json");
        JsonNode tv32Unsuppressed = null;
        for (JsonNode item : JSON.readTree(unsuppressed.out()).get("items")) {
            if (item.get("id").asText().equals("TV-3.2")) {
                tv32Unsuppressed = item;
            }
        }
        assertTrue(tv32Unsuppressed != null, unsuppressed.out());
        assertEquals("not-met", tv32Unsuppressed.get("verdict").asText(), "the Api ALB is not suppressed there: " + tv32Unsuppressed);
    }

    @Test
    void graphExportsTheResolvedGraphAsJsonOrDot() throws IOException {
        String t = Repo.path("fixtures/demo/three-tier").toString();
        Run json = run("graph", t, "--region", "us-east-1", "--format", "json");
        assertEquals(Cli.OK, json.code(), json.err());
        JsonNode g = JSON.readTree(json.out());
        // The exported nodes are the scan's resources: same units, ids and names, in the same order.
        JsonNode resources = JSON.readTree(run("scan", t, "--region", "us-east-1", "--format", "json").out()).get("resources");
        assertEquals(31, resources.size());
        List<String> expectedIds = new ArrayList<>();
        List<String> expectedNames = new ArrayList<>();
        for (JsonNode res : resources) {
            expectedIds.add(res.get("unit").asText() + "#" + res.get("id").asText());
            expectedNames.add(res.get("name").asText());
        }
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode n : g.get("nodes")) {
            ids.add(n.get("id").asText());
            names.add(n.get("name").asText());
        }
        assertEquals(expectedIds, ids);
        assertEquals(expectedNames, names);
        assertTrue(names.containsAll(List.of("WebAlb", "AppGroup", "Database", "NatGateway")), names.toString());
        boolean listener = false;
        for (JsonNode e : g.get("edges")) {
            listener |= e.get("type").asText().equals("routes-to") && e.get("source").asText().endsWith("WebAlb")
                    && e.get("via").asText().equals("listener HttpsListener HTTPS:443");
        }
        assertTrue(listener, "the listener's traffic edge is exported with what establishes it");
        JsonNode subnetB = null;
        for (JsonNode n : g.get("nodes")) {
            if (n.get("name").asText().equals("PublicSubnetB")) {
                subnetB = n;
            }
        }
        assertEquals("us-east-1a", subnetB.at("/placement/azs/0/value").asText());

        Run dot = run("graph", t, "--format", "dot");
        assertEquals(Cli.OK, dot.code());
        assertTrue(dot.out().startsWith("digraph atolint {"), dot.out());
        assertTrue(dot.out().contains("label=\"routes_to\\nlistener HttpsListener HTTPS:443\""), dot.out());
        assertEquals(Cli.ERROR, run("graph", t, "--format", "svg").code());
    }

    @Test
    void progressShowsOnlyForLongScansOnATerminal() {
        assertFalse(Progress.due(200, 1999));
        assertTrue(Progress.due(201, 0));
        assertTrue(Progress.due(3, 2001));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (Progress p = new Progress(ps, false)) {
            p.track(List.of());
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "never on a pipe");

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        PrintStream ttyStream = new PrintStream(tty, true, StandardCharsets.UTF_8);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("t/f" + i + ".yaml");
        }
        io.atolint.parse.SourceTree big = new io.atolint.parse.SourceTree() {
            @Override
            public String root() {
                return "t";
            }

            @Override
            public List<String> files() {
                return many;
            }

            @Override
            public io.atolint.parse.ReadResult readText(String path) {
                return new io.atolint.parse.ReadResult.Text(new io.atolint.parse.SourceFile(path, "x: 1"));
            }

            @Override
            public io.atolint.parse.ReadResult readBytes(String path) {
                return readText(path);
            }
        };
        try (Progress p = new Progress(ttyStream, true)) {
            List<io.atolint.parse.SourceTree> tracked = p.track(List.of(big));
            tracked.get(0).readText("t/f1.yaml");
            tracked.get(0).readText("t/f2.yaml");
            p.tick();
        }
        String shown = tty.toString(StandardCharsets.UTF_8);
        // The ticker may have drawn earlier lines; the last one shows the final state.
        int last = shown.lastIndexOf("\ratolint:");
        assertTrue(last >= 0, shown);
        assertTrue(shown.substring(last).startsWith("\ratolint: reading, 2/201 files read, "), shown);
        assertTrue(shown.endsWith("\r\u001b[K"), "the line is erased at the end, leaving the terminal to the report");
    }

    /** "N findings (x high, y medium)" from JSON findings: non-info, unsuppressed, most severe first. */
    private static String headline(JsonNode findings) {
        List<String> order = List.of("critical", "high", "medium", "low");
        Map<String, Integer> counts = new java.util.HashMap<>();
        int failing = 0;
        for (JsonNode f : findings) {
            String sev = f.get("severity").asText();
            if (order.contains(sev) && !f.has("suppression")) {
                counts.merge(sev, 1, Integer::sum);
                failing++;
            }
        }
        if (failing == 0) {
            return "no findings";
        }
        List<String> parts = new ArrayList<>();
        for (String sev : order) {
            if (counts.containsKey(sev)) {
                parts.add(counts.get(sev) + " " + sev);
            }
        }
        return failing + (failing == 1 ? " finding" : " findings") + " (" + String.join(", ", parts) + ")";
    }

    /** The first finding or SARIF result of a rule, or null: the demo holds several rules' findings. */
    private static JsonNode first(JsonNode list, String rule) {
        for (JsonNode f : list) {
            if (f.get("ruleId").asText().equals(rule)) {
                return f;
            }
        }
        return null;
    }
}
