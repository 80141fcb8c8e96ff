package io.atolint.topology;

import io.atolint.model.Az;
import io.atolint.model.Placement;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes one AZ at a time and says what survives: for each AZ that the files name (literal, zone id
 * or symbol such as {@code GetAZs('')[0]}), each tier and each ingress-to-data path is SURVIVES,
 * DEGRADED, AT RISK (a single-AZ resource whose AZ AWS chooses), DOWN or UNKNOWN (placement not
 * known, or AZs that cannot be compared), with the resources that cause it. Nothing is guessed: an AZ
 * is lost only where it provably is the lost one.
 */
public final class AzSimulation {
    private AzSimulation() {
    }

    public record TierOutcome(Tier tier, Outcome outcome) {
    }

    public record PathOutcome(TrafficPath path, Outcome outcome) {
    }

    /** The loss of one AZ. */
    public record Scenario(Az az, List<TierOutcome> tiers, List<PathOutcome> paths) {
        /** The worst verdict of any tier or path. */
        public Verdict worst() {
            Verdict v = Verdict.SURVIVES;
            for (TierOutcome t : tiers) {
                v = v.worst(t.outcome().verdict());
            }
            for (PathOutcome p : paths) {
                v = v.worst(p.outcome().verdict());
            }
            return v;
        }
    }

    static List<Scenario> run(ModelTopology topo) {
        List<Scenario> out = new ArrayList<>();
        for (Az az : zones(topo)) {
            out.add(scenario(topo, az));
        }
        return out;
    }

    /** Every distinct, known AZ the model places something in, sorted by value. */
    public static List<Az> zones(ModelTopology topo) {
        List<Az> out = new ArrayList<>();
        for (ReplicaSet s : topo.sets()) {
            for (Resource r : s.replicas()) {
                addZones(out, r.placement());
            }
        }
        for (Egress.Client c : topo.egress()) {
            addZones(out, c.client().placement());
        }
        out.sort(Comparator.comparing(Az::value));
        return out;
    }

    private static void addZones(List<Az> out, Placement p) {
        if (p.scope() != Placement.Scope.ZONAL && p.scope() != Placement.Scope.ONE_OF) {
            return;
        }
        for (Az a : p.azs()) {
            if (a.isKnown() && out.stream().noneMatch(o -> o.sameAs(a).isTrue())) {
                out.add(a);
            }
        }
    }

    public static Scenario scenario(ModelTopology topo, Az az) {
        List<TierOutcome> tiers = new ArrayList<>();
        for (Tier t : topo.tiers()) {
            Outcome o = t.role() == Role.EGRESS ? egress(topo, t, az) : tier(t, az);
            tiers.add(new TierOutcome(t, o));
        }
        List<PathOutcome> paths = new ArrayList<>();
        for (TrafficPath p : topo.paths()) {
            List<Outcome> hops = new ArrayList<>();
            for (ReplicaSet s : p.hops()) {
                hops.add(s.lose(az));
            }
            Outcome worst = Outcome.worst(hops);
            // A path is as good as its worst hop; a degraded hop still serves.
            paths.add(new PathOutcome(p, worst));
        }
        return new Scenario(az, tiers, paths);
    }

    private static Outcome tier(Tier t, Az az) {
        List<Outcome> each = new ArrayList<>();
        for (ReplicaSet s : t.sets()) {
            each.add(s.lose(az));
        }
        return Outcome.worst(each);
    }

    /** Egress survives for every AZ whose NAT is still up; clients in the lost AZ do not count. */
    private static Outcome egress(ModelTopology topo, Tier t, Az az) {
        List<Outcome.Cause> lost = new ArrayList<>();
        List<Outcome.Cause> unsure = new ArrayList<>();
        int alive = 0;
        boolean anyNatLost = false;
        for (ReplicaSet s : t.sets()) {
            anyNatLost |= s.lose(az).verdict() != Verdict.SURVIVES;
        }
        for (Egress.Client c : topo.egress()) {
            if (!elsewhere(c.client().placement(), az)) {
                continue;
            }
            alive++;
            ReplicaSet nat = topo.setOf(c.nat()).orElse(null);
            Outcome o = nat == null ? Outcome.survives() : nat.lose(az);
            String msg = c.client().displayName() + " (" + ReplicaSet.values(c.client().placement().azs())
                    + ") loses internet egress: " + c.how() + (o.causes().isEmpty() ? "" : ", and "
                    + o.causes().get(0).message());
            if (o.verdict() == Verdict.DOWN || o.verdict() == Verdict.AT_RISK) {
                lost.add(new Outcome.Cause(c.nat(), msg));
            } else if (o.verdict() == Verdict.UNKNOWN) {
                unsure.add(new Outcome.Cause(c.nat(), c.client().displayName() + ": " + o.causes().get(0).message()));
            }
        }
        if (!lost.isEmpty()) {
            return new Outcome(lost.size() == alive ? Verdict.DOWN : Verdict.DEGRADED, lost);
        }
        if (!unsure.isEmpty()) {
            return new Outcome(Verdict.UNKNOWN, unsure);
        }
        if (anyNatLost) {
            return tier(t, az).verdict() == Verdict.UNKNOWN ? tier(t, az)
                    : new Outcome(Verdict.DEGRADED, tier(t, az).causes());
        }
        return Outcome.survives();
    }

    /** Provably outside the lost AZ. */
    private static boolean elsewhere(Placement p, Az az) {
        if (p.scope() != Placement.Scope.ZONAL || p.azs().isEmpty()) {
            return false;
        }
        return p.azs().stream().allMatch(a -> a.sameAs(az).isFalse());
    }
}
