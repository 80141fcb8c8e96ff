package io.atolint.describe;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.parse.diagram.DiagramView;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;
import io.atolint.topology.SiteConnectivity;
import io.atolint.topology.Facts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a reviewer writes down about a drawn page, as atolint reads it: how many Availability Zones,
 * VPCs and subnets are drawn, what is drawn outside AWS, in how many AZs each tier is placed, the
 * replica pairs (a data store drawn more than once, or copies marked primary/standby/replica) and the
 * links to on-premises sites. The tiers and pairs come from the same topology the rules select from.
 *
 * @param azsDrawn       distinct AZs drawn as boxes, bands or AZ texts (not those named only in subnet labels)
 * @param azsInNamesOnly distinct AZs named only inside subnet labels
 * @param tiers          per tier: the AZ count, {@code R} (regional or managed only), {@code ?} (cannot tell)
 *                       or {@code 0} (not drawn)
 * @param siteLinks      {@code none}, {@code single VPN}, {@code redundant VPN}, {@code single DX},
 *                       {@code redundant DX} or {@code DX + VPN}
 */
public record PageSummary(int azsDrawn, int azsInNamesOnly, int vpcs, int subnets, int publicSubnets,
                          int privateSubnets, List<String> outside, Map<Role, String> tiers,
                          List<Pair> replicaPairs, String siteLinks, List<String> siteDetails) {

    /** A pair a reviewer counts: copies of one data store, or the two targets of an active/passive failover. */
    public record Pair(List<Resource> members, String describe, String where, Tri multiAz) {
        static Pair of(ReplicaSet s) {
            return new Pair(s.vertices(), s.describe(), s.where(), s.multiAz());
        }
    }

    /** Lines labelled as the two legs of a failover ("Primary" and "Secondary" from a Route 53 failover record). */
    private static final Pattern ACTIVE = Pattern.compile("(?i)\\b(primary|active)\\b");
    private static final Pattern PASSIVE = Pattern.compile("(?i)\\b(secondary|standby|passive|failover)\\b");

    static final List<Role> TIER_ROLES = List.of(Role.LOAD_BALANCING, Role.COMPUTE, Role.DATA);

    static PageSummary of(DiagramView v) {
        Model model = v.model();
        Set<String> drawn = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        for (DiagramView.AzView az : v.azs()) {
            if ("subnet names".equals(az.resource().meta("drawnAs").orElse(""))) {
                named.add(az.az().value());
            } else {
                drawn.add(az.az().value());
            }
        }
        named.removeAll(drawn);
        int vpcs = 0;
        int subnets = 0;
        int pub = 0;
        int priv = 0;
        List<String> outside = new ArrayList<>();
        for (Resource r : model.resources()) {
            if (r.kind() == Kind.VPC) {
                vpcs++;
            } else if (r.kind() == Kind.SUBNET) {
                subnets++;
                String t = r.meta("subnetType").orElse("unknown");
                if (t.equals("public")) {
                    pub++;
                } else if (t.equals("private")) {
                    priv++;
                }
            }
            if (r.kind().isOutsideAws() || r.placement().scope() == Placement.Scope.OUTSIDE_AWS) {
                outside.add(r.displayName());
            }
        }
        ResourceGraph graph = ResourceGraph.of(List.of(model));
        Facts facts = new Facts(graph);
        ModelTopology topo = facts.topology().of(model).orElse(null);
        Map<Role, String> tiers = new EnumMap<>(Role.class);
        List<Pair> pairs = new ArrayList<>();
        for (Role role : TIER_ROLES) {
            tiers.put(role, topo == null ? "?" : tier(topo, role));
        }
        if (topo != null) {
            for (ReplicaSet s : topo.sets()) {
                if (isPair(s)) {
                    pairs.add(Pair.of(s));
                }
            }
        }
        pairs.addAll(failoverPairs(model, pairs));
        List<String> details = new ArrayList<>();
        int vpn = 0;
        int dx = 0;
        int best = 0;
        for (SiteConnectivity.Result r : facts.sites(model)) {
            vpn += r.vpnConnections().size();
            dx += r.directConnects().size();
            best = Math.max(best, Math.min(r.independent(), r.vpnConnections().size() + r.directConnects().size()));
            details.add(r.site().name() + ": " + r.independent() + " independent connection(s), "
                    + r.vpnConnections().size() + " VPN, " + r.directConnects().size() + " Direct Connect");
        }
        String links;
        if (vpn == 0 && dx == 0) {
            links = "none";
        } else if (vpn > 0 && dx > 0) {
            links = "DX + VPN";
        } else if (dx > 0) {
            links = best >= 2 ? "redundant DX" : "single DX";
        } else {
            links = best >= 2 ? "redundant VPN" : "single VPN";
        }
        return new PageSummary(drawn.size(), named.size(), vpcs, subnets, pub, priv, outside, tiers, pairs, links,
                details);
    }

    /**
     * The AZ count of a tier's drawn instances, per VPC (unnumbered AZ boxes of two VPCs may be the same
     * AZ) and, for data, per kind of store, the largest; R when all are regional, managed, or load balancers spanning their VPC's AZs by
     * convention; ? when it cannot be told.
     */
    private static String tier(ModelTopology topo, Role role) {
        String withoutAccessHosts = tier(topo, role, false);
        return withoutAccessHosts.equals("0") ? tier(topo, role, true) : withoutAccessHosts;
    }

    /**
     * A bastion, jump host or self-managed VPN server is how operators get in, not the tier that serves
     * the application: a reviewer reads the compute tier from the rest, and from these only when nothing
     * else is drawn.
     */
    static boolean accessHost(Resource r) {
        return ACCESS_HOST.matcher(r.meta("label").orElse("").toLowerCase(Locale.ROOT)).find();
    }

    private static final java.util.regex.Pattern ACCESS_HOST = java.util.regex.Pattern.compile(
            "\\b(bastion|jump ?(host|box|server)|vpn( ?(server|host|instance))?|openvpn)\\b");

    private static String tier(ModelTopology topo, Role role, boolean withAccessHosts) {
        Map<String, Set<String>> azsByVpc = new java.util.LinkedHashMap<>();
        boolean any = false;
        boolean unknown = false;
        boolean regional = false;
        for (ReplicaSet s : topo.sets()) {
            if (s.role().orElse(null) != role) {
                continue;
            }
            for (Resource r : s.replicas()) {
                if (r.kind() == Kind.S3_BUCKET || r.kind() == Kind.GLACIER_VAULT) {
                    continue; // object storage (logs, artifacts, static sites) is not a database tier
                }
                if (!withAccessHosts && role == Role.COMPUTE && accessHost(r)) {
                    continue;
                }
                any = true;
                // stores of different kinds (a database in one AZ, a cache in the other) are no replicas of
                // each other: the data tier spans the AZs of its widest store, not the union
                String key = r.meta("vpc").orElse("") + (role == Role.DATA ? "|" + r.kind() : "");
                Set<String> azs = azsByVpc.computeIfAbsent(key, k -> new LinkedHashSet<>());
                Placement p = r.placement();
                if (r.meta("spans").isPresent()) {
                    regional = true;
                    continue;
                }
                switch (p.scope()) {
                    case ZONAL -> p.azs().forEach(a -> azs.add(a.value()));
                    case ONE_OF -> azs.add(p.azs().isEmpty() ? "one of ? " + r.id() : p.azs().get(0).value());
                    case REGIONAL, GLOBAL, NONE -> regional = true;
                    case OUTSIDE_AWS -> {
                    }
                    default -> unknown = true;
                }
            }
        }
        int most = azsByVpc.values().stream().mapToInt(Set::size).max().orElse(0);
        if (most > 0) {
            return Integer.toString(most);
        }
        if (unknown) {
            return "?";
        }
        return regional ? "R" : any ? "?" : "0";
    }

    /**
     * Two things of one kind that one source sends to on lines labelled as a failover's legs (an active/passive
     * pair across regions: "Primary" to the NLB of region A, "Secondary" to that of region B), unless they are
     * already a pair.
     */
    private static List<Pair> failoverPairs(Model model, List<Pair> known) {
        Set<Resource> paired = new java.util.HashSet<>();
        known.forEach(p -> paired.addAll(p.members()));
        List<Pair> out = new ArrayList<>();
        for (Relation a : model.relations()) {
            if (!ACTIVE.matcher(a.via()).find() || PASSIVE.matcher(a.via()).find()) {
                continue;
            }
            for (Relation b : model.relations()) {
                Resource x = a.target();
                Resource y = b.target();
                if (b.source().equals(a.source()) && PASSIVE.matcher(b.via()).find() && !ACTIVE.matcher(b.via()).find()
                        && !x.equals(y) && x.kind() == y.kind() && !paired.contains(x) && !paired.contains(y)) {
                    paired.add(x);
                    paired.add(y);
                    out.add(new Pair(List.of(x, y), "failover from " + a.source().displayName() + ": '" + a.via()
                            + "' to " + x.displayName() + ", '" + b.via() + "' to " + y.displayName(),
                            "an active/passive pair", Tri.UNKNOWN));
                }
            }
        }
        return out;
    }

    /** A replica pair: a data store drawn more than once, or copies whose labels give them roles. */
    private static boolean isPair(ReplicaSet s) {
        if (s.replicas().size() < 2 && s.vertices().size() < 2) {
            return false;
        }
        if (s.anyNamedByRole()) {
            return true;
        }
        // two "Amazon S3" icons are two buckets (logs, a static site), not copies of one data store: object
        // storage is no database tier (see tier), and a bucket is regional whatever its drawing
        return s.role().orElse(null) == Role.DATA
                && !s.replicas().stream().allMatch(r -> r.kind() == Kind.S3_BUCKET || r.kind() == Kind.GLACIER_VAULT);
    }

    static String azValues(List<Az> azs) {
        Set<String> out = new LinkedHashSet<>();
        azs.forEach(a -> out.add(a.value()));
        return String.join(", ", out);
    }
}
