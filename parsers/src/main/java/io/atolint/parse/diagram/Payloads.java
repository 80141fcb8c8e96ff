package io.atolint.parse.diagram;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The encodings draw.io wraps diagrams in: base64 of raw-deflated, URI-encoded XML (compressed
 * pages), URI-encoded XML (PNG {@code tEXt} chunks, SVG {@code content} attributes), zlib streams
 * (PNG {@code zTXt}). Decompression output is bounded so that a deflate bomb costs nothing.
 */
public final class Payloads {
    private Payloads() {
    }

    /** A payload that cannot be decoded, and why. */
    public static final class BadPayload extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean limit;

        BadPayload(String message, boolean limit) {
            super(message);
            this.limit = limit;
        }

        /** True when the payload was refused because it would decompress beyond the limit. */
        public boolean isLimit() {
            return limit;
        }
    }

    /** A compressed draw.io page: base64 → raw inflate → URL-decode. */
    public static String compressedPage(String base64, long maxBytes) throws BadPayload {
        byte[] raw = base64(base64);
        byte[] inflated = inflate(raw, true, maxBytes);
        String text = new String(inflated, StandardCharsets.UTF_8);
        return uriDecode(text);
    }

    public static byte[] base64(String text) throws BadPayload {
        String compact = text.replaceAll("\\s+", "");
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!ok) {
                throw new BadPayload("corrupt base64 payload: character '" + printable(c) + "' at offset " + i, false);
            }
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new BadPayload("corrupt base64 payload: " + e.getMessage(), false);
        }
    }

    private static String printable(char c) {
        return c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** Inflates at most {@code maxBytes}; more is refused, not truncated. */
    public static byte[] inflate(byte[] data, boolean raw, long maxBytes) throws BadPayload {
        Inflater inf = new Inflater(raw);
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(data.length * 4 + 64, 1 << 20));
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.needsInput()) {
                        throw new BadPayload("corrupt deflate payload: the compressed data ends early", false);
                    }
                    if (inf.needsDictionary()) {
                        throw new BadPayload("corrupt deflate payload: needs a preset dictionary", false);
                    }
                }
                total += n;
                if (total > maxBytes) {
                    throw new BadPayload("compressed payload expands beyond the limit of " + maxBytes
                            + " bytes (decompression bomb?); not read", true);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BadPayload("corrupt deflate payload: " + e.getMessage(), false);
        } finally {
            inf.end();
        }
    }

    /** {@code decodeURIComponent}: percent escapes as UTF-8; a lone {@code %} is kept as is. */
    public static String uriDecode(String text) throws BadPayload {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadPayload("corrupt URI-encoded payload: " + e.getMessage(), false);
        }
    }
}
