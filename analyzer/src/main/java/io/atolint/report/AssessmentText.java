package io.atolint.report;

import io.atolint.report.escape.Escape;
import io.atolint.analysis.Analysis;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.EvidenceGap;
import io.atolint.checklist.ItemAssessment;
import io.atolint.checklist.Verdict;
import io.atolint.model.Finding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The self-assessment as a text table: every item with its verdict and why, then the findings behind it:
 * {@code -} a finding (Not met), {@code ?} a "cannot prove" note, {@code i} an informational fact about a
 * resource that passes; then a summary line.
 */
public final class AssessmentText {
    private static final String INDENT = "                          ";

    private AssessmentText() {
    }

    public static void write(Assessment a, Analysis analysis, PrintStream out) {
        out.println("ATO on AWS Partner Validation Checklist - self-assessment"
                + (a.category() == null ? " (no solution category chosen: every item applies)"
                : " for a " + a.category().label() + " solution"));
        int files = analysis.scan().inputs().size();
        int models = analysis.graph().models().size();
        int resources = analysis.graph().resources().size();
        out.println("scanned " + files + (files == 1 ? " file, " : " files, ") + models + (models == 1 ? " model, " : " models, ")
                + resources + (resources == 1 ? " resource" : " resources"));
        if (!a.inputProblems().isEmpty()) {
            out.println("warning: " + a.inputProblems().size() + " input problem(s) (PARSE001/PARSE002): the verdicts do not cover what those files hold");
        }
        out.println();
        out.printf("%-9s %-15s %s%n", "ITEM", "VERDICT", "TITLE");
        for (ItemAssessment i : a.items()) {
            out.println(Escape.line(String.format("%-9s %-15s %s", i.item().id(), i.verdict().label(), i.item().title())));
            out.println(Escape.line(INDENT + Escape.text(i.reason())));
            for (Finding f : i.failures()) {
                out.println(Escape.line(INDENT + "- " + line(f)));
            }
            for (Finding f : i.undecided()) {
                out.println(Escape.line(INDENT + "? " + line(f)));
            }
            for (Finding f : i.informational()) {
                out.println(Escape.line(INDENT + "i " + line(f)));
            }
        }
        out.println();
        out.println(summary(a));
    }

    private static String line(Finding f) {
        return Escape.text(f.location().display()) + " " + f.severity().name() + " " + f.ruleId() + " "
                + Escape.text(f.message());
    }

    public static String summary(Assessment a) {
        Map<Verdict, Integer> c = a.counts();
        List<String> gaps = new ArrayList<>();
        a.gaps().forEach((EvidenceGap g, Integer n) -> gaps.add(n + " " + g.label()));
        return a.items().size() + " items: " + c.get(Verdict.MET) + " met, " + c.get(Verdict.NOT_MET) + " not met, "
                + c.get(Verdict.NEEDS_EVIDENCE) + " need evidence" + (gaps.isEmpty() ? "" : " (" + String.join(", ", gaps) + ")")
                + ", " + c.get(Verdict.NOT_APPLICABLE) + " not applicable";
    }
}
