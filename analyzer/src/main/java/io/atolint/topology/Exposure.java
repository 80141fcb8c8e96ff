package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.Workloads;

import java.util.Locale;
import java.util.Optional;

/** Whether a load balancer faces the internet, format-blind. */
public final class Exposure {
    private Exposure() {
    }

    /**
     * TRUE for an internet-facing load balancer: {@code Scheme: internet-facing}, {@code internal = false},
     * or a declared load balancer that states neither (AWS's default is internet-facing); for one whose
     * configuration is not stated (drawn), TRUE when traffic reaches it from outside AWS or an internet
     * gateway.
     */
    public static Tri internetFacing(Resource lb, ResourceGraph graph) {
        Optional<Value> scheme = lb.attr("Scheme", "scheme");
        if (scheme.isPresent()) {
            Optional<String> s = scheme.get().asString().map(v -> v.toLowerCase(Locale.ROOT));
            if (s.isEmpty()) {
                return Tri.UNKNOWN;
            }
            return s.get().equals("internet-facing") ? Tri.TRUE : s.get().equals("internal") ? Tri.FALSE : Tri.UNKNOWN;
        }
        Optional<Value> internal = lb.attr("internal");
        if (internal.isPresent()) {
            return internal.get().asBool().not();
        }
        if (lb.attributes().has("Subnets") || lb.attributes().has("SubnetMappings") || lb.attributes().has("subnet_mapping")
                || lb.attributes().has("AvailabilityZones") || lb.attributes().has("Listeners") || lb.attributes().has("listener")) {
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
}
