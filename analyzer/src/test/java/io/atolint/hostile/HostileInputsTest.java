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
        Path work = tmp.resolve(name);
        copyWithSentinels(source, work);
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

    private static void copyWithSentinels(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("case.yaml")) {
                    byte[] bytes = Files.readAllBytes(f);
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    if (text.contains("@SENTINEL_")) {
                        text = text.replace("@SENTINEL_DIR_RELATIVE@", target.getParent().toAbsolutePath()
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
