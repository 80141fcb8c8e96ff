package io.atolint.analysis;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.RuleRun;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scan: what was read, the graph, every finding in a deterministic order, and what
 * each rule examined ({@code runs}, by rule id; the checklist verdicts need it), and the comparison of
 * each configured diagram/IaC pair ({@code reconciliations}).
 */
public record Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options,
                       Map<String, RuleRun> runs, List<Reconciliation> reconciliations) {

    public Analysis {
        findings = List.copyOf(findings);
        runs = Map.copyOf(runs);
        reconciliations = List.copyOf(reconciliations);
    }

    public Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options,
                    Map<String, RuleRun> runs) {
        this(scan, graph, findings, options, runs, List.of());
    }

    public Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options) {
        this(scan, graph, findings, options, Map.of());
    }

    /** The same analysis with other findings (filtered, suppressed), keeping what the rules examined. */
    public Analysis withFindings(List<Finding> other) {
        return new Analysis(scan, graph, other, options, runs, reconciliations);
    }

    /** Unsuppressed findings at or above {@code level}; INFO notes never count. */
    public long countAtLeast(Severity level) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.severity() != Severity.INFO
                && f.severity().compareTo(level) >= 0).count();
    }
}
