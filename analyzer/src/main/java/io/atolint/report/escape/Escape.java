package io.atolint.report.escape;

import java.nio.charset.StandardCharsets;

/**
 * The one place that turns text from a scanned repository (logical ids, addresses, labels, tag values,
 * file names, messages built from them) into what a report may print. Every writer goes through it:
 * text reports line by line ({@link #line}), Markdown through {@link #markdown} and {@link #urlPath},
 * XML and HTML through {@link #xml}. JSON and SARIF are written by Jackson, which escapes on its own.
 *
 * <p>Why: the text report is printed into CI logs, where a line that starts with {@code ::error} (or
 * holds {@code ##[error]}) is a GitHub Actions workflow command, and a name with a newline would print a
 * whole forged finding line; ANSI escapes can rewrite what a terminal shows; Unicode bidi controls can
 * reorder it. The Markdown report is posted as a pull-request comment, where an image, a link or an
 * {@code @}-mention in a subnet value would be rendered.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * A value for a line of plain text: line breaks, tabs, other control characters (C0, DEL, C1),
     * Unicode line/paragraph separators, invisible format characters (bidi controls, zero-width
     * spaces, BOM; the emoji joiner U+200D stays) and lone surrogates are printed as {@code \n},
     * {@code \t}, {@code \xNN} or {@code \\uXXXX}; {@code ##[} is broken as {@code ##\[}; a value that
     * begins with {@code ::} (after blanks) begins with {@code \::}.
     */
    public static String text(String s) {
        if (s == null) {
            return "null";
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        int n = s.length();
        for (int i = 0; i < n; ) {
            int c = s.codePointAt(i);
            int len = Character.charCount(c);
            if (c == '#' && s.startsWith("##[", i)) {
                b.append("##\\[");
                i += 3;
                continue;
            }
            appendEscaped(b, c);
            i += len;
        }
        return guardStart(b.toString());
    }

    /** A whole line about to be printed: every character outside ANSI colour that {@link #text} escapes. */
    public static String line(String line) {
        return line(line, false);
    }

    /**
     * A whole line about to be printed, after its parts went through {@link #text}: a second guard,
     * so that no line can hold a control character or start a workflow command whatever a writer forgot.
     * With {@code colour}, ANSI SGR sequences ({@code ESC [ digits m}) are kept; every other escape
     * sequence is broken.
     */
    public static String line(String line, boolean colour) {
        if (isPlain(line)) {
            return line;
        }
        StringBuilder b = new StringBuilder(line.length() + 8);
        int n = line.length();
        for (int i = 0; i < n; ) {
            int c = line.codePointAt(i);
            if (c == 0x1b && colour) {
                int end = sgrEnd(line, i);
                if (end > 0) {
                    b.append(line, i, end);
                    i = end;
                    continue;
                }
            }
            if (c == '#' && line.startsWith("##[", i)) {
                b.append("##\\[");
                i += 3;
                continue;
            }
            appendEscaped(b, c);
            i += Character.charCount(c);
        }
        return guardStart(b.toString());
    }

    /**
     * A value inside Markdown (a table cell or a sentence of the pull-request comment): {@link #text}, then
     * what would render as markup backslash-escaped ({@code \ ` * _ [ ] | ! ~ $}), {@code < > &} as
     * entities (no HTML), and a zero-width space after {@code @} (no mention, as dependency bots print
     * them), inside {@code ://} and {@code www.} (no autolink) and after {@code #} before a digit (no issue
     * reference). The result never contains a line break.
     */
    public static String markdown(String s) {
        String t = text(s);
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '@' -> b.append("@&#8203;");
                case ':' -> b.append(t.startsWith("://", i) ? ":&#8203;" : ":");
                case '.' -> b.append(i >= 3 && t.regionMatches(true, i - 3, "www", 0, 3) ? "&#8203;." : ".");
                case '#' -> b.append(i + 1 < t.length() && Character.isDigit(t.charAt(i + 1)) ? "#&#8203;" : "#");
                case '\\', '`', '*', '_', '[', ']', '|', '!', '~', '$' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A path for a link target ({@code [text](target)}): percent-encoded as UTF-8 except unreserved
     * characters and {@code /}, so that no character can close the link, start another or carry a scheme
     * ({@code :} is encoded too).
     */
    public static String urlPath(String path) {
        StringBuilder b = new StringBuilder(path.length() + 16);
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * A URI that the writer did not build itself (a configured {@code docs-uri}, a web base for links):
     * every character that could end a Markdown link target or start markup ({@code ( ) < > [ ] space
     * " ' `}, controls, non-ASCII) percent-encoded; the URI's own delimiters ({@code : / ? # & = %}) kept.
     */
    public static String url(String uri) {
        StringBuilder b = new StringBuilder(uri.length() + 8);
        for (byte x : uri.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c > 0x20 && c < 0x7f && "()<>[]\"'`\\{}|^".indexOf(c) < 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * XML 1.0 (and HTML) text and attribute content: markup characters as entities, line breaks and tabs
     * as character references (attribute values keep them), every other character XML cannot carry (C0
     * controls, lone surrogates, U+FFFE/U+FFFF) as a visible {@code \xNN}/{@code \\uXXXX}, never dropped, so
     * that two different names never print the same.
     */
    public static String xml(String s) {
        return xml(s, false);
    }

    /**
     * HTML (and inline SVG) text and attribute content: as {@link #xml}, except that line breaks and tabs
     * stay as they are (HTML keeps them in attributes; tooltips use them).
     */
    public static String html(String s) {
        return xml(s, true);
    }

    private static String xml(String s, boolean html) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        int n = s.length();
        for (int i = 0; i < n; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append(html ? "\n" : "&#10;");
                case '\t' -> b.append(html ? "\t" : "&#9;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xFFFE || c == 0xFFFF
                            || (c >= 0xD800 && c <= 0xDFFF) || invisible(c)) {
                        appendEscaped(b, c);
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Whether a line of text needs no escaping at all (the common case: printable ASCII and letters). */
    private static boolean isPlain(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || Character.isSurrogate(c) || invisible(c)
                    || (c == '#' && s.startsWith("##[", i))) {
                return false;
            }
        }
        return !startsLikeCommand(s);
    }

    private static void appendEscaped(StringBuilder b, int c) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                    b.append(String.format("\\x%02x", c));
                } else if ((c >= 0xD800 && c <= 0xDFFF) || invisible(c)) {
                    b.append(String.format("\\u%04x", c));
                } else if (Character.getType(c) == Character.FORMAT && c > 0xFFFF) {
                    b.append(String.format("\\U%08x", c));
                } else {
                    b.appendCodePoint(c);
                }
            }
        }
    }

    /**
     * Characters that print nothing yet change what is shown: line and paragraph separators, bidi
     * controls and other format characters (U+200D, the emoji joiner, is kept). Supplementary format
     * characters (tags) are caught in {@link #appendEscaped}.
     */
    private static boolean invisible(int c) {
        if (c == 0x200D || c < 0xA0) {
            return false;
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The runner trims leading white space (.NET's definition, which includes no-break spaces) first. */
    private static boolean startsLikeCommand(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))
                || s.charAt(i) == 0x85)) {
            i++;
        }
        return s.startsWith("::", i);
    }

    /** {@code ::} after leading blanks is a workflow command to GitHub Actions: its first colon is escaped. */
    private static String guardStart(String s) {
        if (!startsLikeCommand(s)) {
            return s;
        }
        int i = s.indexOf("::");
        return s.substring(0, i) + "\\" + s.substring(i);
    }

    /** The end of an ANSI SGR sequence ({@code ESC [ 0-9;* m}) starting at {@code i}, or -1. */
    private static int sgrEnd(String s, int i) {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '[') {
            return -1;
        }
        int j = i + 2;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == 'm' ? j + 1 : -1;
    }
}
