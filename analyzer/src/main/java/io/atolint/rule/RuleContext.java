package io.atolint.rule;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check sees (the graph, the scan options) and how it reports. The rule id and default severity
 * come from the check's {@link Rule} declaration.
 */
public final class RuleContext {
    private final Rule rule;
    private final ResourceGraph graph;
    private final ParseOptions options;
    private final SourceText sources;
    private final List<Finding> findings = new ArrayList<>();

    public RuleContext(Rule rule, ResourceGraph graph, ParseOptions options) {
        this(rule, graph, options, SourceText.NONE);
    }

    public RuleContext(Rule rule, ResourceGraph graph, ParseOptions options, SourceText sources) {
        this.rule = rule;
        this.graph = graph;
        this.options = options;
        this.sources = sources;
    }

    public ResourceGraph graph() {
        return graph;
    }

    public ParseOptions options() {
        return options;
    }

    /** The text of the scanned files, for checks that read comments (suppressions). */
    public SourceText sources() {
        return sources;
    }

    /** A finding on a resource, at the resource. */
    public void report(Resource r, String message) {
        report(r, r.location(), message, List.of());
    }

    /** A finding on a resource, at a precise place (an attribute), with related places that explain it. */
    public void report(Resource r, SourceLocation at, String message, List<Finding.Related> related) {
        add(rule.severity(), r, at, message, related);
    }

    /** A finding whose severity differs from the rule's default (a lesser variant of the concern). */
    public void report(Severity severity, Resource r, SourceLocation at, String message, List<Finding.Related> related) {
        add(severity, r, at, message, related);
    }

    /** A finding about a file or page rather than a resource (a diagram without a VPC). */
    public void reportFile(SourceLocation at, String message) {
        add(rule.severity(), null, at, message, List.of());
    }

    /**
     * An informational note: what cannot be proven because a value is UNKNOWN. Never counted by
     * {@code --fail-on}.
     */
    public void note(Resource r, SourceLocation at, String message, List<Finding.Related> related) {
        add(Severity.INFO, r, at, message, related);
    }

    private void add(Severity severity, Resource r, SourceLocation at, String message, List<Finding.Related> related) {
        findings.add(new Finding(rule.id(), severity, message, at, r, related, null));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
