package io.atolint.parse.diagram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A draw.io cell style: {@code key=value;} pairs, where a bare first token names a base style
 * ({@code text;html=1}, {@code edgeLabel;...}, {@code ellipse;...}, {@code group}).
 */
public record Style(String base, Map<String, String> entries) {

    public static final Style EMPTY = new Style("", Map.of());

    public static Style parse(String style) {
        if (style == null || style.isBlank()) {
            return EMPTY;
        }
        Map<String, String> m = new LinkedHashMap<>();
        String base = "";
        String[] parts = style.split(";");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                if (base.isEmpty()) {
                    base = p;
                }
                m.putIfAbsent(p, "");
            } else {
                m.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        return new Style(base, Collections.unmodifiableMap(m));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key)).filter(v -> !v.isEmpty());
    }

    public String getOr(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public boolean is(String key) {
        String v = entries.get(key);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** {@code shape=...}, or the base style when it names a shape ({@code ellipse}, {@code umlActor}). */
    public String shape() {
        return get("shape").orElse(base);
    }

    public boolean isText() {
        return base.equals("text") || base.equals("edgeLabel") || shape().equals("text")
                || (none("strokeColor") && none("fillColor") && !has("shape") && !has("image") && !isGroupBase());
    }

    public boolean isGroupBase() {
        return base.equals("group") || base.equals("swimlane") || is("container") || shape().equals("swimlane");
    }

    /**
     * What draw.io's Group command makes: a cell of the built-in "group" style, which has no stroke and no
     * fill unless the style gives it a colour. Nothing of it is drawn: it only moves its cells together.
     */
    public boolean isInvisibleGroup() {
        return base.equals("group") && !painted("strokeColor") && !painted("fillColor");
    }

    private boolean painted(String key) {
        String v = entries.get(key);
        return v != null && !v.isEmpty() && !v.equalsIgnoreCase("none");
    }

    public boolean isImage() {
        return base.equals("image") || shape().equals("image") || has("image");
    }

    private boolean none(String key) {
        return "none".equalsIgnoreCase(entries.getOrDefault(key, ""));
    }

    public boolean dashed() {
        return is("dashed");
    }

    public String color(String key) {
        return getOr(key, "").toUpperCase(Locale.ROOT);
    }
}
