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
 * expression (a key with strings or escapes in it, {@code (format("%s", var.k)) = v}, becomes a
 * placeholder key of the same extent instead, since quoting it would not make one string); {@code map(}/{@code list(} inside an interpolation become {@code mAp(}/{@code lIst(}
 * (read back by {@link #functionName}), since the lexer takes them for type constraints. Offsets of
 * the masked text are offsets of the original.
 */
final class Masking {
    static final char MARK = '\uE000';
    /** Stands for the backslash of a {@code \\uXXXX} or {@code \\UXXXXXXXX} escape, which hcl4j's lexer refuses. */
    static final char UNICODE_ESCAPE = '\uE002';
    /** Starts the placeholder of a parenthesised object key that holds strings. */
    static final char KEY_MARK = '\uE001';
    static final Masking NONE = new Masking(null, Map.of(), Map.of(), Map.of());

    /** A masked for-expression ({@code heredoc} false) or heredoc, {@code [start, end)} in the original. */
    record Region(int start, int end, boolean heredoc) {
    }

    private final String text;
    private final Map<String, Region> regions;
    private final Map<Long, int[]> parenKeys;
    private final Map<Long, String> numberKeys;

    private Masking(String text, Map<String, Region> regions, Map<Long, int[]> parenKeys, Map<Long, String> numberKeys) {
        this.text = text;
        this.regions = regions;
        this.parenKeys = parenKeys;
        this.numberKeys = numberKeys;
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

    /** The key expression's span {@code [start, end)} of a key placeholder ({@code "\uE001..."}), or null. */
    int[] keyRegion(String name) {
        Region r = name == null || name.isEmpty() || name.charAt(0) != KEY_MARK ? null : regions.get(name);
        return r == null ? null : new int[]{r.start(), r.end()};
    }

    /** For a key whose closing quote the lexer reports at {@code offset}: the key expression's span. */
    int[] parenKey(long offset) {
        return parenKeys.get(offset);
    }

    /**
     * For an object key the lexer read as an identifier starting at {@code offset}: the number it was written as
     * ({@code 2 = {...}}, which the lexer refuses and Terraform takes as the key "2"), or null.
     */
    String numberKey(long offset) {
        return numberKeys.get(offset);
    }

    /** The name of a function call as written: the masking of {@code map(}/{@code list(} undone. */
    static String functionName(String lexed) {
        return switch (lexed) {
            case "mAp" -> "map";
            case "lIst" -> "list";
            default -> {
                if (lexed.startsWith("provider__")) {
                    int sep = lexed.indexOf("__", "provider__".length());
                    yield sep < 0 ? lexed : "provider::" + lexed.substring("provider__".length(), sep) + "::"
                            + lexed.substring(sep + 2);
                }
                yield lexed;
            }
        };
    }

    static Masking of(HclText src) {
        return of(src, false);
    }

    /**
     * {@code expression}: the text is one expression (a snippet), where {@code map(} and {@code list(}
     * are calls wherever they are.
     */
    static Masking of(HclText src, boolean expression) {
        String t = src.text();
        List<int[]> forStarts = new ArrayList<>();
        List<int[]> heredocs = new ArrayList<>();
        List<int[]> parens = new ArrayList<>();
        List<Integer> unicodeEscapes = new ArrayList<>();
        List<Integer> legacyCalls = new ArrayList<>();
        List<Integer> providerCalls = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        src.visit(new HclText.Visitor() {
            @Override
            public void escape(int offset) {
                if (offset + 1 < t.length() && (t.charAt(offset + 1) == 'u' || t.charAt(offset + 1) == 'U')) {
                    unicodeEscapes.add(offset);
                }
            }

            @Override
            public void interpolation(int i, int depth) {
                // map(...) and list(...) inside "${}" are the Terraform 0.11 functions, never type constraints
                if (legacyCall(t, i)) {
                    legacyCalls.add(i + 1);
                }
                code(i, depth);
            }

            @Override
            public void code(int i, int depth) {
                char c = t.charAt(i);
                if (expression && legacyCall(t, i)) {
                    legacyCalls.add(i + 1);
                }
                if (providerCall(t, i)) {
                    providerCalls.add(i);
                }
                if ((c == '{' || c == '[') && startsFor(t, i + 1)) {
                    forStarts.add(new int[]{i});
                } else if (c == '(' && depth > 0 && opensKey(t, i)) {
                    parens.add(new int[]{i});
                } else if (c >= '0' && c <= '9' && depth > 0 && opensNumberKey(t, i) && numberKeyEnd(t, i) > i) {
                    numbers.add(i);
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
        for (int i : legacyCalls) {
            out[i] = Character.toUpperCase(out[i]); // mAp(, lIst(: a name the lexer does not take for a type
        }
        for (int i : providerCalls) {
            // provider::aws::arn_parse( -> provider__aws__arn_parse(: the lexer has no '::'
            int second = t.indexOf("::", i + "provider::".length());
            out[i + 8] = '_';
            out[i + 9] = '_';
            out[second] = '_';
            out[second + 1] = '_';
        }
        Map<Long, String> numberKeys = new HashMap<>();
        for (int i : numbers) {
            // 2 = {...} -> _ = {...}: an identifier of the same extent, its number remembered by where it starts
            out[i] = '_';
            numberKeys.put((long) i, t.substring(i, numberKeyEnd(t, i)));
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
            if (!assigns(t, after) || inner.isBlank() || inner.indexOf('\n') >= 0) {
                continue;
            }
            if (inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0) {
                // a key with strings in it ({ (format("%s", var.k)) = 1 }): the whole key becomes a placeholder
                String id = Integer.toString(next[0], 36);
                String placeholder = "\"" + KEY_MARK + id + "\"";
                if (placeholder.length() <= close + 1 - p[0]) {
                    next[0]++;
                    for (int k = p[0]; k <= close; k++) {
                        out[k] = ' ';
                    }
                    placeholder.getChars(0, placeholder.length(), out, p[0]);
                    regions.put(KEY_MARK + id, new Region(p[0] + 1, close, false));
                    masked.add(new int[]{p[0], close + 1});
                }
                continue;
            }
            out[p[0]] = '"';
            out[close] = '"';
            keys.put((long) close, new int[]{p[0] + 1, close});
        }
        return new Masking(new String(out), regions, keys, numberKeys);
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

    /** {@code provider::NAME::FUNCTION(} at {@code i}. */
    private static boolean providerCall(String t, int i) {
        if (!t.startsWith("provider::", i) || (i > 0 && (Character.isLetterOrDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '_'))) {
            return false;
        }
        int j = i + "provider::".length();
        int second = t.indexOf("::", j);
        if (second <= j) {
            return false;
        }
        for (int k = j; k < second; k++) {
            if (!(Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '-' || t.charAt(k) == '_')) {
                return false;
            }
        }
        int k = second + 2;
        while (k < t.length() && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '_')) {
            k++;
        }
        return k > second + 2 && k < t.length() && t.charAt(k) == '(';
    }

    private static boolean legacyCall(String t, int i) {
        return (t.startsWith("map(", i) || t.startsWith("list(", i))
                && (i == 0 || !(Character.isLetterOrDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '_' || t.charAt(i - 1) == '.'));
    }

    private static boolean startsFor(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return t.startsWith("for", i) && i + 3 < t.length() && Character.isWhitespace(t.charAt(i + 3));
    }

    /** A '(' that starts an object key: after '{' or ',' or at the start of a line. */
    /** The end of the digits of an object key written as a number at {@code i} ({@code 2 = }, {@code 10: }), or -1. */
    private static int numberKeyEnd(String t, int i) {
        int end = i;
        while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
            end++;
        }
        int after = end;
        while (after < t.length() && (t.charAt(after) == ' ' || t.charAt(after) == '\t')) {
            after++;
        }
        if (after >= t.length() || end < t.length() && (Character.isLetter(t.charAt(end)) || t.charAt(end) == '_'
                || t.charAt(end) == '.')) {
            return -1;
        }
        return assigns(t, after) ? end : -1;
    }

    private static boolean opensKey(String t, int i) {
        return opensItem(t, i, false);
    }

    /**
     * Whether a number at {@code i} starts an object item: as {@link #opensKey}, but on a new line only after the
     * end of another item, never after an operator ({@code x ?\n 1 : 2} is a conditional, not a key).
     */
    private static boolean opensNumberKey(String t, int i) {
        return opensItem(t, i, true);
    }

    /** After '{' or ',', or on a new line ({@code afterItemOnly}: after a closing bracket, a quote or a name). */
    private static boolean opensItem(String t, int i, boolean afterItemOnly) {
        int j = i - 1;
        boolean newline = false;
        while (j >= 0 && Character.isWhitespace(t.charAt(j))) {
            newline |= t.charAt(j) == '\n';
            j--;
        }
        if (j < 0) {
            return false;
        }
        char p = t.charAt(j);
        return p == '{' || p == ',' || newline && (!afterItemOnly || p == '}' || p == ']' || p == ')' || p == '"'
                || Character.isLetterOrDigit(p) || p == '_');
    }

    /** Whether {@code t} at {@code at} assigns an object item: ':' or '=' (not '==' nor '=>'). */
    private static boolean assigns(String t, int at) {
        return at < t.length() && (t.charAt(at) == ':' || (t.charAt(at) == '='
                && (at + 1 >= t.length() || (t.charAt(at + 1) != '=' && t.charAt(at + 1) != '>'))));
    }
}
