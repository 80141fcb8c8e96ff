package io.atolint.topology;

import io.atolint.model.Az;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Tri;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resources that serve one hop interchangeably: an Auto Scaling group, an Aurora cluster and its
 * instances, the EC2 instances of one target group, a database and its drawn standby. The unit of
 * redundancy: it survives the loss of an AZ when one of its replicas runs outside that AZ.
 *
 * <p>{@link #vertices()} are the traffic-graph vertices of the set; {@link #replicas()} what actually
 * runs (the same, or the drawn instances folded into an Auto Scaling group box).
 */
public final class ReplicaSet {
    private final String id;
    private final Role role;
    private final List<Resource> vertices;
    private final List<Resource> replicas;
    private final Capacity capacity;

    ReplicaSet(Role role, List<Resource> vertices, List<Resource> replicas, Capacity capacity) {
        this.role = role;
        this.vertices = List.copyOf(vertices);
        this.replicas = List.copyOf(replicas);
        this.capacity = capacity;
        this.id = vertices.get(0).id();
    }

    public String id() {
        return id;
    }

    /** The role, or empty for something drawn on a path that has none (a router, a WAF). */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    public List<Resource> vertices() {
        return vertices;
    }

    public List<Resource> replicas() {
        return replicas;
    }

    /** Whether a drawn copy's label gives it a role (primary, standby, replica...: {@link CopyKey}'s role words). */
    public boolean anyNamedByRole() {
        return vertices.stream().anyMatch(CopyKey::hasRoleWord);
    }

    public Resource primary() {
        return vertices.get(0);
    }

    public Capacity capacity() {
        return capacity;
    }

    /** {@code AppGroup}, {@code Web1 + Web2}. */
    public String name() {
        List<String> names = new ArrayList<>();
        for (Resource r : vertices) {
            names.add(r.displayName());
        }
        return String.join(" + ", names);
    }

    /** {@code Auto Scaling group "AppGroup"}, {@code EC2 instances "Web1", "Web2"}. */
    public String describe() {
        if (vertices.size() == 1) {
            return Names.of(vertices.get(0));
        }
        List<String> names = new ArrayList<>();
        for (Resource r : vertices) {
            names.add("\"" + r.displayName() + "\"");
        }
        return Names.kindLabel(vertices.get(0).kind()) + "s " + String.join(", ", names);
    }

    /** Effective placement of one replica: a single-copy group runs in one of its AZs. */
    Placement placementOf(Resource replica) {
        Placement p = replica.placement();
        if (capacity.isOne() && p.scope() == Placement.Scope.ZONAL && replicas.size() == 1) {
            return Placement.oneOf(p.azs(), capacity.why());
        }
        return p;
    }

    /**
     * TRUE when its replicas are provably placed in two AZs or more (or AWS-managed across AZs), FALSE
     * when provably in one. This is the configured spread: a single-copy group over three AZs is
     * multi-AZ here; that it runs one copy is {@link #capacity()}'s concern.
     */
    public Tri multiAz() {
        List<Az> azs = new ArrayList<>();
        boolean unknown = false;
        for (Resource r : replicas) {
            Placement p = r.placement();
            switch (p.scope()) {
                case REGIONAL, GLOBAL, OUTSIDE_AWS -> {
                    return Tri.TRUE;
                }
                case ZONAL -> azs.addAll(p.azs());
                case ONE_OF -> azs.add(p.azs().size() == 1 ? p.azs().get(0) : Az.unknown("one AZ chosen by AWS"));
                default -> unknown = true;
            }
        }
        if (azs.isEmpty()) {
            return Tri.UNKNOWN;
        }
        Placement.AzCount count = Azs.count(azs);
        if (count.provablyMulti()) {
            return Tri.TRUE;
        }
        if (unknown) {
            return Tri.UNKNOWN;
        }
        return count.provablySingle() ? Tri.FALSE : Tri.UNKNOWN;
    }

    /** Every AZ value any replica may run in, each once (provably equal AZs collapse). */
    public List<Az> azs() {
        List<Az> out = new ArrayList<>();
        for (Resource r : replicas) {
            for (Az a : r.placement().azs()) {
                if (out.stream().noneMatch(o -> o.sameAs(a).isTrue())) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The AZ count for reports: null when a replica's placement is UNKNOWN, regional or not exact. */
    public Integer azCount() {
        List<Az> azs = new ArrayList<>();
        for (Resource r : replicas) {
            Placement p = placementOf(r);
            switch (p.scope()) {
                case ZONAL -> azs.addAll(p.azs());
                case ONE_OF -> azs.add(p.azs().size() == 1 ? p.azs().get(0) : Az.unknown("one AZ chosen by AWS"));
                default -> {
                    return null;
                }
            }
        }
        if (azs.isEmpty()) {
            return null;
        }
        Placement.AzCount c = Azs.count(azs);
        return c.isExact() ? c.min() : null;
    }

    /** Where the replicas run, for messages: {@code us-east-1a, us-east-1b}; {@code one of ...}; {@code regional}. */
    public String where() {
        Set<String> parts = new LinkedHashSet<>();
        for (Resource r : replicas) {
            Placement p = placementOf(r);
            String prefix = replicas.size() > 1 ? r.displayName() + " in " : "";
            parts.add(prefix + switch (p.scope()) {
                case ZONAL -> values(p.azs());
                case ONE_OF -> p.azs().isEmpty() ? "one AZ chosen by AWS" : p.azs().size() == 1
                        ? p.azs().get(0).value() : "one of " + values(p.azs());
                case REGIONAL -> "regional";
                case GLOBAL -> "global";
                case OUTSIDE_AWS -> "outside AWS";
                case UNKNOWN -> "UNKNOWN: " + p.reason();
                case NONE -> "placement not stated";
            });
        }
        return String.join("; ", parts);
    }

    static String values(List<Az> azs) {
        Set<String> v = new LinkedHashSet<>();
        for (Az a : azs) {
            v.add(a.isKnown() ? a.value() : "an AZ the files do not name");
        }
        return String.join(", ", v);
    }

    /** What the loss of {@code lost} does to this set: it survives while one replica runs elsewhere. */
    public Outcome lose(Az lost) {
        List<Outcome> each = new ArrayList<>();
        for (Resource r : replicas) {
            each.add(loseReplica(r, lost));
        }
        if (each.size() == 1) {
            return each.get(0);
        }
        boolean allSurvive = each.stream().allMatch(o -> o.verdict() == Verdict.SURVIVES);
        boolean anyAlive = each.stream().anyMatch(o -> o.verdict() == Verdict.SURVIVES || o.verdict() == Verdict.DEGRADED);
        if (allSurvive) {
            return Outcome.survives();
        }
        if (anyAlive) {
            List<String> carryOn = new ArrayList<>();
            for (int i = 0; i < each.size(); i++) {
                if (each.get(i).verdict() == Verdict.SURVIVES || each.get(i).verdict() == Verdict.DEGRADED) {
                    carryOn.add(replicas.get(i).displayName());
                }
            }
            List<Outcome.Cause> causes = new ArrayList<>();
            for (Outcome o : each) {
                if (o.verdict() != Verdict.SURVIVES) {
                    for (Outcome.Cause c : o.causes()) {
                        causes.add(new Outcome.Cause(c.resource(), c.message() + "; " + String.join(", ", carryOn)
                                + (carryOn.size() == 1 ? " carries" : " carry") + " on"));
                    }
                }
            }
            return new Outcome(Verdict.DEGRADED, causes);
        }
        return Outcome.worst(each.stream().filter(o -> o.verdict() != Verdict.DOWN).toList().isEmpty()
                ? each : each.stream().filter(o -> o.verdict() != Verdict.DOWN).toList());
    }

    private Outcome loseReplica(Resource r, Az lost) {
        Placement p = placementOf(r);
        String name = r.displayName();
        switch (p.scope()) {
            case REGIONAL, GLOBAL, OUTSIDE_AWS:
                return Outcome.survives();
            case UNKNOWN:
                return Outcome.of(Verdict.UNKNOWN, r, name + ": placement UNKNOWN (" + p.reason() + ")");
            case NONE:
                return Outcome.of(Verdict.UNKNOWN, r, name + ": where it runs is not stated");
            case ZONAL: {
                List<String> alive = new ArrayList<>();
                boolean hit = false;
                boolean unsure = false;
                for (Az a : p.azs()) {
                    Tri same = a.sameAs(lost);
                    if (same.isFalse()) {
                        alive.add(a.value());
                    } else if (same.isTrue()) {
                        hit = true;
                    } else {
                        unsure = true;
                    }
                }
                if (!alive.isEmpty()) {
                    if (!hit && !unsure) {
                        return Outcome.survives();
                    }
                    return Outcome.of(Verdict.DEGRADED, r, name + " loses " + lost.value() + ", continues in "
                            + String.join(", ", new LinkedHashSet<>(alive)));
                }
                if (hit && !unsure) {
                    return Outcome.of(Verdict.DOWN, r, name + " runs only in " + lost.value());
                }
                List<String> open = new ArrayList<>();
                for (Az a : p.azs()) {
                    if (!a.sameAs(lost).isKnown()) {
                        open.add(a.value());
                    }
                }
                return Outcome.of(Verdict.UNKNOWN, r, name + (hit ? " loses " + lost.value() + "; " : ": ")
                        + "cannot tell whether " + String.join(", ", new LinkedHashSet<>(open)) + " is " + lost.value());
            }
            case ONE_OF:
            default: {
                List<Az> candidates = p.azs();
                boolean single = capacity.isOne() && replicas.size() == 1;
                String what = single ? name + " runs one copy (" + capacity.why() + ")" : name + " is single-AZ";
                if (!candidates.isEmpty() && candidates.stream().allMatch(a -> a.sameAs(lost).isFalse())) {
                    return Outcome.survives();
                }
                if (!candidates.isEmpty() && candidates.stream().allMatch(a -> a.sameAs(lost).isTrue())) {
                    return Outcome.of(Verdict.DOWN, r, what + " in " + lost.value());
                }
                String where = candidates.isEmpty() ? "in an AZ AWS chooses" : "in one of " + values(candidates);
                return Outcome.of(Verdict.AT_RISK, r, what + " " + where + (single
                        ? ": down until a replacement starts in another AZ" : ": down if that is " + lost.value()));
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
