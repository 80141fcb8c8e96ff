package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hides from hcl4j's lexer the constructs it gets wrong, without moving any character: every
 * for-expression and heredoc becomes a placeholder string of the same extent (the rest of its
 * characters blanked, newlines kept), which {@link HclReader} then reads from the original text; a
 * parenthesised object key {@code (k) = v} becomes the quoted key {@code "k"}, remembered as an
 * expression. Offsets of the masked text are offsets of the original.
 */
final class Masking {
    static final char MARK = '\uE000';
    /** Stands for the backslash of a {@code \\uXXXX} or {@code \\UXXXXXXXX} escape, which hcl4j's lexer refuses. */
    static final char UNICODE_ESCAPE = '\uE001';
    static final Masking NONE = new Masking(null, Map.of(), Map.of());

    /** A masked for-expression ({@code heredoc} false) or heredoc, {@code [start, end)} in the original. */
    record Region(int start, int end, boolean heredoc) {
    }

    private final String text;
    private final Map<String, Region> regions;
    private final Map<Long, int[]> parenKeys;

    private Masking(String text, Map<String, Region> regions, Map<Long, int[]> parenKeys) {
        this.text = text;
        this.regions = regions;
        this.parenKeys = parenKeys;
    }

    String text() {
        return text;
    }

    /**
     * A string as the lexer returned it with its {@code \\u} escapes decoded: {@code \\u00e9} is é; an
     * escape that is not 4 (or 8, for {@code \\U}) hex digits naming a code point stays as written.
     */
    static String unicodeEscapes(String s) {
        if (s.indexOf(UNICODE_ESCAPE) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == UNICODE_ESCAPE && i + 1 < s.length()) {
                int digits = s.charAt(i + 1) == 'u' ? 4 : 8;
                if (i + 2 + digits <= s.length() && s.substring(i + 2, i + 2 + digits).matches("[0-9A-Fa-f]+")) {
                    long cp = Long.parseLong(s.substring(i + 2, i + 2 + digits), 16);
                    if (cp <= Character.MAX_CODE_POINT) {
                        b.appendCodePoint((int) cp);
                        i += 1 + digits;
                        continue;
                    }
                }
                b.append('\\');
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The region a placeholder string stands for, or null. */
    Region region(String value) {
        if (value.length() < 2 || value.charAt(0) != MARK) {
            return null;
        }
        return regions.get(value.substring(1));
    }

    /** For a key whose closing quote the lexer reports at {@code offset}: the key expression's span. */
    int[] parenKey(long offset) {
        return parenKeys.get(offset);
    }

    static Masking of(HclText src) {
        String t = src.text();
        List<int[]> forStarts = new ArrayList<>();
        List<int[]> heredocs = new ArrayList<>();
        List<int[]> parens = new ArrayList<>();
        List<Integer> unicodeEscapes = new ArrayList<>();
        src.visit(new HclText.Visitor() {
            @Override
            public void escape(int offset) {
                if (offset + 1 < t.length() && (t.charAt(offset + 1) == 'u' || t.charAt(offset + 1) == 'U')) {
                    unicodeEscapes.add(offset);
                }
            }

            @Override
            public void code(int i, int depth) {
                char c = t.charAt(i);
                if ((c == '{' || c == '[') && startsFor(t, i + 1)) {
                    forStarts.add(new int[]{i});
                } else if (c == '(' && depth > 0 && opensKey(t, i)) {
                    parens.add(new int[]{i});
                }
            }

            @Override
            public void heredoc(int start, int end) {
                heredocs.add(new int[]{start, end});
            }
        });
        char[] out = t.toCharArray();
        for (int e : unicodeEscapes) {
            out[e] = UNICODE_ESCAPE; // same length: offsets stay those of the original
        }
        Map<String, Region> regions = new HashMap<>();
        List<int[]> masked = new ArrayList<>();
        int[] next = {0};
        for (int[] f : forStarts) {
            int close = src.matchingClose(f[0]);
            if (close < 0 || inside(masked, f[0])) {
                continue;
            }
            place(out, t, f[0], close + 1, regions, next, false, masked);
        }
        for (int[] h : heredocs) {
            if (!inside(masked, h[0])) {
                place(out, t, h[0], h[1], regions, next, true, masked);
            }
        }
        Map<Long, int[]> keys = new HashMap<>();
        for (int[] p : parens) {
            int close = src.matchingClose(p[0]);
            if (close < 0 || inside(masked, p[0])) {
                continue;
            }
            String inner = t.substring(p[0] + 1, close);
            int after = close + 1;
            while (after < t.length() && (t.charAt(after) == ' ' || t.charAt(after) == '\t')) {
                after++;
            }
            boolean assigns = after < t.length() && (t.charAt(after) == ':'
                    || (t.charAt(after) == '=' && (after + 1 >= t.length() || (t.charAt(after + 1) != '=' && t.charAt(after + 1) != '>'))));
            if (!assigns || inner.isBlank() || inner.indexOf('"') >= 0 || inner.indexOf('\n') >= 0 || inner.indexOf('\\') >= 0) {
                continue;
            }
            out[p[0]] = '"';
            out[close] = '"';
            keys.put((long) close, new int[]{p[0] + 1, close});
        }
        return new Masking(new String(out), regions, keys);
    }

    private static void place(char[] out, String t, int start, int end, Map<String, Region> regions, int[] next,
                              boolean heredoc, List<int[]> masked) {
        String id = Integer.toString(next[0], 36);
        String placeholder = "\"" + MARK + id + "\"";
        int firstLineEnd = t.indexOf('\n', start);
        int room = (firstLineEnd < 0 || firstLineEnd > end ? end : firstLineEnd) - start;
        if (placeholder.length() > room) {
            return; // too short to hold the placeholder: left to the lexer
        }
        next[0]++;
        for (int i = start; i < end; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
        placeholder.getChars(0, placeholder.length(), out, start);
        regions.put(id, new Region(start, end, heredoc));
        masked.add(new int[]{start, end});
    }

    private static boolean inside(List<int[]> masked, int offset) {
        for (int[] m : masked) {
            if (offset >= m[0] && offset < m[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsFor(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return t.startsWith("for", i) && i + 3 < t.length() && Character.isWhitespace(t.charAt(i + 3));
    }

    /** A '(' that starts an object key: after '{' or ',' or at the start of a line. */
    private static boolean opensKey(String t, int i) {
        int j = i - 1;
        boolean newline = false;
        while (j >= 0 && Character.isWhitespace(t.charAt(j))) {
            newline |= t.charAt(j) == '\n';
            j--;
        }
        return j >= 0 && (t.charAt(j) == '{' || t.charAt(j) == ',' || newline);
    }
}
