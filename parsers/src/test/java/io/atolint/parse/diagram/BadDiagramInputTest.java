package io.atolint.parse.diagram;

import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken diagram files: each is a positioned PARSE finding, nothing is fetched or run,
 * decompression stays bounded, and a good diagram beside them is still read.
 */
class BadDiagramInputTest {
    private static final String GOOD = DiagramReaderTest.file(DiagramReaderTest.model(
            DiagramReaderTest.cell("u", "Users", "shape=mxgraph.aws4.users;", 0, 0, 40, 40, "1")));

    static byte[] png(String type, byte[] keyword, byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 2).put(new byte[3]).array());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword);
        data.write(0);
        data.writeBytes(text);
        chunk(out, type, data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] input, boolean raw) {
        Deflater d = new Deflater(9, raw);
        d.setInput(input);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        return out.toByteArray();
    }

    /** Scans the bad file beside a good diagram; returns the findings about the bad one. */
    private static List<Finding> problems(MemoryTree tree, String badPath) {
        tree.put("good.drawio", GOOD);
        ScanResult r = Scans.scan(tree, ParseOptions.defaults());
        Model good = r.models().stream().filter(m -> m.files().contains("good.drawio")).findFirst()
                .orElseThrow(() -> new AssertionError("the good diagram was not read: " + r.findings()));
        assertEquals(Kind.USERS, Scans.resource(good, "u").kind());
        List<Finding> out = Scans.allFindings(r).stream().filter(f -> f.location().file().equals(badPath)).toList();
        assertFalse(out.isEmpty(), "no finding for " + badPath);
        for (Finding f : out) {
            assertTrue(f.ruleId().startsWith("PARSE"), f.toString());
        }
        return out;
    }

    private static String page(String payload) {
        return "<mxfile>\n<diagram id=\"x\" name=\"Broken\">" + payload + "</diagram>\n</mxfile>\n";
    }

    @Test
    void corruptBase64IsPositionedAtItsPage() {
        List<Finding> f = problems(new MemoryTree().put("bad.drawio", page("7V1bd9q4E/4@@replaced-by-a-text-editor@@")), "bad.drawio");
        assertEquals(ParseFindings.INVALID, f.get(0).ruleId());
        assertEquals(2, f.get(0).location().startLine());
        assertTrue(f.get(0).message().contains("page 1 \"Broken\": corrupt base64"), f.get(0).message());
    }

    @Test
    void corruptDeflate() {
        String notDeflate = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4, 5, 6});
        List<Finding> f = problems(new MemoryTree().put("bad.drawio", page(notDeflate)), "bad.drawio");
        assertTrue(f.get(0).message().contains("corrupt deflate"), f.get(0).message());
    }

    @Test
    void deflateBombIsRefusedNotExpanded() {
        byte[] zeros = new byte[60 * 1024 * 1024];
        String bomb = Base64.getEncoder().encodeToString(deflate(zeros, true));
        List<Finding> f = problems(new MemoryTree().put("bomb.drawio", page(bomb)), "bomb.drawio");
        assertTrue(f.get(0).message().contains("beyond the limit"), f.get(0).message());
    }

    @Test
    void pngChunkBombAndTruncatedChunks() {
        byte[] zeros = new byte[60 * 1024 * 1024];
        byte[] comp = deflate(zeros, false);
        byte[] withMethod = new byte[comp.length + 1];
        System.arraycopy(comp, 0, withMethod, 1, comp.length);
        byte[] bomb = png("zTXt", "mxGraphModel".getBytes(StandardCharsets.ISO_8859_1), withMethod);
        List<Finding> f = problems(new MemoryTree().putBytes("bomb.drawio.png", bomb), "bomb.drawio.png");
        assertTrue(f.get(0).message().contains("beyond the limit"), f.get(0).message());
        byte[] good = png("tEXt", "mxfile".getBytes(StandardCharsets.ISO_8859_1), new byte[]{'%', '3', 'C'});
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 20);
        f = problems(new MemoryTree().putBytes("cut.drawio.png", truncated), "cut.drawio.png");
        assertTrue(f.get(0).message().contains("past the end"), f.get(0).message());
    }

    @Test
    void dtdAndExternalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE mxfile [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<mxfile><diagram name=\"x\"><mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + "<mxCell id=\"a\" value=\"&xxe;\" vertex=\"1\" parent=\"1\"/></root></mxGraphModel></diagram></mxfile>";
        List<Finding> f = problems(new MemoryTree().put("xxe.drawio", xxe), "xxe.drawio");
        assertTrue(f.get(0).message().contains("entities are not allowed"), f.get(0).message());
        assertEquals(2, f.get(0).location().startLine());
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<mxfile/>";
        f = problems(new MemoryTree().put("laughs.drawio", laughs), "laughs.drawio");
        assertTrue(f.get(0).message().contains("entity declarations are not allowed"), f.get(0).message());
    }

    @Test
    void externalHrefsAndScriptsInSvgAreNeitherFetchedNorRun() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"alert(1)\">"
                + "<script xlink:href=\"http://127.0.0.1:9/evil.js\"/>"
                + "<style>@import url(http://127.0.0.1:9/x.css);</style>"
                + "<use xlink:href=\"http://127.0.0.1:9/sprite.svg#a\"/>"
                + "<image xlink:href=\"http://127.0.0.1:9/Arch_Amazon-EC2_48.svg\" x=\"10\" y=\"10\" width=\"48\" height=\"48\"/>"
                + "<text x=\"10\" y=\"80\">Web server</text></svg>";
        MemoryTree t = new MemoryTree().put("ext.svg", svg).put("good.drawio", GOOD);
        ScanResult r = Scans.scan(t, ParseOptions.defaults());
        Model m = r.models().stream().filter(x -> x.files().contains("ext.svg")).findFirst().orElseThrow();
        assertEquals(Kind.EC2_INSTANCE, m.resources().get(0).kind());
        assertEquals("Web server", m.resources().get(0).meta("label").orElseThrow());
        assertEquals(List.of(), Scans.allFindings(r), "nothing to report: the external references were simply not loaded");
    }

    @Test
    void emptyAndBinaryDrawioFiles() {
        List<Finding> f = problems(new MemoryTree().put("empty.drawio", ""), "empty.drawio");
        assertTrue(f.get(0).message().contains("empty diagram file"), f.get(0).message());
        assertEquals(1, f.get(0).location().startLine());
        f = problems(new MemoryTree().putBytes("bin.drawio", new byte[]{0x50, 0x4B, 3, 4, 0, 0, 1, 2}), "bin.drawio");
        assertTrue(f.get(0).message().contains("binary content"), f.get(0).message());
        f = problems(new MemoryTree().put("notxml.drawio", "<mxfile><diagram>"), "notxml.drawio");
        assertTrue(f.get(0).location().startLine() >= 1, f.toString());
    }

    @Test
    void aTransformThatScalesByZeroDoesNotHangTheScan() throws Exception {
        // found by the SVG fuzz test (a graphviz export, mutated): its scale(0 1) made a line of infinite
        // length, which was sampled every 4 units
        String svg;
        try (java.io.InputStream in = getClass().getResourceAsStream("transform-scaled-by-zero.svg")) {
            svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MemoryTree t = new MemoryTree().put("flat.svg", svg);
        ScanResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Scans.scan(t, ParseOptions.defaults()));
        assertTrue(r.models().stream().anyMatch(m -> m.files().contains("flat.svg")), r.findings().toString());
    }
}
