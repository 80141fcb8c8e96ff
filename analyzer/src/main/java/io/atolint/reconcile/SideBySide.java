package io.atolint.reconcile;

import io.atolint.model.Az;
import io.atolint.model.Model;
import io.atolint.topology.AzSimulation;
import io.atolint.topology.Facts;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Outcome;
import io.atolint.topology.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AZ-failure simulation of a pair's diagram beside its IaC's, per AZ: the diagram's "Availability Zone 1"
 * beside the IaC AZ it corresponds to ({@link AzMap}), tier by tier, with a sentence where they disagree
 * ("the diagram says the data tier survives Availability Zone 1; the IaC says it does not"). Both sides come
 * from the same topology engine, run on the drawing and on the IaC.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** One tier in one lost AZ: each side's verdict (null when that side has no such tier) and why. */
    public record Row(String tier, Verdict drawn, Verdict deployed, String drawnWhy, String deployedWhy, String says) {
    }

    /** The loss of one AZ: the drawn AZ (null when the diagram does not draw it) and the IaC AZs it is. */
    public record Zone(String name, Az drawn, List<Az> deployed, List<Row> rows) {
    }

    public static List<Zone> of(Reconciliation r, Facts facts) {
        List<Zone> out = new ArrayList<>();
        if (!r.compared()) {
            return out;
        }
        List<Scenarioed> drawnSide = scenarios(r.pages(), facts);
        List<Scenarioed> iacSide = scenarios(r.iac(), facts);
        Set<String> iacSeen = new LinkedHashSet<>();
        for (AzMap.DrawnAz d : r.azs().drawn()) {
            Optional<AzSimulation.Scenario> ds = find(drawnSide, s -> s.az().value().equals(d.az().value()));
            List<AzSimulation.Scenario> is = new ArrayList<>();
            List<Az> iacAzs = new ArrayList<>();
            for (Scenarioed x : iacSide) {
                for (AzSimulation.Scenario s : x.scenarios) {
                    if (r.azs().same(d.az(), s.az()).isTrue()) {
                        is.add(s);
                        if (iacAzs.stream().noneMatch(a -> a.value().equals(s.az().value()))) {
                            iacAzs.add(s.az());
                        }
                        iacSeen.add(s.az().value());
                    }
                }
            }
            out.add(new Zone(d.display(), d.az(), iacAzs, rows(d.display(), ds.map(List::of).orElse(List.of()), is)));
        }
        for (Scenarioed x : iacSide) {
            for (AzSimulation.Scenario s : x.scenarios) {
                if (iacSeen.add(s.az().value())) {
                    out.add(new Zone(s.az().value(), null, List.of(s.az()), rows(s.az().value(), List.of(), List.of(s))));
                }
            }
        }
        return out;
    }

    private record Scenarioed(Model model, List<AzSimulation.Scenario> scenarios) {
    }

    private static List<Scenarioed> scenarios(List<Model> models, Facts facts) {
        List<Scenarioed> out = new ArrayList<>();
        for (Model m : models) {
            Optional<ModelTopology> t;
            try {
                t = facts.topology().of(m);
            } catch (RuntimeException | StackOverflowError e) {
                return out; // the simulation report says why the topology is not available
            }
            t.ifPresent(mt -> out.add(new Scenarioed(m, facts.simulation(mt))));
        }
        return out;
    }

    private static Optional<AzSimulation.Scenario> find(List<Scenarioed> side,
                                                        java.util.function.Predicate<AzSimulation.Scenario> p) {
        for (Scenarioed x : side) {
            for (AzSimulation.Scenario s : x.scenarios) {
                if (p.test(s)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Row> rows(String zone, List<AzSimulation.Scenario> drawn, List<AzSimulation.Scenario> deployed) {
        Map<String, Outcome[]> byTier = new LinkedHashMap<>();
        collect(drawn, byTier, 0);
        collect(deployed, byTier, 1);
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Outcome[]> e : byTier.entrySet()) {
            Outcome d = e.getValue()[0];
            Outcome i = e.getValue()[1];
            out.add(new Row(e.getKey(), d == null ? null : d.verdict(), i == null ? null : i.verdict(), why(d), why(i),
                    says(e.getKey(), zone, d, i)));
        }
        return out;
    }

    private static void collect(List<AzSimulation.Scenario> scenarios, Map<String, Outcome[]> byTier, int side) {
        for (AzSimulation.Scenario s : scenarios) {
            for (AzSimulation.TierOutcome t : s.tiers()) {
                Outcome[] pair = byTier.computeIfAbsent(t.tier().id(), k -> new Outcome[2]);
                pair[side] = pair[side] == null ? t.outcome() : worse(pair[side], t.outcome());
            }
        }
    }

    private static Outcome worse(Outcome a, Outcome b) {
        return b.verdict().ordinal() > a.verdict().ordinal() ? b : a;
    }

    private static String why(Outcome o) {
        if (o == null || o.causes().isEmpty()) {
            return "";
        }
        return o.causes().get(0).message();
    }

    /** The sentence where the two sides disagree on whether the tier keeps serving; empty when they agree. */
    private static String says(String tier, String zone, Outcome drawn, Outcome deployed) {
        if (drawn == null || deployed == null) {
            return drawn == null && deployed != null ? "the diagram draws no " + tier + " tier"
                    : deployed == null && drawn != null ? "the IaC deploys no " + tier + " tier" : "";
        }
        if (drawn.verdict() == Verdict.UNKNOWN || deployed.verdict() == Verdict.UNKNOWN) {
            return drawn.verdict() == deployed.verdict() ? "" : "cannot compare: "
                    + (drawn.verdict() == Verdict.UNKNOWN ? "the diagram's " + why(drawn) : "the IaC's " + why(deployed));
        }
        boolean drawnServes = serves(drawn.verdict());
        boolean deployedServes = serves(deployed.verdict());
        if (drawnServes && !deployedServes) {
            return "the diagram says the " + tier + " tier survives the loss of " + zone + "; the IaC says it "
                    + (deployed.verdict() == Verdict.AT_RISK ? "may not" : "does not") + ": " + why(deployed);
        }
        if (!drawnServes && deployedServes) {
            return "the diagram says the " + tier + " tier does not survive the loss of " + zone + "; the IaC says it does";
        }
        return "";
    }

    private static boolean serves(Verdict v) {
        return v == Verdict.SURVIVES || v == Verdict.DEGRADED;
    }
}
