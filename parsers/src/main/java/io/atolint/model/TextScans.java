package io.atolint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans of stranger-written text in one pass, where a regular expression rescanned it. A span runs from an
 * opening mark to the next closing character ({@code <[^>]*>}, {@code \[[^\]]*]}, {@code \$\{[^}]*}}): once an
 * opening mark has no closing character after it, no later one has either, so the scan stops there instead of
 * trying again from each opening mark (quadratic on a run of them). And the character classes of
 * {@code java.util.regex} such scans keep to.
 */
public final class TextScans {
    private TextScans() {
    }

    /** Each span, marks included, in order. */
    public static List<String> spans(String text, String open, char close) {
        List<String> out = new ArrayList<>();
        for (int start = text.indexOf(open), end = next(text, start, open, close); start >= 0 && end >= 0;
             start = text.indexOf(open, end + 1), end = next(text, start, open, close)) {
            out.add(text.substring(start, end + 1));
        }
        return out;
    }

    /** The text with each span replaced by {@code with}. */
    public static String withoutSpans(String text, String open, char close, String with) {
        int start = text.indexOf(open);
        int end = next(text, start, open, close);
        if (end < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int from = 0;
        for (; start >= 0 && end >= 0; start = text.indexOf(open, from), end = next(text, start, open, close)) {
            b.append(text, from, start).append(with);
            from = end + 1;
        }
        return b.append(text, from, text.length()).toString();
    }

    private static int next(String text, int start, String open, char close) {
        return start < 0 ? -1 : text.indexOf(close, start + open.length());
    }

    /** {@code \s}: [ \t\n\x0B\f\r]. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What {@code .} does not match. */
    public static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
