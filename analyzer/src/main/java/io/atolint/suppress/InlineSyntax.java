package io.atolint.suppress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment syntaxes: {@code # atolint:ignore HA001,HA002 reason} (also {@code //}, {@code <!-- -->},
 * {@code /* *}{@code /}), {@code atolint:ignore-file} for a whole file, and checkov's
 * {@code #checkov:skip=CKV_AWS_157:reason}. A marker counts only at the start of a comment, so a string
 * value that happens to contain the words does not suppress anything.
 */
final class InlineSyntax {
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)(?:#|//|<!--|/\\*)\\s*(.*)$");
    private static final Pattern ATOLINT = Pattern.compile("^atolint:ignore(-file)?(?:\\s+(.*))?$");
    private static final Pattern CHECKOV = Pattern.compile("^checkov:skip=([A-Za-z0-9_-]+)(?::(.*))?$");
    // the ids after the first possessively: a greedy group recursed once per id, and a comment of 50,000 ids
    // overflowed the stack and ended the whole run; what follows the ids matches any rest, so none is given back
    private static final Pattern IDS = Pattern.compile(
            "^\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*+)\\s*:?\\s*(.*)$", Pattern.DOTALL);

    private InlineSyntax() {
    }

    /** Ids and the reason that follows them. */
    record Parsed(List<String> ids, String reason) {
    }

    /** A marker found in a comment. */
    record Marker(String tool, boolean wholeFile, List<String> ids, String reason, int column) {
    }

    /** The suppression marker of a line, or null. */
    static Marker find(String line) {
        Matcher c = COMMENT.matcher(line);
        int from = afterLastInnerSeparator(line);
        if (from > 0) {
            // no match crosses the separator ('.' stops at it, '$' is only before a last one): starting after it is
            // the same match, without running (.*) up to it again from every marker before it (quadratic)
            c.region(from, line.length()).useAnchoringBounds(false);
        }
        while (c.find()) {
            int marker = c.start(1) - 1;
            if (insideString(line, c.start())) {
                continue;
            }
            String body = stripCommentEnd(c.group(1).trim());
            Matcher a = ATOLINT.matcher(body);
            if (a.matches()) {
                Parsed p = idsAndReason(a.group(2) == null ? "" : a.group(2));
                return new Marker("atolint", a.group(1) != null, p.ids(), p.reason(), marker + 1);
            }
            Matcher k = CHECKOV.matcher(body);
            if (k.matches()) {
                return new Marker("checkov", false, List.of(k.group(1)), k.group(2) == null ? "" : k.group(2).trim(),
                        marker + 1);
            }
            // the first comment of the line decides: "# note # atolint:ignore ..." is not a marker
            return null;
        }
        return null;
    }

    /**
     * The index after the last line separator (U+0085, U+2028, U+2029) that is not the line's last character, or 0;
     * also 0 for a text with CR or LF (which {@code \s} matches), though a line split from a file has none.
     */
    private static int afterLastInnerSeparator(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            return 0;
        }
        for (int i = line.length() - 2; i >= 0; i--) {
            char ch = line.charAt(i);
            if (ch == '\u0085' || ch == '\u2028' || ch == '\u2029') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Whether a position is inside a quoted string opened earlier on the line. */
    private static boolean insideString(String line, int pos) {
        boolean dq = false;
        boolean sq = false;
        for (int i = 0; i < pos && i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && dq) {
                i++;
            } else if (ch == '"' && !sq) {
                dq = !dq;
            } else if (ch == '\'' && !dq && (sq || i == 0 || " \t[{(,:=".indexOf(line.charAt(i - 1)) >= 0)) {
                sq = !sq; // an apostrophe inside a word (don't) opens no string
            }
        }
        return dq || sq;
    }

    /**
     * {@code HA001,HA002 the reason} or {@code HA001: the reason}: the ids (comma-separated, no spaces
     * needed), an optional colon, then the reason.
     */
    static Parsed idsAndReason(String text) {
        Matcher m = IDS.matcher(text);
        if (!m.matches()) {
            return new Parsed(List.of(), text.trim());
        }
        List<String> ids = new ArrayList<>();
        for (String id : m.group(1).split(",")) {
            ids.add(id.trim());
        }
        return new Parsed(ids, m.group(2).replaceFirst("^[\\s\\-\\u2013\\u2014]+", "").trim());
    }

    private static String stripCommentEnd(String s) {
        String t = s;
        if (t.endsWith("-->")) {
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("*/")) {
            t = t.substring(0, t.length() - 2);
        }
        return t.trim();
    }
}
