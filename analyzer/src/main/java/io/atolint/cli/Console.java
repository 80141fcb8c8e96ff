package io.atolint.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command writes: stdout only for the output asked for, stderr for everything else; and what
 * the streams are connected to.
 */
record Console(PrintStream out, PrintStream err, Terminal terminal) {

    /** Something that writes one output. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Something that writes one output as text. */
    interface TextWriter {
        void write(PrintStream out) throws IOException;
    }

    /** The job every command that scans goes through. */
    ScanJob job() {
        return job(false);
    }

    /** The job, {@code quiet} for {@code --quiet}. */
    ScanJob job(boolean quiet) {
        return new ScanJob(out, err, terminal, quiet);
    }

    /** Writes to {@code file}, or stdout when it is null; built in memory first so nothing half-written remains. */
    void write(String file, Writer writer) throws UsageException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            writer.write(buf);
            if (file == null) {
                out.write(buf.toByteArray());
                out.flush();
            } else {
                Files.write(Path.of(file), buf.toByteArray());
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + (file == null ? "the report" : file) + ": " + e.getMessage());
        }
    }

    /** {@link #write} for a writer of text (UTF-8). */
    void writeText(String file, TextWriter writer) throws UsageException {
        write(file, stream -> {
            PrintStream ps = new PrintStream(stream, true, StandardCharsets.UTF_8);
            writer.write(ps);
            ps.flush();
        });
    }
}
