package io.atolint.report;

import io.atolint.report.escape.Escape;
import io.atolint.analysis.Analysis;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Spof;
import io.atolint.topology.Tier;
import io.atolint.topology.Topology;
import io.atolint.topology.TrafficPath;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The short topology table of the text report: tiers with their AZs, paths, single points of failure. */
public final class TopologyText {
    private static final int MAX_PATHS_SHOWN = 5;

    private TopologyText() {
    }

    public static void write(Analysis a, PrintStream out) {
        Topology topology;
        try {
            topology = a.facts().topology();
        } catch (RuntimeException | StackOverflowError e) {
            out.println(Escape.line("topology: not available (" + Escape.text(String.valueOf(e)) + ")"));
            out.println();
            return;
        }
        for (ModelTopology t : topology.models()) {
            if (t.tiers().isEmpty()) {
                continue;
            }
            out.println(Escape.line("topology of " + Escape.text(t.model().unit()) + ":"));
            for (Tier tier : t.tiers()) {
                Integer n = tier.azCount();
                List<String> parts = new ArrayList<>();
                for (ReplicaSet s : tier.sets()) {
                    parts.add(Escape.text(s.name()) + " (" + Escape.text(s.where()) + ")");
                }
                out.println(Escape.line(String.format("  %-24s %-6s %s", tier.id(), n == null ? "-" : n + (n == 1 ? " AZ" : " AZs"),
                        String.join("; ", parts))));
            }
            int shown = 0;
            for (TrafficPath p : t.paths()) {
                if (shown++ == MAX_PATHS_SHOWN) {
                    out.println("  ... " + (t.paths().size() - MAX_PATHS_SHOWN) + " more paths (see --format json)");
                    break;
                }
                out.println(Escape.line("  path: " + Escape.text(p.display())));
            }
            List<String> spofs = new ArrayList<>();
            for (Spof s : t.spofs()) {
                if (s.proven().isTrue()) {
                    spofs.add(Escape.text(s.resource().displayName()) + " (" + s.category().label() + ")");
                }
            }
            if (!spofs.isEmpty()) {
                out.println(Escape.line("  single points of failure: " + String.join(", ", spofs)));
            }
            out.println();
        }
    }
}
