package io.atolint.topology;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.report.SimulationReport;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.checks.Rules;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** One definition of a public subnet: IaC routes to an internet gateway, a drawing's label, else UNKNOWN. */
    @Test
    void publicSubnetsFromRoutesAndFromDrawings() {
        Analysis iac = analyze(List.of());
        Map<String, Tri> demo = new TreeMap<>();
        for (Resource s : iac.graph().resources(Kind.SUBNET)) {
            demo.put(s.name(), iac.facts().exposure().publicSubnet(s));
        }
        assertEquals(Map.of("AppSubnetA", Tri.FALSE, "AppSubnetB", Tri.FALSE, "DataSubnetA", Tri.FALSE,
                "DataSubnetB", Tri.FALSE, "PublicSubnetA", Tri.TRUE, "PublicSubnetB", Tri.TRUE), demo);

        String dir = "fixtures/rules/DIAG003/vpc-az-subnets-users";
        Analysis drawn = new Analyzer(List.of()).analyze(List.of(new FileSystemSourceTree(Repo.path(dir), dir,
                Limits.defaults())), ParseOptions.defaults());
        Map<String, Tri> byLabel = new TreeMap<>();
        for (Resource s : drawn.graph().resources(Kind.SUBNET)) {
            byLabel.put(s.meta("label").orElse(""), drawn.facts().exposure().publicSubnet(s));
        }
        assertEquals(Tri.TRUE, byLabel.entrySet().stream().filter(e -> e.getKey().startsWith("Public")).findFirst()
                .orElseThrow().getValue(), byLabel.toString());
        assertEquals(Tri.FALSE, byLabel.entrySet().stream().filter(e -> e.getKey().startsWith("Private")).findFirst()
                .orElseThrow().getValue(), byLabel.toString());
    }

    @Test
    void aGraphThatNeedsNoTopologyNeverBuildsIt() {
        Analysis a = analyze(List.of());
        assertEquals(0, a.facts().topologyBuilds(), "the graph command runs no check and asks for no fact");
    }
}
