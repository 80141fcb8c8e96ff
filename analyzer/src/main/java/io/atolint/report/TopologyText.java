package io.atolint.report;

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
            out.println("topology: not available (" + e + ")");
            out.println();
            return;
        }
        for (ModelTopology t : topology.models()) {
            if (t.tiers().isEmpty()) {
                continue;
            }
            out.println("topology of " + t.model().unit() + ":");
            for (Tier tier : t.tiers()) {
                Integer n = tier.azCount();
                List<String> parts = new ArrayList<>();
                for (ReplicaSet s : tier.sets()) {
                    parts.add(s.name() + " (" + s.where() + ")");
                }
                out.printf("  %-24s %-6s %s%n", tier.id(), n == null ? "-" : n + (n == 1 ? " AZ" : " AZs"),
                        String.join("; ", parts));
            }
            int shown = 0;
            for (TrafficPath p : t.paths()) {
                if (shown++ == MAX_PATHS_SHOWN) {
                    out.println("  ... " + (t.paths().size() - MAX_PATHS_SHOWN) + " more paths (see --format json)");
                    break;
                }
                out.println("  path: " + p.display());
            }
            List<String> spofs = new ArrayList<>();
            for (Spof s : t.spofs()) {
                if (s.proven().isTrue()) {
                    spofs.add(s.resource().displayName() + " (" + s.category().label() + ")");
                }
            }
            if (!spofs.isEmpty()) {
                out.println("  single points of failure: " + String.join(", ", spofs));
            }
            out.println();
        }
    }
}
