package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.model.Finding;
import io.atolint.model.Severity;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Human-readable findings: {@code file:line:col SEVERITY RULE message}, grouped by file, then a summary.
 * Colour (ANSI) only when asked for: the CLI asks when stdout is a terminal and {@code NO_COLOR} is unset.
 */
public final class TextReport {
    private TextReport() {
    }

    public static void write(Analysis a, PrintStream out) {
        write(a, out, false);
    }

    public static void write(Analysis a, PrintStream out, boolean colour) {
        Ansi ansi = new Ansi(colour);
        String currentFile = null;
        for (Finding f : a.findings()) {
            if (!f.location().file().equals(currentFile)) {
                if (currentFile != null) {
                    out.println();
                }
                currentFile = f.location().file();
            }
            String line = ansi.bold(f.location().display()) + " " + ansi.severity(f.severity()) + " "
                    + ansi.dim(f.ruleId()) + " " + f.message();
            if (f.isSuppressed()) {
                line = ansi.dim(f.location().display() + " " + f.severity().name() + " " + f.ruleId() + " "
                        + f.message() + " [suppressed (" + f.suppression().kind() + "): "
                        + f.suppression().justification() + "]");
            }
            out.println(line);
        }
        if (currentFile != null) {
            out.println();
        }
        ReconciliationReport.text(a, out);
        TopologyText.write(a, out);
        out.println(summary(a));
    }

    public static String summary(Analysis a) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int suppressed = 0;
        Set<String> files = new LinkedHashSet<>();
        for (Finding f : a.findings()) {
            if (f.isSuppressed()) {
                suppressed++;
                continue;
            }
            counts.merge(f.severity(), 1, Integer::sum);
            files.add(f.location().file());
        }
        StringBuilder b = new StringBuilder();
        int total = a.findings().size() - suppressed;
        b.append(total).append(total == 1 ? " finding" : " findings");
        if (total > 0) {
            b.append(" (");
            boolean first = true;
            for (int i = Severity.values().length - 1; i >= 0; i--) {
                Severity s = Severity.values()[i];
                Integer n = counts.get(s);
                if (n != null) {
                    b.append(first ? "" : ", ").append(n).append(' ').append(s.label());
                    first = false;
                }
            }
            b.append(") in ").append(files.size()).append(files.size() == 1 ? " file" : " files");
        }
        if (suppressed > 0) {
            b.append(", ").append(suppressed).append(" suppressed");
        }
        b.append("; ").append(scope(a));
        return b.toString();
    }

    /** What was read: {@code 31 resources in 1 model from 1 file; 2 skipped}. */
    public static String scope(Analysis a) {
        StringBuilder b = new StringBuilder();
        int resources = a.graph().resources().size();
        int models = a.graph().models().size();
        b.append(resources).append(resources == 1 ? " resource" : " resources").append(" in ")
                .append(models).append(models == 1 ? " model" : " models").append(" from ")
                .append(a.scan().inputs().size()).append(a.scan().inputs().size() == 1 ? " file" : " files");
        if (!a.scan().skipped().isEmpty()) {
            b.append("; ").append(a.scan().skipped().size()).append(" skipped");
        }
        return b.toString();
    }

    /** ANSI styling that is a no-op when colour is off. */
    static final class Ansi {
        private final boolean on;

        Ansi(boolean on) {
            this.on = on;
        }

        private String wrap(String code, String s) {
            return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
        }

        String bold(String s) {
            return wrap("1", s);
        }

        String dim(String s) {
            return wrap("2", s);
        }

        String severity(Severity s) {
            return switch (s) {
                case CRITICAL -> wrap("1;35", s.name());
                case HIGH -> wrap("1;31", s.name());
                case MEDIUM -> wrap("33", s.name());
                case LOW -> wrap("36", s.name());
                case INFO -> wrap("2", s.name());
            };
        }
    }
}
