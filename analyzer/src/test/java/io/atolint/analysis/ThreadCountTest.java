package io.atolint.analysis;

import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topologies are built and checks run on several threads: the report of several models is the same
 * byte for byte whether one thread or several did the work.
 */
class ThreadCountTest {

    @Test
    void theReportDoesNotDependOnTheNumberOfThreads() throws IOException {
        String one = report("1");
        assertTrue(one.contains("\"ruleId\""), "the demo scan has findings to order");
        assertEquals(one, report("4"));
        assertEquals(one, report("3"));
    }

    private static String report(String threads) throws IOException {
        String before = System.getProperty("atolint.threads");
        System.setProperty("atolint.threads", threads);
        try {
            String dir = "fixtures/demo";
            SourceTree tree = new FileSystemSourceTree(Repo.path(dir), dir, Limits.defaults());
            Analysis a = Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportFormat.JSON.write(a, ReportSettings.defaults(), out, false);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            if (before == null) {
                System.clearProperty("atolint.threads");
            } else {
                System.setProperty("atolint.threads", before);
            }
        }
    }
}
