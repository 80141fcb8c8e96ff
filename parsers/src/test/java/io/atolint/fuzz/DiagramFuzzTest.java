package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * Fuzzes the draw.io entry points: the XML as written, the same model as a compressed page
 * (base64 of raw deflate of URL-encoded XML) and as a draw.io SVG export, and bytes as a PNG export.
 */
class DiagramFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void drawio(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 3);
        if (mode == 3) {
            byte[] bytes = data.consumeRemainingAsBytes();
            FuzzChecks.scan(new MemoryTree().putBytes("d.drawio.png", png(bytes)), ParseOptions.defaults());
            return;
        }
        String xml = data.consumeRemainingAsString();
        MemoryTree tree = switch (mode) {
            case 0 -> MemoryTree.of("d.drawio", xml);
            case 1 -> MemoryTree.of("d.drawio", "<mxfile><diagram id=\"p\" name=\"P\">" + compressed(xml) + "</diagram></mxfile>");
            default -> MemoryTree.of("d.drawio.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" content=\""
                    + xml.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/>");
        };
        FuzzChecks.scan(tree, ParseOptions.defaults());
    }

    private static String compressed(String xml) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(URLEncoder.encode(xml, StandardCharsets.UTF_8).replace("+", "%20").getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** A PNG signature followed by fuzzed chunk bytes. */
    private static byte[] png(byte[] body) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] out = new byte[sig.length + body.length];
        System.arraycopy(sig, 0, out, 0, sig.length);
        System.arraycopy(body, 0, out, sig.length, body.length);
        return out;
    }
}
