package io.atolint.cli;

import java.io.File;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Names of scanned files as the file system has them. A backslash is a separator only where the file
 * system says so (Windows), never on Linux, where {@code a\b.yaml} is one file beside {@code a/b.yaml}. A
 * name that is not UTF-8 keeps its bytes: Java would decode every invalid byte as U+FFFD, so that
 * {@code a<FF>.yaml} and {@code a<FE>.yaml} printed (and were found) as one file; each invalid byte is
 * written {@code \xNN} instead, and a backslash in such a name, or in a name holding {@code \x}, is doubled,
 * so that no two files ever get the same name.
 */
final class FileNames {
    private FileNames() {
    }

    /** {@code /}-separated: the platform separator replaced, nothing else. */
    static String slashes(String path) {
        return File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/');
    }

    /** The name of {@code file} relative to {@code root}, {@code /}-separated, from its bytes. */
    static String relative(Path root, Path file) {
        String lossy = slashes(root.relativize(file).toString());
        if (File.separatorChar != '/' || (lossy.indexOf('\uFFFD') < 0 && !lossy.contains("\\x"))) {
            return lossy;
        }
        // the raw bytes of the path survive in its URI, percent-encoded
        String r = root.toAbsolutePath().normalize().toUri().getRawPath();
        String f = file.toAbsolutePath().normalize().toUri().getRawPath();
        if (!r.endsWith("/")) {
            r += "/";
        }
        if (!f.startsWith(r)) {
            return lossy;
        }
        return fromBytes(percentDecoded(f.substring(r.length())));
    }

    /** UTF-8 text of {@code bytes}, every byte that is not valid UTF-8 as {@code \xNN}, every backslash doubled. */
    static String fromBytes(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        StringBuilder b = new StringBuilder(bytes.length + 16);
        while (true) {
            CoderResult cr = d.decode(in, out, true);
            drain(out, b);
            if (cr.isError()) {
                for (int i = 0; i < cr.length(); i++) {
                    b.append(String.format("\\x%02x", in.get() & 0xff));
                }
            } else {
                break;
            }
        }
        d.flush(out);
        drain(out, b);
        return b.toString();
    }

    private static void drain(CharBuffer out, StringBuilder b) {
        out.flip();
        while (out.hasRemaining()) {
            char c = out.get();
            b.append(c == '\\' ? "\\\\" : String.valueOf(c));
        }
        out.clear();
    }

    private static byte[] percentDecoded(String raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                b.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.write(c);
            }
        }
        return b.toByteArray();
    }
}
