package io.atolint.cli;

import io.atolint.report.ReportFormat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One report of a scan: a format and where it goes (a file, or stdout when {@code file} is null). A file
 * a configuration named carries the repository root it must stay inside ({@code root}; null for files
 * the command line named).
 */
record ReportOutput(ReportFormat format, String file, java.nio.file.Path root) {

    ReportOutput(ReportFormat format, String file) {
        this(format, file, null);
    }

    static List<ReportOutput> parse(List<String> specs, String output) throws UsageException {
        return parse(specs, output, null);
    }

    /**
     * Reads {@code --format} values ({@code text}, {@code sarif=out.sarif}); {@code output} ({@code -o})
     * is the file of the one format given without a file. At most one report may go to stdout, and no
     * two reports to the same file.
     */
    static List<ReportOutput> parse(List<String> specs, String output, java.nio.file.Path root) throws UsageException {
        List<ReportOutput> out = new ArrayList<>();
        List<String> values = specs.isEmpty() ? List.of("text") : specs;
        for (String spec : values) {
            for (String one : spec.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                int eq = one.indexOf('=');
                String name = eq < 0 ? one : one.substring(0, eq);
                String file = eq < 0 ? null : one.substring(eq + 1).trim();
                if (file != null && file.isEmpty()) {
                    throw new UsageException("--format " + one + ": the file name after '=' is empty");
                }
                try {
                    out.add(new ReportOutput(ReportFormat.parse(name), file, file == null ? null : root));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        List<ReportOutput> toStdout = out.stream().filter(o -> o.file() == null).toList();
        if (toStdout.size() > 1) {
            throw new UsageException("only one report can go to stdout (or --output); give the others a file, "
                    + "for example --format sarif=atolint.sarif");
        }
        if (output != null) {
            if (toStdout.isEmpty()) {
                throw new UsageException("--output names no report: every --format already has its own file");
            }
            out.set(out.indexOf(toStdout.get(0)), new ReportOutput(toStdout.get(0).format(), output));
        }
        Set<String> files = new HashSet<>();
        for (ReportOutput o : out) {
            if (o.file() != null && !files.add(o.file())) {
                throw new UsageException("two reports would be written to " + o.file());
            }
        }
        return out;
    }
}
