package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Tri;
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
}
