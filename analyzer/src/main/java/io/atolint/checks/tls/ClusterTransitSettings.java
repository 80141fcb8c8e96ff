package io.atolint.checks.tls;

import io.atolint.checks.support.JsonValues;
import io.atolint.checks.support.Refs;
import io.atolint.model.Setting;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.topology.TransitEncryption;

import java.util.List;
import java.util.Optional;

/**
 * Transit encryption of the clusters that keep or move data outside the topology's data tiers: MemoryDB
 * ({@code TLSEnabled}, on by default), DAX ({@code ClusterEndpointEncryptionType}, {@code NONE} by
 * default) and EMR (in-transit encryption of its security configuration; no security configuration
 * means none).
 */
final class ClusterTransitSettings {
    static final List<Kind> KINDS = List.of(Kind.MEMORYDB_CLUSTER, Kind.DAX_CLUSTER, Kind.EMR_CLUSTER);

    private ClusterTransitSettings() {
    }

    static TransitEncryption of(ResourceGraph graph, Resource r) {
        return switch (r.kind()) {
            case MEMORYDB_CLUSTER -> memoryDb(r);
            case DAX_CLUSTER -> dax(r);
            default -> emr(graph, r);
        };
    }

    private static TransitEncryption memoryDb(Resource r) {
        Setting tls = Setting.of(r, "TLSEnabled");
        if (tls.omitted()) {
            return new TransitEncryption(Tri.TRUE, tls.name() + " is omitted (on by default)", r.location());
        }
        return new TransitEncryption(tls.unknown() ? Tri.UNKNOWN : tls.bool(), tls.name() + " is " + tls.shown(), tls.at());
    }

    private static TransitEncryption dax(Resource r) {
        Setting type = Setting.of(r, "ClusterEndpointEncryptionType");
        if (type.omitted()) {
            return new TransitEncryption(Tri.FALSE, type.name() + " is omitted (default: NONE)", r.location());
        }
        if (type.unknown() || type.string().isEmpty()) {
            return new TransitEncryption(Tri.UNKNOWN, type.name() + " is " + type.shown(), type.at());
        }
        return new TransitEncryption(Tri.of(type.string().get().equalsIgnoreCase("TLS")), type.name() + " is " + type.shown(),
                type.at());
    }

    private static TransitEncryption emr(ResourceGraph graph, Resource r) {
        Setting ref = Setting.of(r, "SecurityConfiguration");
        if (ref.omitted()) {
            return new TransitEncryption(Tri.FALSE, "it has no security configuration (in-transit encryption is off)",
                    r.location());
        }
        Optional<Resource> config = Refs.targets(graph, ref.value(), Kind.EMR_SECURITY_CONFIGURATION).stream().findFirst();
        if (config.isEmpty() && ref.string().isPresent()) {
            config = graph.resources(Kind.EMR_SECURITY_CONFIGURATION).stream()
                    .filter(c -> Setting.of(c, "Name").string().filter(ref.string().get()::equals).isPresent())
                    .findFirst();
        }
        if (config.isEmpty()) {
            return new TransitEncryption(Tri.UNKNOWN, "its security configuration " + ref.shown()
                    + " is not in the scanned files", ref.at());
        }
        Resource c = config.get();
        Optional<Value> body = Optional.ofNullable(Setting.of(c, "Configuration").value());
        if (body.isPresent() && body.get() instanceof Value.Scalar s && s.value() instanceof String json) {
            body = JsonValues.parse(json, s.location(), null);
        }
        if (body.isEmpty() || !(body.get() instanceof Value.MapV)) {
            return new TransitEncryption(Tri.UNKNOWN, "security configuration " + c.displayName() + " is "
                    + Setting.of(c, "Configuration").shown(), c.location());
        }
        Setting transit = Setting.in(c, "@EmrSecurityConfiguration", body.get(), "EnableInTransitEncryption");
        if (transit.unknown()) {
            return new TransitEncryption(Tri.UNKNOWN, "security configuration " + c.displayName()
                    + " sets EnableInTransitEncryption to " + transit.shown(), transit.at());
        }
        Tri on = transit.boolOrDefault();
        return new TransitEncryption(on, "security configuration " + c.displayName() + (on.isTrue()
                ? " enables in-transit encryption" : transit.omitted() ? " does not enable in-transit encryption"
                : " sets EnableInTransitEncryption to " + transit.shown()), transit.omitted() ? c.location() : transit.at());
    }
}
