package io.atolint.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.report.JsonReport;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile corpus ({@code fixtures/hostile/<case>/}): every case is scanned beside a control input,
 * and must give exactly its expected findings (rule, file, position), leave the control's findings
 * unchanged, complete, and never touch the sentinel server on loopback or the sentinel file outside
 * the tree (whose content must never appear in a report). {@code @SENTINEL_URL@},
 * {@code @SENTINEL_FILE@}, {@code @SENTINEL_DIR@} (a Terraform module directory) and
 * {@code @SENTINEL_DIR_RELATIVE@} (the same, relative to the file's directory) in case files are replaced
 * by the live sentinels. {@code scan: DIR} in case.yaml scans that subdirectory of the case, with the
 * case as the repository root.
 *
 * <p>A case may also run the command line ({@code cli:} steps, each with its arguments, exit code and what
 * its standard output and error must or must not contain), for what only the CLI decides: the configuration,
 * option files, report files, baselines. The case then sits two directories below the test's temporary
 * directory, and nothing may appear anywhere in that directory outside the case, nor in the sentinel
 * directory; no line printed may carry a control character or read as a GitHub Actions workflow command.
 * {@code @CASE@} in arguments is the case's directory.
 */
class HostileInputsTest {
    private static final String MARKER = "SENTINEL-CONTENT-" + Long.toHexString(System.nanoTime());
    private static ServerSocket server;
    private static final AtomicInteger connections = new AtomicInteger();
    private static Path sentinelDir;
    private static Path sentinelFile;
    private static List<String> controlAlone;

    @BeforeAll
    static void sentinels() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "sentinel-server");
        t.setDaemon(true);
        t.start();
        sentinelDir = Files.createTempDirectory("atolint-sentinel");
        sentinelFile = sentinelDir.resolve("sentinel.yaml");
        Files.writeString(sentinelFile, "Resources:\n  " + MARKER.replace("-", "") + ":\n    Type: AWS::S3::Bucket\n"
                + "# " + MARKER + "\n");
        // a module directory outside the tree, for module sources that try to climb out
        Files.writeString(sentinelDir.resolve("main.tf"), "resource \"aws_s3_bucket\" \"" + MARKER.replace("-", "")
                + "\" {}\n");
        controlAlone = describe(new Analyzer(io.atolint.checks.Rules.all()).analyze(List.of(control()), ParseOptions.defaults()).findings());
    }

    @AfterAll
    static void close() throws IOException {
        server.close();
    }

    private static SourceTree control() {
        return new FileSystemSourceTree(Repo.path("fixtures/hostile/_control"), "control", Limits.defaults());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.path("fixtures/hostile"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> !n.startsWith("_")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileCase(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path source = Repo.path("fixtures/hostile/" + name);
        Map<String, Object> spec = spec(source);
        Path work = tmp.resolve("outer").resolve("inner").resolve(name);
        copyWithSentinels(source, work, work);
        setup(String.valueOf(spec.getOrDefault("setup", "")), String.valueOf(spec.getOrDefault("generate", "")), work);

        int before = connections.get();
        String scan = (String) spec.get("scan");
        SourceTree caseTree = scan == null ? new FileSystemSourceTree(work, "case", Limits.defaults())
                : new FileSystemSourceTree(work.resolve(scan), "case/" + scan, Limits.defaults(), work);
        Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Analyzer.standard()
                .analyze(List.of(caseTree, control()), ParseOptions.defaults()));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonReport.write(a, json);
        String report = json.toString(StandardCharsets.UTF_8);
        new ObjectMapper().readTree(report); // well-formed

        assertEquals(before, connections.get(), "the sentinel server was contacted");
        assertFalse(report.contains(MARKER) || report.contains(MARKER.replace("-", "")), "the sentinel file was read");

        List<Finding> inCase = a.findings().stream().filter(f -> f.location().file().startsWith("case")).toList();
        // Hostile inputs are about reading: parse diagnostics, and the findings of the rules a case names.
        // Other rules' verdicts on the odd resources these files hold are not the point.
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Object o : (List<?>) spec.getOrDefault("expect", List.of())) {
            named.add(String.valueOf(((Map<?, ?>) o).get("rule")));
        }
        // rules a case checks without expecting any of their findings ("checked: [HA001]": none may appear)
        for (Object o : (List<?>) spec.getOrDefault("checked", List.of())) {
            named.add(String.valueOf(o));
        }
        List<Finding> unmatched = new ArrayList<>(inCase.stream()
                .filter(f -> f.ruleId().startsWith("PARSE") || (named.contains(f.ruleId()) && f.severity() != Severity.INFO))
                .toList());
        for (Object o : (List<?>) spec.getOrDefault("expect", List.of())) {
            Map<?, ?> e = (Map<?, ?>) o;
            Finding hit = unmatched.stream().filter(f -> matches(f, e)).findFirst().orElse(null);
            if (hit == null) {
                fail(name + ": expected " + e + " among " + describe(inCase));
            }
            unmatched.remove(hit);
        }
        assertTrue(unmatched.isEmpty(), name + ": unexpected findings " + describe(unmatched));
        for (Object s : (List<?>) spec.getOrDefault("skipped", List.of())) {
            assertTrue(a.scan().skipped().containsKey("case/" + s), name + ": " + s + " not skipped: " + a.scan().skipped());
        }

        List<Finding> controlNow = a.findings().stream().filter(f -> f.location().file().startsWith("control")).toList();
        assertEquals(controlAlone, describe(controlNow), name + ": the control's findings changed");

        List<?> steps = (List<?>) spec.getOrDefault("cli", List.of());
        if (!steps.isEmpty()) {
            Set<Path> outsideBefore = filesOutside(tmp, work);
            Set<Path> sentinelsBefore = filesOutside(sentinelDir, null);
            int step = 0;
            for (Object o : steps) {
                cliStep(name + " step " + ++step, (Map<?, ?>) o, work);
            }
            assertEquals(outsideBefore, filesOutside(tmp, work), name + ": a file was written outside the scanned tree");
            assertEquals(sentinelsBefore, filesOutside(sentinelDir, null), name + ": a file was written beside the sentinel");
            assertEquals(before, connections.get(), "the sentinel server was contacted");
        }
    }

    private void cliStep(String name, Map<?, ?> step, Path work) throws IOException {
        if (step.get("copy") != null) {
            // {copy: {from: a, to: b}}: the scanned tree changes between two runs (a baseline, then an edit)
            Map<?, ?> c = (Map<?, ?>) step.get("copy");
            Path to = work.resolve(String.valueOf(c.get("to")));
            Files.createDirectories(to.getParent());
            Files.copy(work.resolve(String.valueOf(c.get("from"))), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> args = new ArrayList<>();
        for (Object a : (List<?>) step.get("args")) {
            args.add(String.valueOf(a).replace("@CASE@", work.toString()).replace("@SENTINEL_DIR@", sentinelDir.toString())
                    .replace("@SENTINEL_FILE@", sentinelFile.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int budget = step.get("budget") == null ? 120 : ((Number) step.get("budget")).intValue();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(budget), () -> new io.atolint.cli.Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new)), name + ": did not complete within " + budget + " s");
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String shown = name + " (exit " + code + ")\n--- stdout:\n" + abbreviate(stdout) + "\n--- stderr:\n" + abbreviate(stderr);
        if (step.get("exit") != null) {
            assertEquals(((Number) step.get("exit")).intValue(), code, shown);
        }
        checkText(stdout, (List<?>) step.get("stdout"), shown.replace("\n--- stdout", "\n--- [checked] stdout"));
        checkText(stderr, (List<?>) step.get("stderr"), shown.replace("\n--- stderr", "\n--- [checked] stderr"));
        for (Object o : step.get("files") == null ? List.of() : (List<?>) step.get("files")) {
            Map<?, ?> f = (Map<?, ?>) o;
            Path p = work.resolve(String.valueOf(f.get("path")));
            boolean exists = !Boolean.FALSE.equals(f.get("exists"));
            assertEquals(exists, Files.exists(p), name + ": " + f.get("path") + (exists ? " was not written" : " exists"));
            if (exists && f.get("contains") != null) {
                try {
                    assertTrue(Files.readString(p).contains(String.valueOf(f.get("contains"))), name + ": " + f.get("path")
                            + " lacks " + f.get("contains"));
                } catch (IOException e) {
                    fail(name + ": cannot read " + p + ": " + e);
                }
            }
        }
        if ("sarif".equals(step.get("check"))) {
            sarifInvariants(name, stdout);
        }
        for (String text : List.of(stdout, stderr)) {
            assertFalse(text.contains(MARKER) || text.contains(MARKER.replace("-", "")), name + ": the sentinel file was read");
            for (String line : text.split("\n", -1)) {
                assertFalse(line.strip().startsWith("::") || line.contains("##["), name + ": a workflow command: " + line);
                assertTrue(line.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                        || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)),
                        name + ": a control character in: " + line);
            }
        }
    }

    /** SARIF that code scanning can place: every result has a start line, and no URI has a {@code ..} segment. */
    private static void sarifInvariants(String name, String sarif) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = new ObjectMapper().readTree(sarif);
        for (com.fasterxml.jackson.databind.JsonNode r : root.path("runs").path(0).path("results")) {
            List<com.fasterxml.jackson.databind.JsonNode> places = new ArrayList<>();
            r.path("locations").forEach(places::add);
            r.path("relatedLocations").forEach(places::add);
            for (com.fasterxml.jackson.databind.JsonNode l : places) {
                com.fasterxml.jackson.databind.JsonNode p = l.path("physicalLocation");
                assertTrue(p.path("region").path("startLine").asInt() >= 1, name + ": a result without a start line: " + r);
                String uri = p.path("artifactLocation").path("uri").asText();
                assertFalse(("/" + uri + "/").contains("/../") || ("/" + uri + "/").contains("/./"),
                        name + ": a URI with a dot segment: " + uri);
            }
        }
    }

    /** Each {@code {contains: s}}, {@code {lacks: s}} or {@code {lines-starting: s, count: n}}. */
    private static void checkText(String text, List<?> checks, String shown) {
        for (Object o : checks == null ? List.of() : checks) {
            Map<?, ?> c = (Map<?, ?>) o;
            if (c.get("contains") != null) {
                assertTrue(text.contains(String.valueOf(c.get("contains"))), "lacks '" + c.get("contains") + "': " + shown);
            }
            if (c.get("lacks") != null) {
                assertFalse(text.contains(String.valueOf(c.get("lacks"))), "holds '" + c.get("lacks") + "': " + shown);
            }
            if (c.get("lines-starting") != null) {
                String prefix = String.valueOf(c.get("lines-starting"));
                long n = text.lines().filter(l -> l.startsWith(prefix)).count();
                assertEquals(((Number) c.get("count")).longValue(), n, "lines starting with '" + prefix + "': " + shown);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "\n[... " + (s.length() - 4000) + " more characters]";
    }

    /** Every file and directory under {@code dir}, except {@code skip} and what it holds. */
    private static Set<Path> filesOutside(Path dir, Path skip) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> skip == null || !p.startsWith(skip)).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean matches(Finding f, Map<?, ?> e) {
        String file = f.location().file().substring("case/".length());
        return f.ruleId().equals(e.get("rule"))
                && (e.get("file") == null || file.equals(e.get("file")))
                && (e.get("line") == null || f.location().startLine() == ((Number) e.get("line")).intValue())
                && (e.get("column") == null || f.location().startColumn() == ((Number) e.get("column")).intValue())
                && (e.get("contains") == null || f.message().contains(String.valueOf(e.get("contains"))));
    }

    private static List<String> describe(List<Finding> fs) {
        return fs.stream().map(f -> f.ruleId() + " " + f.location().display() + " " + f.message()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Path dir) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve("case.yaml")));
    }

    private static void copyWithSentinels(Path from, Path to, Path work) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("case.yaml")) {
                    byte[] bytes = Files.readAllBytes(f);
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    if (text.contains("@SENTINEL_") || text.contains("@CASE@")) {
                        text = text.replace("@CASE@", work.toString()).replace("@SENTINEL_DIR_RELATIVE@", target.getParent().toAbsolutePath()
                                        .relativize(sentinelDir.toAbsolutePath()).toString())
                                .replace("@SENTINEL_URL@", "http://127.0.0.1:" + server.getLocalPort() + "/sentinel")
                                .replace("@SENTINEL_FILE@", sentinelFile.toString())
                                .replace("@SENTINEL_DIR@", sentinelDir.toString());
                        bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                    }
                    Files.write(target, bytes);
                }
            }
        }
    }

    private static void setup(String setup, String generate, Path dir) throws IOException, InterruptedException {
        switch (setup) {
            case "symlinks" -> {
                Files.createSymbolicLink(dir.resolve("parent-dir"), dir);
                Files.createSymbolicLink(dir.resolve("a"), dir.resolve("b"));
                Files.createSymbolicLink(dir.resolve("b"), dir.resolve("a"));
                Files.createSymbolicLink(dir.resolve("outside.yaml"), sentinelFile);
            }
            case "unreadable" -> {
                Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                        "root reads files without read permission; the case needs an ordinary user");
                Path secret = dir.resolve("secret.yaml");
                Files.writeString(secret, "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
                Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
            }
            case "forged-file-name" -> Files.writeString(dir.resolve("x\n::error file=y.yaml::forged by a file name\u001b[2J.yaml"),
                    "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: mysql, MultiAZ: false}\n");
            case "git" -> {
                Process p = new ProcessBuilder("git", "init", "-q", dir.toString()).start();
                assertEquals(0, p.waitFor(), "git init failed");
            }
            case "outside-links" -> {
                // links in the repository that lead out of it: a report directory and a "baseline"
                Files.createSymbolicLink(dir.resolve("reports"), sentinelDir);
                Files.createSymbolicLink(dir.resolve("token.json"), sentinelFile);
            }
            case "raw-file-names" -> {
                // a backslash is part of a Linux file name; names that are not UTF-8 (bytes FF and FE) differ
                Files.createDirectories(dir.resolve("a"));
                String db = "Resources:\n  %s:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: mysql, MultiAZ: false}\n";
                Files.writeString(dir.resolve("a/b.yaml"), db.formatted("Slash"));
                Files.writeString(dir.resolve("a\\b.yaml"), db.formatted("Backslash"));
                Process p = new ProcessBuilder("bash", "-c", "printf \"$1\" Ff > $'c\\xff.yaml' && printf \"$1\" Fe > $'c\\xfe.yaml'",
                        "raw", db).directory(dir.toFile()).start();
                assertEquals(0, p.waitFor(), "cannot create non-UTF-8 file names");
            }
            case "fifo" -> {
                Process p = new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString()).start();
                assertEquals(0, p.waitFor(), "mkfifo failed");
            }
            default -> {
            }
        }
        switch (generate) {
            case "huge-file" -> {
                try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
                    f.setLength(200L * 1024 * 1024);
                }
            }
            case "cell-flood" -> {
                StringBuilder b = new StringBuilder("<mxfile><diagram id=\"p\" name=\"P\"><mxGraphModel><root>"
                        + "<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>\n");
                for (int i = 0; i < 25_000; i++) {
                    b.append("<mxCell id=\"c").append(i).append("\" value=\"EC2\" style=\"shape=mxgraph.aws4.resourceIcon;"
                            + "resIcon=mxgraph.aws4.ec2;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"").append((i % 200) * 60)
                            .append("\" y=\"").append((i / 200) * 60).append("\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell>\n");
                }
                Files.writeString(dir.resolve("flood.drawio"), b.append("</root></mxGraphModel></diagram></mxfile>\n"));
            }
            case "page-flood" -> {
                // 150 compressed pages of two icons each: more pages than one file may hold
                String page = java.net.URLEncoder.encode("<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                        + "<mxCell id=\"a\" value=\"EC2\" style=\"shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.ec2;\" "
                        + "vertex=\"1\" parent=\"1\"><mxGeometry x=\"10\" y=\"10\" width=\"48\" height=\"48\" as=\"geometry\"/>"
                        + "</mxCell></root></mxGraphModel>", StandardCharsets.UTF_8).replace("+", "%20");
                java.util.zip.Deflater d = new java.util.zip.Deflater(9, true);
                d.setInput(page.getBytes(StandardCharsets.UTF_8));
                d.finish();
                byte[] buf = new byte[4096];
                int n = d.deflate(buf);
                d.end();
                String payload = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf, n));
                StringBuilder b = new StringBuilder("<mxfile>\n");
                for (int i = 1; i <= 150; i++) {
                    b.append("<diagram id=\"p").append(i).append("\" name=\"P").append(i).append("\">").append(payload)
                            .append("</diagram>\n");
                }
                Files.writeString(dir.resolve("pages.drawio"), b.append("</mxfile>\n"));
            }
            case "bang-run" -> {
                // a value that is one run of 1.5 million '!'s, beside a database in one AZ
                Files.writeString(dir.resolve("bangs.yaml"), "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"
                        + "    Metadata: {note: '" + "!".repeat(1_500_000) + "'}\n"
                        + "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: mysql, MultiAZ: false}\n");
            }
            case "label-runs" -> {
                // labels of long runs: digits after a name (copy marks), '<' without '>' (tags), dots (a legend's colon)
                String[] labels = {"App " + "1".repeat(20_000) + "x", "App " + "1".repeat(20_000) + "x",
                    "<".repeat(200_000), ".".repeat(200_000) + "x"};
                StringBuilder b = new StringBuilder("<mxfile><diagram id=\"p\" name=\"P\"><mxGraphModel><root>"
                        + "<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>\n<mxCell id=\"db\" value=\"Orders DB\" "
                        + "style=\"shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.rds;\" vertex=\"1\" parent=\"1\">"
                        + "<mxGeometry x=\"600\" y=\"40\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell>\n");
                for (int i = 0; i < labels.length; i++) {
                    b.append("<mxCell id=\"c").append(i).append("\" value=\"")
                            .append(labels[i].replace("&", "&amp;").replace("<", "&lt;"))
                            .append("\" style=\"shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.ec2;\" vertex=\"1\" "
                                    + "parent=\"1\"><mxGeometry x=\"").append(40 + i * 120)
                            .append("\" y=\"40\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell>\n");
                }
                Files.writeString(dir.resolve("architecture.drawio"), b.append("</root></mxGraphModel></diagram></mxfile>\n"));
            }
            case "format-zeros" -> Files.writeString(dir.resolve("main.tf"), "locals {\n  x = format(\"%"
                    + "0".repeat(200_000) + "!\", 1)\n}\nresource \"aws_db_instance\" \"db\" {\n  engine = \"mysql\"\n"
                    + "  multi_az = false\n  identifier = local.x\n}\n");
            case "plan-brackets" -> Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"1.2\", "
                    + "\"terraform_version\": \"1.9.0\", \"planned_values\": {\"root_module\": {\"resources\": ["
                    + "{\"address\": \"" + "[".repeat(400_000) + "aws_db_instance.db\", \"mode\": \"managed\", "
                    + "\"type\": \"aws_db_instance\", \"name\": \"db\", \"provider_name\": \"registry.terraform.io/hashicorp/aws\", "
                    + "\"values\": {\"engine\": \"mysql\", \"multi_az\": false}}]}}}\n");
            case "edge-title-arrows" -> {
                // a Graphviz edge whose title is 100,000 arrows and a line break, beside the edges of a real drawing
                String svg = Files.readString(Repo.path("fixtures/rules/NET001/graphviz-diagrams-library-one-vpn/architecture.svg"));
                String edge = "<g id=\"edge99\" class=\"edge\"><title>n7" + "&#45;&gt;n8".repeat(100_000) + "\nb</title></g>\n";
                Files.writeString(dir.resolve("architecture.svg"), svg.replace("</svg>", edge + "</svg>"));
            }
            case "ignore-ids" -> Files.writeString(dir.resolve("main.tf"), "resource \"aws_db_instance\" \"db\" {\n"
                    + "  engine   = \"mysql\"\n  multi_az = false\n}\n# atolint:ignore " + "a,".repeat(100_000) + "a because\n");
            case "long-repetitions" -> {
                // long repetitions under the readers' own expressions: a block label of 100,000 letters, regex() of a
                // group repeated 100,000 times, a comment of 20,000 '#' before a line separator, beside a database
                String db = "resource \"aws_db_instance\" \"db\" {\n  engine   = \"mysql\"\n  multi_az = false\n}\n";
                StringBuilder tags = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                    tags.append("  tag_").append(i).append(" = \"v\"\n");
                }
                Files.writeString(dir.resolve("label.tf"), "resource \"aws_s3_bucket\" \"" + "b".repeat(100_000)
                        + "\" {\n  bucket = \"x\"\n" + tags + "}\n" + db);
                Files.writeString(dir.resolve("regex.tf"), "locals {\n  m = regex(\"^(a|b)*$\", \"" + "a".repeat(100_000)
                        + "\")\n}\n");
                Files.writeString(dir.resolve("comment.tf"), "#" + " #".repeat(20_000) + "\u2028 atolint:ignore HA003 because\n");
                Files.writeString(dir.resolve("type.json"), "{\"Resources\": {\"R\": {\"Type\": \"AWS::A" + "::B".repeat(50_000)
                        + "\"}, \"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"Engine\": \"mysql\"}}}}\n");
            }
            case "resource-flood" -> {
                StringBuilder b = new StringBuilder("Resources:\n");
                for (int i = 0; i < 25_000; i++) {
                    b.append("  Q").append(i).append(": {Type: AWS::SQS::Queue}\n");
                }
                Files.writeString(dir.resolve("flood.yaml"), b);
            }
            default -> {
            }
        }
    }

}
