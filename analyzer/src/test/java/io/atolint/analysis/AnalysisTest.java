package io.atolint.analysis;

import io.atolint.checklist.Assessment;
import io.atolint.checklist.Category;
import io.atolint.checklist.ChecklistEvaluator;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.rule.SourceText;
import io.atolint.triage.Triage;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The checklist is evaluated once per scan, on the final findings, and every report reads that assessment. */
class AnalysisTest {

    @Test
    void theChecklistIsEvaluatedOnceAndEveryReportReadsIt() throws IOException {
        String dir = "fixtures/demo/three-tier";
        SourceTree tree = new FileSystemSourceTree(Repo.path(dir), dir, Limits.defaults());
        // The scan job's steps: analyse, judge for a category, triage; then every report of the scan.
        Analysis analysed = Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1"));
        Analysis judged = analysed.forCategory(Category.MANAGED_SERVICE);
        Analysis triaged = Triage.apply(judged, new SourceText(List.of(tree)), Triage.Settings.none());
        for (ReportFormat format : ReportFormat.values()) {
            format.write(triaged, ReportSettings.defaults(), new ByteArrayOutputStream(), false);
        }

        assertEquals(1, triaged.checklistEvaluations(), "JUnit, Markdown and HTML share one assessment");
        assertEquals(0, analysed.checklistEvaluations(), "intermediate analyses are never assessed");
        assertEquals(0, judged.checklistEvaluations());
        Assessment a = triaged.checklist();
        assertSame(a, triaged.checklist());
        assertEquals(Category.MANAGED_SERVICE, a.category(), "judged for the scan's category");
        assertEquals(ChecklistEvaluator.standard().evaluate(triaged.findings(), triaged.runs(), Category.MANAGED_SERVICE)
                .counts(), a.counts());
        assertSame(analysed.facts(), triaged.facts(), "triage keeps the facts");
    }
}
