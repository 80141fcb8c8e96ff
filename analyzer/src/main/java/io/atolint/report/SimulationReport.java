package io.atolint.report;

import io.atolint.report.escape.Escape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.analysis.Analysis;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.ParseFindings;
import io.atolint.topology.AzSimulation;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Outcome;
import io.atolint.topology.Tier;
import io.atolint.topology.TrafficPath;
import io.atolint.topology.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What {@code atolint simulate} prints: per model, the tiers and paths, then one block per lost AZ. */
public final class SimulationReport {
    /** Version of the {@code simulate --format json} layout; fields are only ever added. */
    public static final String SCHEMA_VERSION = "1.0";

    private SimulationReport() {
    }

    /** The topology of every model, or none when it cannot be built (the reports say why). */
    static List<ModelTopology> models(Analysis a) {
        try {
            return a.facts().topology().models();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** Why the topology could not be built, or null when it could. */
    public static String failure(Analysis a) {
        try {
            a.facts().topology();
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return "the topology could not be built: " + e;
        }
    }

    /** The worst verdict over every model and AZ: what the exit code reflects. */
    public static Verdict worst(Analysis a) {
        if (failure(a) != null) {
            return Verdict.UNKNOWN; // nothing was simulated: no claim that the solution survives
        }
        Verdict v = Verdict.SURVIVES;
        for (ModelTopology t : models(a)) {
            for (AzSimulation.Scenario s : a.facts().simulation(t)) {
                v = v.worst(s.worst());
            }
        }
        return v;
    }

    public static void text(Analysis a, PrintStream out) {
        boolean any = false;
        for (ModelTopology t : models(a)) {
            if (t.tiers().isEmpty()) {
                continue;
            }
            if (any) {
                out.println();
            }
            any = true;
            model(t, a.facts().simulation(t), out);
        }
        String failure = failure(a);
        if (failure != null) {
            out.println(Escape.line("nothing simulated: " + Escape.text(failure)));
        } else if (!any) {
            out.println("nothing to simulate: no load balancer, compute, data or egress resource was read");
        }
        List<Finding> problems = problems(a);
        if (!problems.isEmpty()) {
            out.println();
            out.println("input problems (the simulation covers what could be read):");
            for (Finding f : problems) {
                out.println(Escape.line("  " + Escape.text(f.location().display()) + " " + f.ruleId() + " "
                        + Escape.text(f.message())));
            }
        }
    }

    private static void model(ModelTopology t, List<AzSimulation.Scenario> scenarios, PrintStream out) {
        out.println(Escape.line("AZ-failure simulation: " + Escape.text(t.model().unit()) + " ("
                + t.model().format().title() + ")"));
        out.println();
        out.println("tiers");
        // The first column fits the longest tier name ("compute tier (not on an ingress path)").
        int width = 34;
        for (Tier tier : t.tiers()) {
            width = Math.max(width, tier.name().length());
        }
        for (Tier tier : t.tiers()) {
            Integer n = tier.azCount();
            List<String> parts = new ArrayList<>();
            tier.sets().forEach(s -> parts.add(Escape.text(s.name()) + " (" + Escape.text(s.where()) + ")"));
            out.println(Escape.line(String.format("  %-" + width + "s %-6s %s", Escape.text(tier.name()),
                    n == null ? "?" : n + (n == 1 ? " AZ" : " AZs"), String.join("; ", parts))));
        }
        if (!t.paths().isEmpty()) {
            out.println("paths");
            int i = 1;
            for (TrafficPath p : t.paths()) {
                out.println(Escape.line("  " + i++ + ". " + Escape.text(p.display())));
            }
            if (t.pathsTruncated()) {
                out.println("  (enumeration stopped at its bound; more paths exist)");
            }
        }
        if (scenarios.isEmpty()) {
            out.println();
            out.println("no AZ is known: every placement is UNKNOWN (see the notes of `atolint scan`)");
            return;
        }
        for (AzSimulation.Scenario s : scenarios) {
            out.println();
            out.println(Escape.line(Escape.text(s.az().value()) + " down" + (s.az().how().isEmpty()
                    || s.az().how().equals("literal") ? "" : " (" + Escape.text(s.az().how()) + ")") + " -> " + summary(s)));
            for (AzSimulation.TierOutcome to : s.tiers()) {
                line(out, width, to.tier().name(), to.outcome());
            }
            int i = 1;
            for (AzSimulation.PathOutcome po : s.paths()) {
                line(out, width, "path " + i++, po.outcome());
            }
        }
    }

    private static String summary(AzSimulation.Scenario s) {
        return switch (s.worst()) {
            case SURVIVES -> "survives";
            case DEGRADED -> "survives, degraded";
            case UNKNOWN -> "cannot tell";
            case AT_RISK -> "at risk";
            case DOWN -> "DOWN";
        };
    }

    private static void line(PrintStream out, int width, String what, Outcome o) {
        if (o.causes().isEmpty()) {
            out.println(Escape.line(String.format("  %-" + width + "s %s", Escape.text(what), o.verdict().display())));
            return;
        }
        boolean first = true;
        for (Outcome.Cause c : o.causes()) {
            out.println(Escape.line(String.format("  %-" + width + "s %-9s %s (%s)", first ? Escape.text(what) : "",
                    first ? o.verdict().display() : "", Escape.text(c.message()), Escape.text(c.resource().location().display()))));
            first = false;
        }
    }

    private static List<Finding> problems(Analysis a) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : a.findings()) {
            if ((f.ruleId().equals(ParseFindings.INVALID) || f.ruleId().equals(ParseFindings.LIMIT))
                    && f.severity() != Severity.INFO) {
                out.add(f);
            }
        }
        return out;
    }

    public static void json(Analysis a, OutputStream out) throws IOException {
        ObjectNode root = PrettyJson.NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "atolint");
        tool.put("version", Version.get());
        String failure = failure(a);
        if (failure != null) {
            root.put("error", failure);
        }
        ArrayNode models = root.putArray("models");
        for (ModelTopology t : models(a)) {
            if (!t.tiers().isEmpty()) {
                models.add(TopologyJson.simulation(t, a.facts().simulation(t)));
            }
        }
        ArrayNode problems = root.putArray("problems");
        for (Finding f : problems(a)) {
            problems.add(JsonReport.finding(f));
        }
        if (!a.reconciliations().isEmpty()) {
            root.set("reconciliation", ReconciliationReport.sideBySideJson(a));
        }
        PrettyJson.write(out, root);
    }
}
