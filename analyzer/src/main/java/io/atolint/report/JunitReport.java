package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.ItemAssessment;
import io.atolint.checklist.Verdict;
import io.atolint.model.Finding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-assessment as JUnit XML, so that CI dashboards show it like a test run: one test case per
 * checklist item, one suite per checklist section. Not met is a failure (its findings in the body), Not
 * applicable and Needs evidence are skipped with the reason, Met passes (what was examined in
 * {@code system-out}). No timestamps or durations, so the same scan gives the same bytes.
 */
public final class JunitReport {
    private JunitReport() {
    }

    public static void write(Analysis a, ReportSettings settings, OutputStream out) throws IOException {
        Assessment assessment = a.checklist();
        out.write(render(assessment).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(Assessment assessment) {
        Map<String, List<ItemAssessment>> bySection = new LinkedHashMap<>();
        for (ItemAssessment i : assessment.items()) {
            bySection.computeIfAbsent(i.item().section(), k -> new ArrayList<>()).add(i);
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"atolint: ATO on AWS Partner Validation Checklist")
                .append(assessment.category() == null ? "" : escape(" (" + assessment.category().label() + ")")).append('"')
                .append(counts(assessment.items())).append(">\n");
        for (Map.Entry<String, List<ItemAssessment>> e : bySection.entrySet()) {
            b.append("  <testsuite name=\"").append(escape(e.getKey())).append('"').append(counts(e.getValue())).append(">\n");
            for (ItemAssessment i : e.getValue()) {
                testCase(b, i);
            }
            b.append("  </testsuite>\n");
        }
        b.append("</testsuites>\n");
        return b.toString();
    }

    private static String counts(List<ItemAssessment> items) {
        long failures = items.stream().filter(i -> i.verdict() == Verdict.NOT_MET).count();
        long skipped = items.stream().filter(i -> i.verdict() == Verdict.NEEDS_EVIDENCE
                || i.verdict() == Verdict.NOT_APPLICABLE).count();
        return " tests=\"" + items.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\"";
    }

    private static void testCase(StringBuilder b, ItemAssessment i) {
        b.append("    <testcase classname=\"").append(escape(classname(i.item().section()))).append("\" name=\"")
                .append(escape(i.item().id() + " " + i.item().title())).append("\">\n");
        switch (i.verdict()) {
            case NOT_MET -> {
                b.append("      <failure type=\"not-met\" message=\"").append(escape(i.reason())).append("\">");
                StringBuilder body = new StringBuilder();
                for (Finding f : i.failures()) {
                    body.append(f.location().display()).append(' ').append(f.severity().name()).append(' ')
                            .append(f.ruleId()).append(' ').append(f.message()).append('\n');
                }
                b.append(escape(body.toString())).append("</failure>\n");
            }
            case NEEDS_EVIDENCE -> b.append("      <skipped message=\"")
                    .append(escape("Needs evidence: " + i.reason())).append("\"/>\n");
            case NOT_APPLICABLE -> b.append("      <skipped message=\"")
                    .append(escape("Not applicable: " + i.reason())).append("\"/>\n");
            case MET -> b.append("      <system-out>").append(escape("Met: " + i.reason())).append("</system-out>\n");
        }
        b.append("    </testcase>\n");
    }

    /** {@code Technical validation / 3.0 Reliability} becomes {@code checklist.technical-validation.3-0-reliability}. */
    static String classname(String section) {
        StringBuilder out = new StringBuilder("checklist");
        for (String part : section.split("/")) {
            String slug = part.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            if (!slug.isEmpty()) {
                out.append('.').append(slug);
            }
        }
        return out.toString();
    }

    /** XML 1.0 text and attribute escaping; characters XML cannot carry at all are dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
