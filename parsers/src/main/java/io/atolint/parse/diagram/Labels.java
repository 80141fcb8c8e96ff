package io.atolint.parse.diagram;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Diagram label text: HTML tags stripped, {@code <br>} and block ends as newlines, entities decoded. */
public final class Labels {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(div|p|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("ndash", "-"), Map.entry("mdash", "-"),
            Map.entry("rarr", "->"), Map.entry("larr", "<-"), Map.entry("harr", "<->"), Map.entry("hellip", "..."),
            Map.entry("copy", "(c)"), Map.entry("reg", "(R)"), Map.entry("trade", "(TM)"), Map.entry("bull", "*"));

    private Labels() {
    }

    /** Plain text of a label; {@code html} says whether the cell renders it as HTML. */
    public static String plain(String label, boolean html) {
        if (label == null || label.isEmpty()) {
            return "";
        }
        String s = label;
        if (html || s.indexOf('<') >= 0) {
            s = BREAK.matcher(s).replaceAll("\n");
            s = withoutTags(s);
        }
        s = decodeEntities(s);
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            String t = line.replace('\u00a0', ' ').replaceAll("[ \\t\\r]+", " ").trim();
            if (!t.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(t);
            }
        }
        return b.toString();
    }

    /** {@code TAG.matcher(s).replaceAll(" ")} in one pass (the expression rescanned the label from every {@code <}). */
    static String withoutTags(String s) {
        return io.atolint.model.TextScans.withoutSpans(s, "<", '>', " ");
    }

    /** On one line, for matching and messages. */
    public static String oneLine(String plain) {
        return plain.replace('\n', ' ').trim();
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x")) {
                rep = codePoint(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                rep = codePoint(Integer.parseInt(e.substring(1)));
            } else {
                rep = NAMED.getOrDefault(e.toLowerCase(java.util.Locale.ROOT), m.group());
            }
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
    }
}
