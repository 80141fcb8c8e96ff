package io.atolint.parse.diagram;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an AWS icon pasted into a picture as a data URI. An icon dragged from AWS's Architecture Icons
 * package onto a draw.io page is kept as {@code image=data:image/svg+xml,<base64>}: no file name is left, but
 * the package's SVG files carry it in their title ({@code <title>Icon-Architecture/48/Arch_Amazon-EC2_48</title>},
 * {@code Icon-Resource/Compute/Res_Amazon-EC2_Instance_48_Light}), near the start. Only that start is decoded
 * and searched as text; the SVG is never parsed or rendered.
 */
final class EmbeddedIcon {
    /** How much of the payload is decoded: the title comes before the first path of the drawing. */
    private static final int HEAD_CHARS = 4096;
    private static final Pattern TITLE = Pattern.compile("<title>\\s*(Icon-(?:Architecture|Resource)[^<]{0,200}?)\\s*</title>");
    private static final String SVG = "data:image/svg+xml";

    private EmbeddedIcon() {
    }

    /** The icon file's name ({@code Arch_Amazon-EC2_48.svg}) a data URI's title gives, if it is AWS's icon. */
    static Optional<String> fileName(String dataUri) {
        if (dataUri == null || !dataUri.regionMatches(true, 0, SVG, 0, SVG.length())) {
            return Optional.empty();
        }
        int comma = dataUri.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String params = dataUri.substring(SVG.length(), comma).toLowerCase(Locale.ROOT);
        String payload = dataUri.substring(comma + 1, Math.min(dataUri.length(), comma + 1 + HEAD_CHARS)).trim();
        String head = params.contains("base64") || looksBase64(payload) ? base64Head(payload) : percentDecoded(payload);
        Matcher m = TITLE.matcher(head);
        if (!m.find() || m.group(1).contains("Category")) {
            return Optional.empty(); // a category's icon (Compute, Database) names no resource
        }
        String title = m.group(1);
        return Optional.of(title.substring(title.lastIndexOf('/') + 1).trim() + ".svg");
    }

    /**
     * The image a draw.io style refers to. draw.io writes a data URI without {@code ;base64} (the style's own
     * separator); a style written by hand or by another tool may keep it, which splits the URI in two entries.
     */
    static Optional<String> imageRef(Style st) {
        Optional<String> image = st.get("image");
        if (image.isPresent() && image.get().equalsIgnoreCase(SVG)) {
            for (Map.Entry<String, String> e : st.entries().entrySet()) {
                String rest = e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue();
                if (rest.startsWith("base64,")) {
                    return Optional.of(SVG + ";" + rest);
                }
            }
        }
        return image;
    }

    private static boolean looksBase64(String payload) {
        return !payload.isEmpty() && payload.chars().limit(64).allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=');
    }

    private static String base64Head(String payload) {
        String chars = payload.replaceAll("[^A-Za-z0-9+/]", "");
        chars = chars.substring(0, chars.length() - chars.length() % 4);
        try {
            return new String(Base64.getDecoder().decode(chars), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String percentDecoded(String payload) {
        StringBuilder out = new StringBuilder(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '%' && i + 2 < payload.length() && isHex(payload.charAt(i + 1)) && isHex(payload.charAt(i + 2))) {
                out.append((char) Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
