package io.atolint.architecture;

import io.atolint.architecture.ClassDependencies.Edge;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package graph of both modules, read from the compiled classes, keeps the layering of
 * docs/architecture.md and has no cycle; and the rules that say so can fail.
 */
class ArchitectureTest {

    private static List<Edge> compiled() throws Exception {
        return ClassDependencies.read(List.of(ClassDependencies.rootOf(Check.class), ClassDependencies.rootOf(Value.class)),
                ArchitectureRules.ROOT + ".");
    }

    @Test
    void thePackageGraphReadsTopDown() throws Exception {
        List<Edge> edges = compiled();
        List<String> violations = ArchitectureRules.violations(edges);
        assertTrue(violations.isEmpty(), String.join("\n", violations) + "\n\npackage graph:\n"
                + ArchitectureRules.describe(edges));
    }

    @Test
    void theClassFilesAreReallyRead() throws Exception {
        List<Edge> edges = compiled();
        Set<String> packages = ArchitectureRules.packageGraph(edges).keySet();
        assertTrue(packages.containsAll(Set.of("io.atolint.cli", "io.atolint.model", "io.atolint.parse.terraform",
                "io.atolint.checks.ha", "io.atolint.report")), packages.toString());
        // an import, a method descriptor and an annotation type are each seen
        assertTrue(edges.contains(new Edge("io.atolint.cli.Main", "io.atolint.cli.Preload")), "Main calls Preload.start()");
        Set<String> fromCheck = edges.stream().filter(e -> e.from().equals("io.atolint.checks.ha.LoadBalancerAzSpread"))
                .map(Edge::to).collect(Collectors.toSet());
        assertTrue(fromCheck.containsAll(Set.of("io.atolint.rule.Rule", "io.atolint.rule.RuleContext",
                "io.atolint.model.Resource")), fromCheck.toString());
    }

    /** Each package directly under io.atolint, in both modules, has a package-info.java saying what lives there. */
    @Test
    void everyTopPackageSaysWhatLivesThere() throws Exception {
        List<String> missing = new java.util.ArrayList<>();
        int seen = 0;
        for (String module : List.of("parsers", "analyzer")) {
            Path root = Repo.path(module + "/src/main/java/io/atolint");
            try (var dirs = Files.list(root)) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    seen++;
                    Path info = d.resolve("package-info.java");
                    String text = Files.exists(info) ? Files.readString(info) : "";
                    if (!text.matches("(?s)/\\*\\*\\s*\\n\\s*\\*\\s*\\S.*\\*/\\s*package io\\.atolint\\.[\\w.]+;\\s*")) {
                        missing.add(module + ": " + root.relativize(d) + (text.isEmpty() ? " has no package-info.java"
                                : "/package-info.java has no doc comment before the package line"));
                    }
                }
            }
        }
        assertTrue(seen >= 15, "top packages found: " + seen);
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    // ------------------------------------------------------------ the rules can fail

    private static Edge edge(String from, String to) {
        return new Edge("io.atolint." + from, "io.atolint." + to);
    }

    @Test
    void aLayeredGraphPasses() {
        assertEquals(List.of(), ArchitectureRules.violations(List.of(
                edge("cli.Cli", "checks.Rules"),
                edge("checks.Rules", "checks.ha.Spread"),
                edge("checks.ha.Spread", "topology.Topology"),
                edge("checks.ha.Spread", "rule.RuleContext"),
                edge("report.Sarif", "checks.RuleCatalog"),
                edge("checks.RuleCatalog", "parse.ParseFindings"),
                edge("topology.Topology", "model.Resource"),
                edge("parse.terraform.Reader", "model.Value"))));
    }

    @Test
    void aRuleImportingAParserFails() {
        List<String> v = ArchitectureRules.violations(List.of(edge("checks.cred.Secrets", "parse.ParseOptions")));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("a rule imports a parser") && v.get(0).endsWith(
                "io.atolint.checks.cred.Secrets -> io.atolint.parse.ParseOptions"), v.get(0));
    }

    @Test
    void aReportImportingACheckFails() {
        List<String> v = ArchitectureRules.violations(List.of(edge("report.html.View", "checks.support.Setting")));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("a report imports a check"), v.get(0));
    }

    @Test
    void topologyImportingARuleFails() {
        List<String> v = ArchitectureRules.violations(List.of(edge("topology.Exposure", "rule.RuleContext"),
                edge("topology.Exposure", "checks.ha.Spread")));
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.stream().allMatch(s -> s.startsWith("topology imports the rules")), v.toString());
    }

    @Test
    void theRuleApiImportingACheckFails() {
        List<String> v = ArchitectureRules.violations(List.of(edge("rule.RuleCatalog", "checks.Rules")));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("the rule API imports a check"), v.get(0));
    }

    @Test
    void theParsersImportingTheAnalyzerFails() {
        List<String> v = ArchitectureRules.violations(List.of(edge("parse.Scanner", "graph.ResourceGraph")));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("the parsers module imports the analyzer"), v.get(0));
    }

    @Test
    void aPackageCycleFailsWithTheEdgesThatMakeIt() {
        // rule -> checks.ha -> topology -> rule, and report on the side, outside the cycle
        List<String> v = ArchitectureRules.cycles(List.of(
                edge("rule.Rules", "checks.ha.Spread"),
                edge("checks.ha.Spread", "topology.Topology"),
                edge("topology.Topology", "rule.Names"),
                edge("report.Text", "rule.Rules")));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("package cycle of 3 packages [io.atolint.checks.ha, io.atolint.rule, io.atolint.topology]"),
                v.get(0));
        assertTrue(v.get(0).contains("io.atolint.checks.ha.Spread -> io.atolint.topology.Topology; "
                + "io.atolint.topology.Topology -> io.atolint.rule.Names; io.atolint.rule.Rules -> io.atolint.checks.ha.Spread"),
                v.get(0));
        assertEquals(List.of(), ArchitectureRules.cycles(List.of(edge("a.X", "b.Y"), edge("b.Y", "c.Z"))));
        assertEquals(1, ArchitectureRules.cycles(List.of(edge("a.X", "b.Y"), edge("b.Z", "a.W"))).size(),
                "two classes of each package make a cycle too");
    }
}
