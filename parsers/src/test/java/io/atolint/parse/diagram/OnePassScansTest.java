package io.atolint.parse.diagram;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass scans that replaced regular expressions a hostile diagram made quadratic give what the expressions
 * gave, on random short texts of the characters that matter, and take one pass on the texts that were slow.
 */
class OnePassScansTest {
    private static String random(Random r, char[] alphabet, int max) {
        char[] t = new char[r.nextInt(max + 1)];
        for (int k = 0; k < t.length; k++) {
            t[k] = alphabet[r.nextInt(alphabet.length)];
        }
        return new String(t);
    }

    @Test
    void edgeEndsAsTheExpression() {
        Pattern edge = Pattern.compile("^\\s*(.+?)\\s*(?:->|--)\\s*(.+?)\\s*$");
        char[] alphabet = {'a', '-', '>', ' ', '\n', '\r', '\t', '\u0085', '\u2028', 'b'};
        Random r = new Random(7);
        int edges = 0;
        for (int i = 0; i < 200_000; i++) {
            String t = random(r, alphabet, 10);
            Matcher m = edge.matcher(t);
            // an end the expression could only make of blanks (by backtracking into them) is no end
            String[] expected = m.matches() && !blank(m.group(1)) && !blank(m.group(2)) ? new String[] {m.group(1), m.group(2)} : null;
            String[] actual = PlainSvgReader.edgeEnds(t);
            assertArrayEquals(expected, actual, () -> "'" + t.replace("\n", "\\n").replace("\r", "\\r") + "': "
                    + Arrays.toString(expected) + " vs " + Arrays.toString(actual));
            edges += expected == null ? 0 : 1;
        }
        assertTrue(edges > 1_000, "the sample holds edges: " + edges);
        assertArrayEquals(new String[] {"web", "db 1"}, PlainSvgReader.edgeEnds("  web -> db 1 "));
        // 100,000 arrows then a line break: no edge, in one pass (the expression took 29 s at 40,000)
        assertNull(PlainSvgReader.edgeEnds("n7" + "->n8".repeat(100_000) + "\nb"));
    }

    private static boolean blank(String s) {
        return s.replaceAll("\\s", "").isEmpty();
    }

    @Test
    void tagsRemovedAsTheExpression() {
        Pattern tag = Pattern.compile("<[^>]*>");
        char[] alphabet = {'<', '>', 'a', ' '};
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            String t = random(r, alphabet, 12);
            assertEquals(tag.matcher(t).replaceAll(" "), Labels.withoutTags(t), t);
        }
        String lts = "<".repeat(1_000_000);
        assertEquals(lts, Labels.withoutTags(lts));
    }

    @Test
    void spansAsTheExpressions() {
        Pattern placeholder = Pattern.compile("\\$\\{[^}]*}");
        Pattern index = Pattern.compile("\\[[^\\]]*]");
        char[] alphabet = {'$', '{', '}', '[', ']', 'a'};
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            String t = random(r, alphabet, 12);
            java.util.List<String> expected = new java.util.ArrayList<>();
            for (Matcher m = placeholder.matcher(t); m.find(); ) {
                expected.add(m.group());
            }
            assertEquals(expected, io.atolint.model.TextScans.spans(t, "${", '}'), t);
            assertEquals(index.matcher(t).replaceAll(""), io.atolint.model.TextScans.withoutSpans(t, "[", ']', ""), t);
        }
    }
}
