package io.atolint.analysis;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.parse.Parallel;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.parse.formats.Formats;
import io.atolint.parse.SourceTree;
import io.atolint.reconcile.Pair;
import io.atolint.reconcile.Reconciler;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.Check;
import io.atolint.rule.RuleContext;
import io.atolint.rule.SourceText;
import io.atolint.rule.RuleRun;
import io.atolint.checks.Rules;
import io.atolint.topology.Facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parse, build the graph and its facts (once), run the checks, order the findings. */
public final class Analyzer {
    /** Deterministic order: file, position, rule, message. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().startLine())
            .thenComparingInt(f -> f.location().startColumn())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private final List<Check> checks;
    private final List<Pair> pairs;

    public Analyzer(List<Check> checks) {
        this(checks, List.of());
    }

    private Analyzer(List<Check> checks, List<Pair> pairs) {
        this.checks = List.copyOf(checks);
        this.pairs = List.copyOf(pairs);
    }

    /** The same analyzer, also comparing each diagram with the IaC it should show. */
    public Analyzer withPairs(List<Pair> diagramIacPairs) {
        return new Analyzer(checks, diagramIacPairs);
    }

    /** Every rule that runs without configuration (opt-in rules are left out). */
    public static Analyzer standard() {
        return new Analyzer(Rules.all().stream().filter(c -> !c.meta().optIn()).toList());
    }

    /** Scans several trees (the paths given on the command line) as one analysis. */
    public Analysis analyze(List<SourceTree> trees, ParseOptions options) {
        return analyze(trees, options, new SourceText(trees));
    }

    /**
     * Scans {@code sources.trees()} as one analysis; the checks read the files' text from {@code sources},
     * which learns it while the scan reads them (nothing is read twice).
     */
    public Analysis analyze(SourceText sources, ParseOptions options) {
        return analyze(sources.trees(), options, sources);
    }

    /** What one check found, and its run. */
    private record Outcome(List<Finding> findings, RuleRun run) {
    }

    private static Outcome check(Check c, Facts facts, ParseOptions options, SourceText sources,
                                 List<Reconciliation> reconciliations, ScanResult scan) {
        RuleContext ctx = new RuleContext(c.meta(), facts, options, sources).withReconciliations(reconciliations);
        try {
            c.check(ctx);
            return new Outcome(ctx.findings(), ctx.run(null));
        } catch (RuntimeException | StackOverflowError e) {
            // A defect in one check must not hide the others' findings; it is reported, not thrown.
            List<Finding> found = new ArrayList<>(ctx.findings());
            RuleRun run = ctx.run(e.toString());
            found.add(new Finding(c.meta().id(), Severity.INFO, "internal error in rule " + c.meta().id()
                    + ": " + e, SourceLocation.ofFile(scan.models().isEmpty() ? "" : scan.models().get(0).unit())));
            return new Outcome(found, run);
        }
    }

    private Analysis analyze(List<SourceTree> trees, ParseOptions options, SourceText sources) {
        List<Model> models = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        io.atolint.parse.ScanBudget budget = new io.atolint.parse.ScanBudget(options.limits());
        for (SourceTree t : trees) {
            ScanResult r = Formats.scanner().scan(t, options, budget);
            models.addAll(r.models());
            findings.addAll(r.findings());
            skipped.putAll(r.skipped());
            inputs.addAll(r.inputs());
        }
        // The same files give the same report, whatever order they were listed or read in.
        models.sort(Comparator.comparing(Model::unit));
        inputs.sort(null);
        Map<String, String> sortedSkipped = new TreeMap<>(skipped);
        ScanResult scan = new ScanResult(models, findings, sortedSkipped, inputs);
        return run(scan, options, sources);
    }

    /** Runs the checks on what a scan read. */
    public Analysis run(ScanResult scan, ParseOptions options) {
        return run(scan, options, SourceText.NONE);
    }

    /** Runs the checks on what a scan read; {@code sources} gives checks the text of the files. */
    public Analysis run(ScanResult scan, ParseOptions options, SourceText sources) {
        ResourceGraph graph = ResourceGraph.of(scan.models());
        Facts facts = new Facts(graph);
        List<Finding> findings = new ArrayList<>(scan.findings());
        java.util.Map<String, RuleRun> runs = new java.util.LinkedHashMap<>();
        for (Model m : scan.models()) {
            findings.addAll(m.findings());
        }
        List<Reconciliation> reconciled = List.of();
        try {
            reconciled = new Reconciler(facts, options.regionOpt().orElse(null)).reconcile(pairs);
        } catch (RuntimeException | StackOverflowError e) {
            // a defect in the comparison must not hide the rules' findings; it is reported, not thrown
            findings.add(new Finding("RECON001", Severity.INFO, "internal error while comparing diagrams with IaC: " + e,
                    SourceLocation.ofFile(pairs.get(0).diagram())));
        }
        List<Reconciliation> reconciliations = reconciled;
        // Checks run on every core, each with its own context; their findings and runs are added in the
        // checks' order, so the report is the same whatever the threads' timing.
        List<Outcome> outcomes = Parallel.map(checks, c -> check(c, facts, options, sources, reconciliations, scan));
        for (int i = 0; i < checks.size(); i++) {
            findings.addAll(outcomes.get(i).findings());
            runs.put(checks.get(i).meta().id(), outcomes.get(i).run());
        }
        findings.sort(ORDER);
        return new Analysis(scan, graph, findings, options, runs, facts, null, reconciliations);
    }
}
