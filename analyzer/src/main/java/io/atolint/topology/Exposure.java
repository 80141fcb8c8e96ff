package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Tri;
import io.atolint.model.Workloads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the internet reaches, format-blind, defined once for the rules, the topology and the pictures:
 * internet-facing load balancers, public entry points, public subnets. An unresolved setting is UNKNOWN,
 * never "from the internet".
 */
public final class Exposure {
    private final ResourceGraph graph;
    private final Map<Resource, Tri> facing = new HashMap<>();

    Exposure(ResourceGraph graph) {
        this.graph = graph;
    }

    /**
     * TRUE for an internet-facing load balancer: {@code Scheme: internet-facing}, {@code internal = false},
     * or a declared load balancer that states neither (AWS's default is internet-facing); for one whose
     * configuration is not stated (drawn), TRUE when traffic reaches it from outside AWS or an internet
     * gateway. UNKNOWN when the scheme is unresolved (a parameter without default, a variable).
     */
    public synchronized Tri internetFacing(Resource lb) {
        return facing.computeIfAbsent(lb, this::decideFacing);
    }

    private Tri decideFacing(Resource lb) {
        Setting scheme = Setting.of(lb, "Scheme");
        if (scheme.present()) {
            Optional<String> s = scheme.string().map(v -> v.toLowerCase(Locale.ROOT));
            if (s.isEmpty()) {
                return Tri.UNKNOWN;
            }
            return s.get().equals("internet-facing") ? Tri.TRUE : s.get().equals("internal") ? Tri.FALSE : Tri.UNKNOWN;
        }
        Setting internal = Setting.of(lb, "Internal");
        if (internal.present()) {
            return internal.value().asBool().not();
        }
        if (Setting.of(lb, "Subnets").written() || Setting.of(lb, "Listeners").written()) {
            return Tri.TRUE;
        }
        for (RelationType t : new RelationType[] {RelationType.ROUTES_TO, RelationType.CONNECTS_OUTSIDE}) {
            for (Resource src : graph.sources(lb, t)) {
                if (src.kind().isOutsideAws() || src.placement().scope() == Placement.Scope.OUTSIDE_AWS
                        || src.kind() == Kind.INTERNET_GATEWAY || Workloads.INGRESS.contains(src.kind())
                        && src.kind() != Kind.VPN_CONNECTION && src.kind() != Kind.DX_CONNECTION) {
                    return Tri.TRUE;
                }
            }
        }
        return Tri.UNKNOWN;
    }

    /**
     * Whether the internet reaches a resource directly: an internet-facing load balancer (UNKNOWN when its
     * scheme is unresolved), a CloudFront distribution, an API Gateway, a Global Accelerator, an internet
     * gateway. FALSE for anything else.
     */
    public Tri publicEntry(Resource r) {
        return switch (r.kind()) {
            case LOAD_BALANCER -> internetFacing(r);
            case CLOUDFRONT_DISTRIBUTION, API_GATEWAY, GLOBAL_ACCELERATOR, INTERNET_GATEWAY -> Tri.TRUE;
            default -> Tri.FALSE;
        };
    }

    /**
     * Whether a subnet is public: TRUE when it routes to an internet gateway or maps public IPs on launch;
     * a drawn subnet is what its label or colour says (public, private), else UNKNOWN; an IaC subnet whose
     * public-IP setting is unresolved is UNKNOWN.
     */
    public Tri publicSubnet(Resource subnet) {
        if (!internetRoutes(subnet).isEmpty()) {
            return Tri.TRUE;
        }
        Optional<String> drawn = subnet.meta("subnetType").map(t -> t.toLowerCase(Locale.ROOT));
        if (drawn.isPresent()) {
            return drawn.get().contains("public") ? Tri.TRUE : drawn.get().contains("private") ? Tri.FALSE : Tri.UNKNOWN;
        }
        return mapsPublicIp(subnet);
    }

    /** Whether instances launched in a subnet get a public IP ({@code MapPublicIpOnLaunch}; FALSE when omitted). */
    public Tri mapsPublicIp(Resource subnet) {
        return Setting.of(subnet, "MapPublicIpOnLaunch").boolOrDefault();
    }

    /** The routes of a subnet's route tables to an internet gateway. */
    public List<Relation> internetRoutes(Resource subnet) {
        List<Relation> out = new ArrayList<>();
        for (Resource table : graph.targets(subnet, RelationType.ROUTES_TO)) {
            for (Relation route : graph.outgoing(table, RelationType.ROUTES_TO)) {
                if (route.target().kind() == Kind.INTERNET_GATEWAY) {
                    out.add(route);
                }
            }
        }
        return out;
    }
}
