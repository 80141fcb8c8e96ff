package io.atolint.cli;

import io.atolint.parse.ParseOptions;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.testing.Golden;
import io.atolint.testing.SarifSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every report format on the three-tier demo, scanned with {@code --region us-east-1} from the
 * repository root, equals its golden file; the SARIF golden is also valid against the 2.1.0 schema.
 */
class ReportGoldenTest {
    static final String THREE_TIER = "fixtures/demo/three-tier";

    @TestFactory
    List<DynamicTest> threeTierReports() {
        ScanJob.Result r = TestScan.scan(THREE_TIER, ParseOptions.defaults().withRegion("us-east-1"));
        List<DynamicTest> tests = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            tests.add(DynamicTest.dynamicTest(f.label(), () -> {
                String report = TestScan.report(f, r, ReportSettings.defaults());
                if (f == ReportFormat.SARIF) {
                    SarifSchema.assertValid(report, "the three-tier SARIF report");
                }
                Golden.assertMatches("three-tier." + f.label(), report);
            }));
        }
        return tests;
    }
}
