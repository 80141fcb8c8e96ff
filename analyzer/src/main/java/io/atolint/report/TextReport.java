package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.model.Finding;
import io.atolint.model.Severity;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Human-readable findings: {@code file:line:col SEVERITY RULE message}, grouped by file, then a summary. */
public final class TextReport {
    private TextReport() {
    }

    public static void write(Analysis a, PrintStream out) {
        String currentFile = null;
        for (Finding f : a.findings()) {
            if (!f.location().file().equals(currentFile)) {
                if (currentFile != null) {
                    out.println();
                }
                currentFile = f.location().file();
            }
            out.println(f.location().display() + " " + f.severity().name() + " " + f.ruleId() + " " + f.message()
                    + (f.isSuppressed() ? " [suppressed: " + f.suppression().justification() + "]" : ""));
        }
        if (currentFile != null) {
            out.println();
        }
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
        int resources = a.graph().resources().size();
        int models = a.graph().models().size();
        b.append("; ").append(resources).append(resources == 1 ? " resource" : " resources").append(" in ")
                .append(models).append(models == 1 ? " model" : " models").append(" from ")
                .append(a.scan().inputs().size()).append(a.scan().inputs().size() == 1 ? " file" : " files");
        if (!a.scan().skipped().isEmpty()) {
            b.append("; ").append(a.scan().skipped().size()).append(" skipped");
        }
        return b.toString();
    }
}
