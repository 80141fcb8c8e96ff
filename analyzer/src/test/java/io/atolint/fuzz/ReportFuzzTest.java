package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;
import io.atolint.parse.TextDecoder;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.checks.Rules;
import org.junit.jupiter.api.Timeout;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes every report writer with names and values chosen by the fuzzer: logical ids, a tag value, an AZ,
 * a security group description, the file name and a suppression reason go through a real scan into
 * findings, and each report must hold: text and Markdown never carry a control character, an invisible
 * format character or a line that GitHub Actions reads as a workflow command, and a finding is one line
 * of the text report; Markdown never renders an image, a link, raw HTML, a mention or an autolink from a
 * name; JSON and SARIF parse (and give every message back unchanged), every SARIF result has a start
 * line and no dot segment in its URI; JUnit is well-formed XML.
 *
 * <p>The first scan in a JVM loads and instruments the whole analyzer (about 5 s here, over 10 s under
 * coverage on a busy machine): libFuzzer timed that as the input's own cost and kept the first input as a
 * "slow unit" (now the seed {@code arabic-group-name}). The class scans once when it loads, so that a unit's
 * time is the input's; {@code @Timeout} is libFuzzer's per-input timeout, so a hanging input fails the build
 * as a timeout case instead of running on.
 */
class ReportFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OUR_LINK = Pattern.compile("\\]\\((https://github\\.com/atolint/atolint/blob/main/docs/rules\\.md#[a-z0-9-]+|[A-Za-z0-9%._~/-]+(#L\\d+)?)\\)");

    static {
        try {
            scanAndCheck("Db", "Sg", "web", "us-east-1a", "reviewed", "", false);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    @Timeout(30)
    void reports(FuzzedDataProvider data) throws Exception {
        String db = data.consumeString(60);
        String sg = data.consumeString(60);
        String tag = data.consumeString(80);
        String az = data.consumeString(60);
        String reason = data.consumeString(60);
        String dir = data.consumeString(30);
        scanAndCheck(db, sg, tag, az, reason, dir, data.consumeBoolean());
    }

    private static void scanAndCheck(String db, String sg, String tag, String az, String reason, String dir, boolean colour)
            throws Exception {
        if (db.isEmpty() || sg.isEmpty() || db.equals(sg) || db.equals("Sub") || sg.equals("Sub")) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode res = root.putObject("Resources");
        ObjectNode d = res.putObject(db);
        d.put("Type", "AWS::RDS::DBInstance");
        ObjectNode dp = d.putObject("Properties");
        dp.put("Engine", "mysql");
        dp.put("MultiAZ", false);
        ArrayNode tags = dp.putArray("Tags");
        tags.addObject().put("Key", "Name").put("Value", tag);
        ObjectNode s = res.putObject(sg);
        s.put("Type", "AWS::EC2::SecurityGroup");
        s.putObject("Metadata").putObject("checkov").putArray("skip").addObject().put("id", "CKV_AWS_260")
                .put("comment", reason);
        ObjectNode sp = s.putObject("Properties");
        sp.put("GroupDescription", tag);
        sp.putArray("SecurityGroupIngress").addObject().put("IpProtocol", "tcp").put("FromPort", 22).put("ToPort", 22)
                .put("CidrIp", "0.0.0.0/0");
        ObjectNode sub = res.putObject("Sub");
        sub.put("Type", "AWS::EC2::Subnet");
        sub.putObject("Properties").put("AvailabilityZone", az).put("CidrBlock", "10.0.0.0/24");
        String file = (dir.isEmpty() ? "" : dir.replace('/', '_') + "/") + "t.json";

        Analysis a;
        // the handlers turn a defect into an "internal error" finding, which would hide it from the fuzzer
        System.setProperty("atolint.rethrowInternalErrors", "true");
        try {
            a = new Analyzer(Rules.all()).analyze(List.of(new Tree(file, JSON.writeValueAsString(root))),
                    ParseOptions.defaults());
        } finally {
            System.clearProperty("atolint.rethrowInternalErrors");
        }
        ReportSettings settings = ReportSettings.defaults();
        for (ReportFormat f : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.write(a, settings, out, colour);
            check(f, out.toString(StandardCharsets.UTF_8), a);
        }
    }

    private static void check(ReportFormat f, String report, Analysis a) throws Exception {
        switch (f) {
            case TEXT -> {
                noControls(report, f, true);
                int findingLines = 0;
                for (String line : report.split("\n", -1)) {
                    for (Finding x : a.findings()) {
                        if (line.replaceAll("\u001b\\[[0-9;]*m", "").startsWith(io.atolint.report.escape.Escape.text(x.location().display()) + " ")) {
                            findingLines++;
                            break;
                        }
                    }
                }
                if (findingLines < a.findings().size()) {
                    throw new AssertionError("fewer finding lines (" + findingLines + ") than findings (" + a.findings().size()
                            + "):\n" + report);
                }
            }
            case MARKDOWN -> {
                noControls(report, f, false);
                String withoutOurs = OUR_LINK.matcher(report).replaceAll("]")
                        .replace("<details>", "").replace("</details>", "").replace("<summary>", "").replace("</summary>", "")
                        // a backslash-escaped character is literal (\]( is no link), pairs read left to right
                        .replaceAll("\\\\.", "_");
                for (String bad : new String[]{"](", "<", "![", "://", "www."}) {
                    if (withoutOurs.contains(bad)) {
                        throw new AssertionError("Markdown renders '" + bad + "' from a name:\n" + report);
                    }
                }
                if (withoutOurs.replace("@&#8203;", "").contains("@")) {
                    throw new AssertionError("Markdown mentions someone:\n" + report);
                }
            }
            case JSON -> {
                JsonNode r = JSON.readTree(report);
                int i = 0;
                for (JsonNode x : r.path("findings")) {
                    if (!x.path("message").asText().equals(a.findings().get(i++).message())) {
                        throw new AssertionError("JSON changed a message: " + x);
                    }
                }
            }
            case SARIF -> {
                JsonNode r = JSON.readTree(report);
                for (JsonNode x : r.path("runs").path(0).path("results")) {
                    JsonNode p = x.path("locations").path(0).path("physicalLocation");
                    String uri = "/" + p.path("artifactLocation").path("uri").asText() + "/";
                    if (p.path("region").path("startLine").asInt() < 1 || uri.contains("/../") || uri.contains("/./")) {
                        throw new AssertionError("SARIF result without a start line or with a dot segment: " + x);
                    }
                }
            }
            case JUNIT -> {
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                dbf.newDocumentBuilder().parse(new InputSource(new StringReader(report)));
            }
            case HTML -> noControls(report.replace("\n", "").replace("\t", ""), f, false);
        }
    }

    /** No C0 (but line feed) or C1 control, DEL, line/paragraph separator or invisible format character; no workflow command. */
    private static void noControls(String report, ReportFormat f, boolean colour) {
        for (String line : report.split("\n", -1)) {
            String plain = colour ? line.replaceAll("\u001b\\[[0-9;]*m", "") : line;
            for (int i = 0; i < plain.length(); ) {
                int c = plain.codePointAt(i);
                i += Character.charCount(c);
                int type = Character.getType(c);
                if ((c < 0x20 && !(f == ReportFormat.HTML && c == '\t')) || (c >= 0x7f && c <= 0x9f)
                        || (c != 0x200d && (type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE))) {
                    throw new AssertionError(f + ": U+" + Integer.toHexString(c) + " in line: " + line);
                }
            }
            if (f != ReportFormat.HTML && (plain.strip().startsWith("::") || plain.contains("##["))) {
                throw new AssertionError(f + ": a workflow command: " + line);
            }
        }
    }

    /** One file in memory, named as the fuzzer chose. */
    private record Tree(String name, String text) implements SourceTree {
        @Override
        public String root() {
            return ".";
        }

        @Override
        public List<String> files() {
            return List.of(name);
        }

        @Override
        public ReadResult readText(String path) {
            ReadResult r = readBytes(path);
            return r instanceof ReadResult.Bytes b ? TextDecoder.decode(path, b.bytes()) : r;
        }

        @Override
        public ReadResult readBytes(String path) {
            return path.equals(name) ? new ReadResult.Bytes(path, text.getBytes(StandardCharsets.UTF_8))
                    : new ReadResult.Failure(SourceLocation.ofFile(path), "not a file of the tree");
        }
    }
}
