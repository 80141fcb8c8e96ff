package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.ItemAssessment;
import io.atolint.checklist.Verdict;
import io.atolint.model.Finding;
import io.atolint.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: counts by severity, the checklist verdicts, and the most severe findings with
 * {@code file:line} links relative to the repository root (or to a web base, see {@link ReportSettings}).
 */
public final class MarkdownReport {
    /** How many findings the comment lists; the rest are counted. */
    public static final int TOP = 20;

    private MarkdownReport() {
    }

    public static void write(Analysis a, ReportSettings settings, OutputStream out) throws IOException {
        out.write(render(a, settings).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(Analysis a, ReportSettings settings) {
        StringBuilder b = new StringBuilder();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int suppressed = 0;
        for (Finding f : a.findings()) {
            if (f.isSuppressed()) {
                suppressed++;
            } else {
                counts.merge(f.severity(), 1, Integer::sum);
            }
        }
        b.append("## atolint: ").append(headline(counts)).append("\n\n");
        b.append("| critical | high | medium | low | info (notes) | suppressed |\n");
        b.append("|---:|---:|---:|---:|---:|---:|\n");
        b.append("| ").append(counts.getOrDefault(Severity.CRITICAL, 0))
                .append(" | ").append(counts.getOrDefault(Severity.HIGH, 0))
                .append(" | ").append(counts.getOrDefault(Severity.MEDIUM, 0))
                .append(" | ").append(counts.getOrDefault(Severity.LOW, 0))
                .append(" | ").append(counts.getOrDefault(Severity.INFO, 0))
                .append(" | ").append(suppressed).append(" |\n\n");
        b.append(TextReport.scope(a)).append("\n\n");
        checklist(a.checklist(), b);
        ReconciliationReport.markdown(a, b);
        findings(a, settings, b);
        return b.toString();
    }

    /** Decided items in a table; the items that need evidence (mostly manual) folded away. */
    private static void checklist(Assessment assessment, StringBuilder b) {
        Map<Verdict, Integer> c = assessment.counts();
        b.append("### Checklist").append(assessment.category() == null ? ""
                : " (" + assessment.category().label() + ")").append("\n\n");
        b.append(c.get(Verdict.NOT_MET)).append(" not met · ").append(c.get(Verdict.MET)).append(" met · ")
                .append(c.get(Verdict.NEEDS_EVIDENCE)).append(" need evidence · ")
                .append(c.get(Verdict.NOT_APPLICABLE)).append(" not applicable\n\n");
        List<ItemAssessment> decided = new ArrayList<>();
        List<ItemAssessment> met = new ArrayList<>();
        List<ItemAssessment> open = new ArrayList<>();
        for (ItemAssessment i : assessment.items()) {
            switch (i.verdict()) {
                case NOT_MET -> decided.add(i);
                case MET -> met.add(i);
                case NEEDS_EVIDENCE -> open.add(i);
                case NOT_APPLICABLE -> {
                }
            }
        }
        decided.addAll(met); // Not met first, in checklist order
        if (!decided.isEmpty()) {
            b.append("| item | verdict | title | why |\n|---|---|---|---|\n");
            for (ItemAssessment i : decided) {
                b.append("| ").append(i.item().id()).append(" | ")
                        .append(i.verdict() == Verdict.NOT_MET ? "❌ " : "✅ ").append(i.verdict().label())
                        .append(" | ").append(cell(i.item().title())).append(" | ").append(cell(i.reason())).append(" |\n");
            }
            b.append('\n');
        }
        if (!open.isEmpty()) {
            b.append("<details><summary>").append(open.size()).append(open.size() == 1 ? " item needs" : " items need")
                    .append(" evidence the files cannot give</summary>\n\n");
            b.append("| item | title | why |\n|---|---|---|\n");
            for (ItemAssessment i : open) {
                b.append("| ").append(i.item().id()).append(" | ").append(cell(i.item().title())).append(" | ")
                        .append(cell(i.reason())).append(" |\n");
            }
            b.append("\n</details>\n\n");
        }
    }

    private static String headline(Map<Severity, Integer> counts) {
        int failing = 0;
        for (Severity s : Severity.values()) {
            if (s != Severity.INFO) {
                failing += counts.getOrDefault(s, 0);
            }
        }
        if (failing == 0) {
            return "no findings";
        }
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i > 0; i--) {
            Severity s = Severity.values()[i];
            int n = counts.getOrDefault(s, 0);
            if (n > 0) {
                parts.add(n + " " + s.label());
            }
        }
        return failing + (failing == 1 ? " finding" : " findings") + " (" + String.join(", ", parts) + ")";
    }

    private static void findings(Analysis a, ReportSettings settings, StringBuilder b) {
        List<Finding> shown = a.findings().stream()
                .filter(f -> !f.isSuppressed() && f.severity() != Severity.INFO)
                .sorted(Comparator.comparing(Finding::severity).reversed())
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        b.append("### Top findings\n\n");
        b.append("| severity | rule | where | message |\n|---|---|---|---|\n");
        for (Finding f : shown.subList(0, Math.min(TOP, shown.size()))) {
            b.append("| ").append(f.severity().label())
                    .append(" | [").append(f.ruleId()).append("](").append(settings.helpUri(f.ruleId())).append(")")
                    .append(" | ").append(link(f, settings))
                    .append(" | ").append(cell(f.message())).append(" |\n");
        }
        if (shown.size() > TOP) {
            b.append("\n…and ").append(shown.size() - TOP).append(" more (see the SARIF or HTML report).\n");
        }
        b.append('\n');
    }

    private static String link(Finding f, ReportSettings settings) {
        String path = settings.repoPath(f.location().file());
        String text = cell(path + (f.location().hasLine() ? ":" + f.location().startLine() : ""));
        String target = settings.linkBase() + path + (f.location().hasLine() ? "#L" + f.location().startLine() : "");
        return "[" + text + "](" + target.replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")";
    }

    /** Table cells: pipes and line breaks would end the cell; angle brackets would open HTML. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }
}
