package io.atolint.analysis;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.rule.RuleRun;
import io.atolint.topology.Facts;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scan: what was read, the graph, every finding in a deterministic order, what each
 * rule examined ({@code runs}, by rule id; the checklist verdicts need it), and the facts derived from the
 * graph, which the rules read and which the reports read again rather than deriving them twice.
 */
public record Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options,
                       Map<String, RuleRun> runs, Facts facts) {

    public Analysis {
        findings = List.copyOf(findings);
        runs = Map.copyOf(runs);
    }

    /** The same analysis with other findings (filtered, suppressed), keeping what the rules examined and the facts. */
    public Analysis withFindings(List<Finding> other) {
        return new Analysis(scan, graph, other, options, runs, facts);
    }

    /** Unsuppressed findings at or above {@code level}; INFO notes never count. */
    public long countAtLeast(Severity level) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.severity() != Severity.INFO
                && f.severity().compareTo(level) >= 0).count();
    }
}
