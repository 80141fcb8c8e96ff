package io.atolint.parse.diagram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two files one diagram: the same cells (labels, shapes, boxes) and connectors on the same
 * pages, whatever the container (.drawio, .drawio.svg, .drawio.png), the cell ids and the page names.
 */
final class DiagramIdentity {
    private DiagramIdentity() {
    }

    static String of(List<DiagramView> pages) {
        // cell ids are not part of it: an export may number the cells anew
        StringBuilder b = new StringBuilder();
        for (DiagramView v : pages) {
            b.append("page\n");
            java.util.Map<String, String> sig = new java.util.HashMap<>();
            List<String> lines = new java.util.ArrayList<>();
            for (DrawnPage.Shape s : v.page().shapes()) {
                String one = s.label() + '|' + s.shapeName() + '|' + s.box();
                sig.put(s.id(), one);
                lines.add(one);
            }
            for (DrawnPage.Link l : v.page().links()) {
                lines.add("link " + sig.get(l.sourceId()) + " -> " + sig.get(l.targetId()) + " " + l.label());
            }
            java.util.Collections.sort(lines);
            lines.forEach(x -> b.append(x).append('\n'));
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            return b.toString();
        }
    }
}
