package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.testing.FixtureCase;
import io.atolint.testing.Repo;
import io.atolint.testing.SarifSchema;
import io.atolint.rule.Check;
import io.atolint.checks.Rules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SARIF of every fixture case (every rule, compliant and not, every input format, broken files)
 * and of the CLI fixtures is valid against the official SARIF 2.1.0 schema; and the validator does
 * reject what the schema forbids, so the check can fail.
 */
class SarifSchemaTest {

    @TestFactory
    List<DynamicTest> everyFixtureCaseGivesValidSarif() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Check c : Rules.all()) {
            for (FixtureCase fc : FixtureCase.of(c.meta().id())) {
                tests.add(DynamicTest.dynamicTest(fc.display(), () -> {
                    Analysis a = Analyzer.standard().analyze(List.of(fc.tree()), fc.parseOptions());
                    SarifSchema.assertValid(sarif(a), fc.display());
                }));
            }
        }
        for (String dir : List.of("fixtures/cli/mixed", "fixtures/demo/cdk-three-tier", "fixtures/demo/three-tier")) {
            tests.add(DynamicTest.dynamicTest(dir, () -> {
                Analysis a = Analyzer.standard().analyze(List.of(new FileSystemSourceTree(Repo.path(dir), dir,
                        Limits.defaults())), io.atolint.parse.ParseOptions.defaults());
                SarifSchema.assertValid(sarif(a), dir);
            }));
        }
        return tests;
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        String zeroLine = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
                  {"message": {"text": "m"}, "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "a.yaml"}, "region": {"startLine": 0}}}]}]}]}""";
        assertFalse(SarifSchema.errors(zeroLine).isEmpty(), "startLine 0 must be rejected (lines are 1-based)");
        String badLevel = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
                  {"level": "fatal", "message": {"text": "m"}}]}]}""";
        assertFalse(SarifSchema.errors(badLevel).isEmpty(), "an unknown level must be rejected");
        String badUri = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "not a uri"}}}]}""";
        assertFalse(SarifSchema.errors(badUri).isEmpty(), "format assertions are on: a malformed URI is rejected");
        String minimal = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}""";
        assertTrue(SarifSchema.errors(minimal).isEmpty(), SarifSchema.errors(minimal).toString());
    }

    @Test
    void fileNamesBecomeValidUriReferences() {
        assertTrue(SarifReport.uri("dir with space/t.yaml").equals("dir%20with%20space/t.yaml"));
        assertTrue(SarifReport.uri("./a/b.yaml").equals("a/b.yaml"));
        assertTrue(SarifReport.uri("/abs/p.yaml").equals("file:///abs/p.yaml"));
        assertTrue(SarifReport.uri("c:weird/t.yaml").startsWith("./"));
    }

    static String sarif(Analysis a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SarifReport.write(a, ReportSettings.defaults(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
