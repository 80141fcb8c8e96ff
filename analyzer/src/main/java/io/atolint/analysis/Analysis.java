package io.atolint.analysis;

import io.atolint.checklist.Assessment;
import io.atolint.checklist.Category;
import io.atolint.checklist.Checklist;
import io.atolint.checklist.ChecklistEvaluator;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.RuleRun;
import io.atolint.topology.Facts;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scan: what was read, the graph, every finding in a deterministic order, what each
 * rule examined ({@code runs}, by rule id), the facts derived from the graph (which the rules read and the
 * reports read again rather than deriving them twice), and the checklist self-assessment for the solution
 * category the scan is judged as, and the comparison of each configured diagram/IaC pair.
 *
 * <p>The assessment depends on the final findings (after suppressions and the baseline), so it is evaluated
 * the first time a report asks for it and then shared by every report of the scan: the scan job hands all
 * its reports one analysis. The intermediate analyses of the scan job are never assessed.
 */
public final class Analysis {
    private final ScanResult scan;
    private final ResourceGraph graph;
    private final List<Finding> findings;
    private final ParseOptions options;
    private final Map<String, RuleRun> runs;
    private final Facts facts;
    private final Category category;
    private final List<Reconciliation> reconciliations;
    private Assessment checklist;
    private int checklistEvaluations;

    public Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options,
                    Map<String, RuleRun> runs, Facts facts, Category category) {
        this(scan, graph, findings, options, runs, facts, category, List.of());
    }

    public Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options,
                    Map<String, RuleRun> runs, Facts facts, Category category, List<Reconciliation> reconciliations) {
        this.reconciliations = List.copyOf(reconciliations);
        this.scan = scan;
        this.graph = graph;
        this.findings = List.copyOf(findings);
        this.options = options;
        this.runs = Map.copyOf(runs);
        this.facts = facts;
        this.category = category;
    }

    public ScanResult scan() {
        return scan;
    }

    public ResourceGraph graph() {
        return graph;
    }

    public List<Finding> findings() {
        return findings;
    }

    public ParseOptions options() {
        return options;
    }

    public Map<String, RuleRun> runs() {
        return runs;
    }

    public Facts facts() {
        return facts;
    }

    /** Each configured diagram/IaC pair compared (empty when none is configured). */
    public List<Reconciliation> reconciliations() {
        return reconciliations;
    }

    /** The solution category the checklist is judged for (null: every item applies). */
    public Category category() {
        return category;
    }

    /** The checklist self-assessment of these findings for {@link #category()}, evaluated once. */
    public synchronized Assessment checklist() {
        if (checklist == null) {
            checklistEvaluations++;
            checklist = ChecklistEvaluator.standard().evaluate(findings, runs, category);
        }
        return checklist;
    }

    /** How many times this analysis evaluated the checklist (0 or 1): the test hook for "once per scan". */
    synchronized int checklistEvaluations() {
        return checklistEvaluations;
    }

    /** The same analysis with other findings (filtered, suppressed), keeping what the rules examined and the facts. */
    public Analysis withFindings(List<Finding> other) {
        return new Analysis(scan, graph, other, options, runs, facts, category, reconciliations);
    }

    /**
     * The analysis judged for a solution category ({@code scan --category}): the checklist is assessed for
     * it, and findings of rules that only evidence items the category is exempt from are dropped; parse
     * diagnostics always stay. A null category judges every item and drops nothing.
     */
    public Analysis forCategory(Category c) {
        // without a category nothing is dropped: the checklist is not read for a scan that does not report it
        List<Finding> kept = c == null ? findings : Checklist.standard().applicable(findings, c);
        return new Analysis(scan, graph, kept, options, runs, facts, c, reconciliations);
    }

    /** Unsuppressed findings at or above {@code level}; INFO notes never count. */
    public long countAtLeast(Severity level) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.severity() != Severity.INFO
                && f.severity().compareTo(level) >= 0).count();
    }
}
