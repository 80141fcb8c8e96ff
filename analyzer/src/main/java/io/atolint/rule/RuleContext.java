package io.atolint.rule;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.ScaledDownEnvironment;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseOptions;
import io.atolint.reconcile.Reconciliation;
import io.atolint.topology.Facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a check sees (the graph, the facts derived from it once per analysis, the scan options) and how
 * it reports. The rule id and default severity
 * come from the check's {@link Rule} declaration.
 *
 * <p>A check also says what it examined ({@link #examined(Resource)}, {@link #inScope(Kind...)}): the
 * checklist verdict is "Met" only when a rule examined something in scope and found nothing, so a rule
 * that finds nothing because there was nothing to look at must not look like a pass. Reporting on a
 * resource marks it examined. Info findings come in two flavours: {@link #note} (cannot prove: the
 * resource stays undecided) and {@link #inform} (a fact about a resource that passes).
 */
public final class RuleContext {
    private final Rule rule;
    private final ResourceGraph graph;
    private final Facts facts;
    private final ParseOptions options;
    private final SourceText sources;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Resource> examined = new LinkedHashSet<>();
    private final Set<String> examinedUnits = new LinkedHashSet<>();
    private final Set<RuleRun.Key> informational = new LinkedHashSet<>();
    private List<Reconciliation> reconciliations = List.of();
    /**
     * Whether the rule judges availability or scaling (its tags say so), which production alone must have; a
     * comparison of a diagram with the IaC judges what the picture claims, wherever it is drawn.
     */
    private final boolean availability;

    public RuleContext(Rule rule, Facts facts, ParseOptions options, SourceText sources) {
        this.rule = rule;
        this.availability = Arrays.stream(rule.tags()).anyMatch(t -> t.equals("availability") || t.equals("scaling"))
                && Arrays.stream(rule.tags()).noneMatch(t -> t.equals("reconcile"));
        this.graph = facts.graph();
        this.facts = facts;
        this.options = options;
        this.sources = sources;
    }

    /** The same context, with the reconciliations of the configured diagram/IaC pairs. */
    public RuleContext withReconciliations(List<Reconciliation> r) {
        this.reconciliations = List.copyOf(r);
        return this;
    }

    /** Each configured diagram/IaC pair compared (empty when none is configured). */
    public List<Reconciliation> reconciliations() {
        return reconciliations;
    }

    public ResourceGraph graph() {
        return graph;
    }

    /** The topology, exposure, VPCs and other facts of the graph: the same object for every rule of the analysis. */
    public Facts facts() {
        return facts;
    }

    public ParseOptions options() {
        return options;
    }

    /**
     * The Terraform variables the scan was given a value for (--var, the configuration): such a value is
     * not written in the scanned files. Rules ask this rather than read the parse options themselves.
     */
    public Set<String> givenVariables() {
        return options == null ? Set.of() : options.variables().keySet();
    }

    /** The text of the scanned files, for checks that read comments (suppressions). */
    public SourceText sources() {
        return sources;
    }

    /** Declares that the check examined {@code r} (it is in the rule's scope), whatever the outcome. */
    public void examined(Resource r) {
        examined.add(r);
    }

    /** Declares that the check examined a whole unit (a template, stack or diagram page). */
    public void examined(Model m) {
        examinedUnits.add(m.unit());
    }

    /** Every resource of these kinds in the scan, each declared examined. */
    public List<Resource> inScope(Kind... kinds) {
        List<Resource> out = new ArrayList<>();
        for (Kind k : kinds) {
            out.addAll(graph.resources(k));
        }
        examined.addAll(out);
        return out;
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

    /**
     * An informational fact about a resource that passes the check (an AWS-owned key is the default, a
     * log bucket lives outside the scanned files): it does not leave the resource undecided.
     */
    public void inform(Resource r, SourceLocation at, String message, List<Finding.Related> related) {
        Finding f = add(Severity.INFO, r, at, message, related);
        informational.add(RuleRun.Key.of(f));
    }

    private Finding add(Severity severity, Resource r, SourceLocation at, String message, List<Finding.Related> related) {
        Optional<String> scaledDown = ScaledDownEnvironment.of(r);
        boolean outOfScope = severity != Severity.INFO && scaledDown.isPresent() && availability;
        if (outOfScope) {
            // the availability items ask this of production: a staging copy or a pilot light is one by design
            severity = Severity.INFO;
            message = message + " (" + scaledDown.get() + ": scaled down by design, and the checklist asks this of"
                    + " the production solution)";
        }
        Finding f = new Finding(rule.id(), severity, message, at, r, related, null);
        findings.add(f);
        if (outOfScope) {
            // a fact about a resource the item does not judge, not a result left undecided
            informational.add(RuleRun.Key.of(f));
        }
        if (r != null) {
            examined.add(r);
        }
        return f;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** What the check examined and which info findings are informational; {@code error} when it crashed. */
    public RuleRun run(String error) {
        return new RuleRun(rule.id(), List.copyOf(examined), List.copyOf(examinedUnits), informational, error);
    }
}
