package io.atolint.analysis;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;

import java.util.List;

/** The outcome of one scan: what was read, the graph, and every finding in a deterministic order. */
public record Analysis(ScanResult scan, ResourceGraph graph, List<Finding> findings, ParseOptions options) {

    /** Unsuppressed findings at or above {@code level}; INFO notes never count. */
    public long countAtLeast(Severity level) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.severity() != Severity.INFO
                && f.severity().compareTo(level) >= 0).count();
    }
}
