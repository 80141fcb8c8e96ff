package io.atolint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files options name ({@code --var-file}, {@code --params-file}, {@code --baseline}, the
 * configuration): regular files only (a FIFO would block the scan and a device such as
 * {@code /dev/zero} never ends), at most the size limit of scanned files, counted while reading too
 * (a file may grow after its size was looked at). Messages name the file, never its content.
 */
final class OptionFiles {
    private OptionFiles() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param what     for messages: "var file", "baseline"
     * @param maxBytes the largest size accepted
     */
    static byte[] read(String what, Path file, long maxBytes) throws UsageException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " " + file + ": no such file");
        }
        if (attrs.isDirectory()) {
            throw new UsageException(what + " " + file + " is a directory, not a file");
        }
        if (!attrs.isRegularFile()) {
            throw new UsageException(what + " " + file + " is not a regular file (a FIFO, a socket or a device): refused");
        }
        if (attrs.size() > maxBytes) {
            throw new UsageException(what + " " + file + " is larger than " + maxBytes + " bytes (--limit file-bytes)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new UsageException(what + " " + file + " is larger than " + maxBytes + " bytes (--limit file-bytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
