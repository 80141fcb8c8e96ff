package io.atolint.topology;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.report.SimulationReport;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.rule.Rules;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One Facts object per analysis: every rule and every report reads the same, derived once. */
class FactsTest {

    /** Records what a rule sees of the facts. */
    @Rule(id = "PROBE001", title = "records the facts it sees", severity = Severity.INFO)
    static final class Probe implements Check {
        Facts facts;
        Topology topology;

        @Override
        public void check(RuleContext ctx) {
            facts = ctx.facts();
            topology = ctx.facts().topology();
        }
    }

    private static Analysis analyze(List<Check> checks) {
        String dir = "fixtures/demo/three-tier";
        return new Analyzer(checks).analyze(List.of(new FileSystemSourceTree(Repo.path(dir), dir, Limits.defaults())),
                ParseOptions.defaults().withRegion("us-east-1"));
    }

    @Test
    void everyRuleAndEveryReportSeeTheSameFactsAndTheTopologyIsBuiltOnce() throws IOException {
        Probe first = new Probe();
        Probe last = new Probe();
        List<Check> checks = new ArrayList<>();
        checks.add(first);
        checks.addAll(Rules.all());
        checks.add(last);
        Analysis a = analyze(checks);

        Facts facts = a.facts();
        assertSame(facts, first.facts, "the rule that runs first");
        assertSame(facts, last.facts, "the rule that runs last");
        assertSame(first.topology, last.topology);
        assertSame(facts.topology(), first.topology);
        assertTrue(a.findings().stream().noneMatch(f -> f.message().startsWith("internal error")), "no rule failed");

        for (ReportFormat format : ReportFormat.values()) {
            format.write(a, ReportSettings.defaults(), new ByteArrayOutputStream(), false);
        }
        SimulationReport.json(a, new ByteArrayOutputStream());
        SimulationReport.text(a, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        SimulationReport.worst(a);

        assertEquals(1, facts.topologyBuilds(), "every topology rule and report read it; it was built once");
        ModelTopology t = facts.topology().models().get(0);
        assertSame(facts.simulation(t), facts.simulation(t), "the AZ-failure simulation is run once per model");
    }

    @Test
    void filteringOrSuppressingFindingsKeepsTheFacts() {
        Analysis a = analyze(List.of());
        Analysis filtered = a.withFindings(List.of());
        assertSame(a.facts(), filtered.facts());
        assertSame(a.graph(), a.facts().graph());
    }

    @Test
    void aGraphThatNeedsNoTopologyNeverBuildsIt() {
        Analysis a = analyze(List.of());
        assertEquals(0, a.facts().topologyBuilds(), "the graph command runs no check and asks for no fact");
    }
}
