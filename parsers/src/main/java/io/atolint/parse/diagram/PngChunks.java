package io.atolint.parse.diagram;

import java.nio.charset.StandardCharsets;

/**
 * The diagram a draw.io PNG export carries: a {@code tEXt} (or {@code iTXt}) chunk {@code mxfile} with
 * the URI-encoded file, or the legacy {@code zTXt} chunk {@code mxGraphModel}. Chunk lengths are checked
 * against the file, and compressed text is inflated within the decompression limit (a PNG-chunk bomb
 * is refused, not expanded).
 */
public final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngChunks() {
    }

    public static boolean isPng(byte[] b) {
        if (b.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The embedded draw.io XML, or null when the PNG carries none. */
    public static String diagram(byte[] png, long maxDecompressed) throws Payloads.BadPayload {
        if (!isPng(png)) {
            throw new Payloads.BadPayload("not a PNG file (bad signature)", false);
        }
        int pos = SIGNATURE.length;
        int chunks = 0;
        while (pos + 8 <= png.length) {
            long len = ((png[pos] & 0xFFL) << 24) | ((png[pos + 1] & 0xFFL) << 16) | ((png[pos + 2] & 0xFFL) << 8)
                    | (png[pos + 3] & 0xFFL);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int dataStart = pos + 8;
            if (len > png.length - dataStart - 4L) {
                throw new Payloads.BadPayload("PNG chunk '" + printable(type) + "' at offset " + pos + " claims " + len
                        + " bytes, past the end of the file", false);
            }
            if (++chunks > 100_000) {
                throw new Payloads.BadPayload("more than 100000 PNG chunks", true);
            }
            int n = (int) len;
            switch (type) {
                case "tEXt" -> {
                    int z = zero(png, dataStart, n);
                    String key = z < 0 ? "" : new String(png, dataStart, z - dataStart, StandardCharsets.ISO_8859_1);
                    if (key.equals("mxfile") || key.equals("mxGraphModel")) {
                        String value = new String(png, z + 1, dataStart + n - z - 1, StandardCharsets.ISO_8859_1);
                        return Payloads.uriDecode(value);
                    }
                }
                case "zTXt" -> {
                    int z = zero(png, dataStart, n);
                    String key = z < 0 ? "" : new String(png, dataStart, z - dataStart, StandardCharsets.ISO_8859_1);
                    // keyword, NUL, compression method, data: a chunk that ends after its keyword holds no diagram
                    if ((key.equals("mxGraphModel") || key.equals("mxfile")) && z + 2 > dataStart + n) {
                        throw new Payloads.BadPayload("the " + key + " zTXt chunk at offset " + pos + " holds only its keyword "
                                + "(no compression method, no text): no diagram is embedded", false);
                    }
                    if (key.equals("mxGraphModel") || key.equals("mxfile")) {
                        byte[] comp = java.util.Arrays.copyOfRange(png, z + 2, dataStart + n);
                        byte[] raw = Payloads.inflate(comp, false, maxDecompressed);
                        return Payloads.uriDecode(new String(raw, StandardCharsets.ISO_8859_1));
                    }
                }
                case "iTXt" -> {
                    int z = zero(png, dataStart, n);
                    String key = z < 0 ? "" : new String(png, dataStart, z - dataStart, StandardCharsets.ISO_8859_1);
                    int lang = key.isEmpty() || z + 3 > dataStart + n ? -1 : zero(png, z + 3, dataStart + n - z - 3);
                    int translated = lang < 0 ? -1 : zero(png, lang + 1, dataStart + n - lang - 1);
                    if ((key.equals("mxfile") || key.equals("mxGraphModel")) && translated >= 0) {
                        boolean compressed = png[z + 1] != 0;
                        byte[] text = java.util.Arrays.copyOfRange(png, translated + 1, dataStart + n);
                        if (compressed) {
                            text = Payloads.inflate(text, false, maxDecompressed);
                        }
                        return Payloads.uriDecode(new String(text, StandardCharsets.UTF_8));
                    }
                }
                case "IEND" -> {
                    return null;
                }
                default -> {
                    // image data and other metadata
                }
            }
            pos = dataStart + n + 4;
        }
        return null;
    }

    /** The NUL ending a keyword or field in {@code [from, from + len)}, or -1: such a chunk is not ours and is skipped. */
    private static int zero(byte[] b, int from, int len) {
        for (int i = from; i < from + len && i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
