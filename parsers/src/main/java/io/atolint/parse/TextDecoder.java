package io.atolint.parse;

import io.atolint.model.SourceLocation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Invalid bytes and
 * binary content (NUL) are a positioned failure, never replaced silently.
 */
public final class TextDecoder {
    private TextDecoder() {
    }

    public static ReadResult decode(String path, byte[] bytes) {
        int offset = 0;
        java.nio.charset.Charset cs = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            offset = 2;
            cs = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            offset = 2;
            cs = StandardCharsets.UTF_16LE;
        }
        if (offset == 0 && ascii(bytes)) {
            // most IaC files: every decoder reads ASCII the same, and this way costs one pass
            return text(path, new String(bytes, StandardCharsets.ISO_8859_1));
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length + 16));
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            String text = out.flip().toString();
            int line = 1 + count(text, '\n');
            int col = text.length() - text.lastIndexOf('\n');
            return new ReadResult.Failure(SourceLocation.at(path, line, col), String.format(
                    "not valid %s: byte 0x%02X at offset %d", cs.name(), bytes[bad] & 0xFF, bad));
        }
        try {
            dec.flush(out);
        } catch (IllegalStateException e) {
            // flush after a successful decode cannot fail
        }
        return text(path, out.flip().toString());
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static ReadResult text(String path, String text) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            String before = text.substring(0, nul);
            int line = 1 + count(before, '\n');
            int col = before.length() - before.lastIndexOf('\n');
            return new ReadResult.Failure(SourceLocation.at(path, line, col), "binary content (NUL character); not a text file");
        }
        return new ReadResult.Text(new SourceFile(path, text));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
