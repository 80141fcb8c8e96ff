package io.atolint.cli;

import io.atolint.parse.ParseOptions;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.testing.Golden;
import io.atolint.testing.SarifSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.checks.RuleCatalog;
import io.atolint.rule.RuleInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every report format on the three-tier demo, scanned with {@code --region us-east-1} from the
 * repository root, equals its golden file; the SARIF golden is also valid against the 2.1.0 schema.
 */
class ReportGoldenTest {
    static final String THREE_TIER = "fixtures/demo/three-tier";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> threeTierReports() {
        ScanJob.Result r = TestScan.scan(THREE_TIER, ParseOptions.defaults().withRegion("us-east-1"));
        List<DynamicTest> tests = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            tests.add(DynamicTest.dynamicTest(f.label(), () -> {
                String report = TestScan.report(f, r, ReportSettings.defaults());
                if (f == ReportFormat.SARIF) {
                    SarifSchema.assertValid(report, "the three-tier SARIF report");
                    assertRuleIndexesPointAtTheirRules(report);
                    report = onlyRulesWithResults(report);
                }
                Golden.assertMatches("three-tier." + f.label(), report);
            }));
        }
        return tests;
    }

    @Test
    void theSarifDriverListsTheWholeCatalog() throws IOException {
        ScanJob.Result r = TestScan.scan(THREE_TIER, ParseOptions.defaults());
        JsonNode rules = JSON.readTree(TestScan.report(ReportFormat.SARIF, r, ReportSettings.defaults()))
                .at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(n -> ids.add(n.get("id").asText()));
        assertEquals(RuleCatalog.all().stream().map(RuleInfo::id).toList(), ids);
    }

    private static void assertRuleIndexesPointAtTheirRules(String sarif) throws IOException {
        JsonNode run = JSON.readTree(sarif).at("/runs/0");
        for (JsonNode res : run.get("results")) {
            assertEquals(res.get("ruleId").asText(),
                    run.at("/tool/driver/rules/" + res.get("ruleIndex").asInt() + "/id").asText());
        }
    }

    /**
     * The golden keeps the rules that results refer to (re-indexed): the catalog grows with every rule
     * another engineer adds, which is not a change of this report ({@link #theSarifDriverListsTheWholeCatalog}).
     */
    private static String onlyRulesWithResults(String sarif) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(sarif);
        ObjectNode run = (ObjectNode) root.at("/runs/0");
        ArrayNode rules = (ArrayNode) run.at("/tool/driver/rules");
        Map<String, Integer> kept = new LinkedHashMap<>();
        ArrayNode filtered = JSON.createArrayNode();
        for (JsonNode res : run.get("results")) {
            String id = res.get("ruleId").asText();
            if (!kept.containsKey(id)) {
                kept.put(id, filtered.size());
                filtered.add(rules.get(res.get("ruleIndex").asInt()));
            }
            ((ObjectNode) res).put("ruleIndex", kept.get(id));
        }
        ((ObjectNode) run.at("/tool/driver")).set("rules", filtered);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
