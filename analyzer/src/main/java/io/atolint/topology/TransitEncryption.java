package io.atolint.topology;

import io.atolint.checks.support.Setting;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a data store refuses clients that do not use TLS, from its own settings and its parameter
 * group, format-blind.
 *
 * @param enforced TRUE when TLS is enforced, FALSE when clients may connect in clear, UNKNOWN when the
 *                 files do not say (a parameter, an engine version that decides the default)
 * @param why      the deciding fact
 * @param at       where it is written (or should be)
 */
public record TransitEncryption(Tri enforced, String why, SourceLocation at) {

    /** The store kinds this judges; others (S3, DynamoDB: HTTPS APIs) are not data-store settings. */
    public static boolean appliesTo(Kind k) {
        return switch (k) {
            case RDS_INSTANCE, AURORA_CLUSTER, ELASTICACHE_CLUSTER, ELASTICACHE_REPLICATION_GROUP, REDSHIFT_CLUSTER,
                 OPENSEARCH_DOMAIN, MSK_CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER, EFS_FILE_SYSTEM -> true;
            default -> false;
        };
    }

    static TransitEncryption of(ResourceGraph graph, Resource r) {
        return switch (r.kind()) {
            case ELASTICACHE_CLUSTER, ELASTICACHE_REPLICATION_GROUP -> flag(r, "TransitEncryptionEnabled is",
                    "TransitEncryptionEnabled", "transit_encryption_enabled");
            case RDS_INSTANCE -> database(graph, r, "DBParameterGroupName", "parameter_group_name");
            case AURORA_CLUSTER -> database(graph, r, "DBClusterParameterGroupName", "db_cluster_parameter_group_name");
            case DOCDB_CLUSTER -> parameterDefaultOn(graph, r, "tls", "enabled", "TLS is on by default (parameter tls)");
            case NEPTUNE_CLUSTER -> parameterDefaultOn(graph, r, "neptune_enforce_ssl", "1",
                    "TLS is enforced by default (neptune_enforce_ssl)");
            case REDSHIFT_CLUSTER -> redshift(graph, r);
            case OPENSEARCH_DOMAIN -> search(r);
            case MSK_CLUSTER -> kafka(r);
            case EFS_FILE_SYSTEM -> fileSystem(graph, r);
            default -> new TransitEncryption(Tri.UNKNOWN, "not a data store atolint judges", r.location());
        };
    }

    private static TransitEncryption flag(Resource r, String label, String... names) {
        Optional<Value> v = r.attr(names);
        String name = Setting.spelling(r.format() == Format.TERRAFORM, names);
        if (v.isEmpty()) {
            return new TransitEncryption(Tri.FALSE, name + " is omitted (off by default)", r.location());
        }
        Tri t = v.get().asBool();
        return new TransitEncryption(t, name + " is " + v.get().describe(), r.locationOf(names));
    }

    /** RDS and Aurora: rds.force_ssl (PostgreSQL, SQL Server) or require_secure_transport (MySQL, MariaDB). */
    private static TransitEncryption database(ResourceGraph graph, Resource r, String... groupAttr) {
        String engine = engine(graph, r);
        String param = engine.contains("postgres") || engine.contains("sqlserver") ? "rds.force_ssl"
                : engine.contains("mysql") || engine.contains("mariadb") || engine.equals("aurora")
                ? "require_secure_transport" : null;
        if (param == null) {
            return new TransitEncryption(Tri.UNKNOWN, engine.isEmpty() ? "its engine is not known"
                    : "TLS enforcement for engine " + engine + " is not read", r.location());
        }
        Optional<Resource> group = r.attr(groupAttr).filter(Value.Ref.class::isInstance)
                .flatMap(v -> graph.resource(((Value.Ref) v).targetId()));
        if (r.attr(groupAttr).isPresent() && group.isEmpty()) {
            return new TransitEncryption(Tri.UNKNOWN, "its parameter group is not in the scanned files", r.locationOf(groupAttr));
        }
        if (group.isPresent()) {
            Optional<Value> v = parameter(group.get(), param);
            if (v.isPresent()) {
                String s = v.get().asString().orElse("").toLowerCase(Locale.ROOT);
                if (s.isEmpty()) {
                    return new TransitEncryption(Tri.UNKNOWN, param + " is " + v.get().describe(), v.get().location());
                }
                boolean on = s.equals("1") || s.equals("on") || s.equals("true");
                return new TransitEncryption(Tri.of(on), "parameter group " + group.get().displayName() + " sets "
                        + param + " = " + s, v.get().location());
            }
        }
        if (engine.equals("postgres")) {
            // RDS for PostgreSQL 15 and later enforce SSL by default.
            Optional<Value> versionValue = r.attr("EngineVersion", "engine_version");
            Optional<String> version = versionValue.flatMap(Value::asString);
            if (version.isEmpty()) {
                return new TransitEncryption(Tri.UNKNOWN, "rds.force_ssl defaults to 1 from PostgreSQL 15 and the "
                        + "engine version is " + versionValue.map(Value::describe).orElse("not stated"),
                        r.locationOf("EngineVersion", "engine_version"));
            }
            Integer major = major(version.get());
            if (major == null) {
                return new TransitEncryption(Tri.UNKNOWN, "engine version " + version.get() + " is not a number",
                        r.locationOf("EngineVersion", "engine_version"));
            }
            return new TransitEncryption(Tri.of(major >= 15), "rds.force_ssl is not set and defaults to "
                    + (major >= 15 ? "1" : "0") + " for PostgreSQL " + version.get(), r.locationOf("EngineVersion", "engine_version"));
        }
        return new TransitEncryption(Tri.FALSE, (group.isPresent() ? "parameter group " + group.get().displayName()
                + " does not set " : "no parameter group sets ") + param + " (off by default)",
                group.map(Resource::location).orElse(r.location()));
    }

    private static Integer major(String version) {
        String m = version.split("\\.")[0];
        try {
            return Integer.parseInt(m);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String engine(ResourceGraph graph, Resource r) {
        return r.attr("Engine", "engine").flatMap(Value::asString).orElse("").toLowerCase(Locale.ROOT);
    }

    /**
     * The value a parameter group gives {@code name}: present when set, an UNKNOWN value when the group's
     * parameters are not resolved (a condition, a parameter without default, a drawn group), empty when
     * the group provably does not set it.
     */
    private static Optional<Value> parameter(Resource group, String name) {
        Optional<Value> params = group.attr("Parameters");
        if (params.isPresent()) {
            Value ps = params.get();
            if (unresolved(ps)) {
                return Optional.of(ps);
            }
            if (ps instanceof Value.MapV m) {
                if (m.entries().containsKey(name)) {
                    return Optional.of(m.entries().get(name));
                }
                Optional<Value> v = m.get(name);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        // Terraform: parameter { name = "...", value = "..." } blocks.
        Optional<Value> blocks = group.attr("parameter");
        if (blocks.isPresent() && unresolved(blocks.get())) {
            return blocks;
        }
        Value undecided = null;
        for (Value p : blocks.map(Value::asList).orElse(List.of())) {
            if (unresolved(p)) {
                undecided = undecided == null ? p : undecided;
                continue;
            }
            Optional<Value> n = p.at("name");
            if (n.isPresent() && unresolved(n.get())) {
                undecided = undecided == null ? n.get() : undecided;
                continue;
            }
            if (n.flatMap(Value::asString).filter(name::equals).isPresent()) {
                return p.at("value");
            }
        }
        return Optional.ofNullable(undecided);
    }

    private static boolean unresolved(Value v) {
        return v.isUnknown() || v instanceof Value.Symbol;
    }

    /** Whether a value is, or holds somewhere inside it, something the files do not decide. */
    private static boolean holdsUnresolved(Value v) {
        if (unresolved(v)) {
            return true;
        }
        if (v instanceof Value.MapV m) {
            return m.unknownRest() != null || m.entries().values().stream().anyMatch(TransitEncryption::holdsUnresolved);
        }
        if (v instanceof Value.ListV l) {
            return l.items().stream().anyMatch(TransitEncryption::holdsUnresolved);
        }
        return false;
    }

    private static TransitEncryption parameterDefaultOn(ResourceGraph graph, Resource r, String param, String on,
                                                        String defaultWhy) {
        Optional<Resource> group = r.attr("DBClusterParameterGroupName", "db_cluster_parameter_group_name")
                .filter(Value.Ref.class::isInstance).flatMap(v -> graph.resource(((Value.Ref) v).targetId()));
        if (group.isPresent()) {
            Optional<Value> v = parameter(group.get(), param);
            if (v.isPresent()) {
                String s = v.get().asString().orElse("");
                return new TransitEncryption(s.isEmpty() ? Tri.UNKNOWN : Tri.of(s.equalsIgnoreCase(on)),
                        "parameter group " + group.get().displayName() + " sets " + param + " = " + s, v.get().location());
            }
        }
        return new TransitEncryption(Tri.TRUE, defaultWhy, r.location());
    }

    private static TransitEncryption redshift(ResourceGraph graph, Resource r) {
        Optional<Resource> group = r.attr("ClusterParameterGroupName", "cluster_parameter_group_name")
                .filter(Value.Ref.class::isInstance).flatMap(v -> graph.resource(((Value.Ref) v).targetId()));
        if (group.isPresent()) {
            Optional<Value> params = group.get().attr("Parameters", "parameter");
            for (Value p : params.map(Value::asList).orElse(List.of())) {
                Optional<String> name = p.at("ParameterName").or(() -> p.at("name")).flatMap(Value::asString);
                if (name.filter("require_ssl"::equals).isPresent()) {
                    Optional<Value> value = p.at("ParameterValue").or(() -> p.at("value"));
                    Tri on = value.map(Value::asBool).orElse(Tri.UNKNOWN);
                    return new TransitEncryption(on, "parameter group " + group.get().displayName() + " sets require_ssl = "
                            + value.map(Value::describe).orElse("?"), value.map(Value::location).orElse(group.get().location()));
                }
            }
        }
        return new TransitEncryption(Tri.UNKNOWN, "require_ssl is not set: its default depends on when the cluster "
                + "was created (true for clusters created since January 2025)", r.location());
    }

    private static TransitEncryption search(Resource r) {
        Tri nodeToNode = nested(r, "Enabled", "NodeToNodeEncryptionOptions", "node_to_node_encryption");
        Tri https = nested(r, "EnforceHTTPS", "DomainEndpointOptions", "domain_endpoint_options");
        Tri both = nodeToNode.and(https);
        String why = (nodeToNode.isTrue() ? "" : "node-to-node encryption is " + (nodeToNode.isFalse() ? "off" : "UNKNOWN"))
                + (!nodeToNode.isTrue() && !https.isTrue() ? " and " : "")
                + (https.isTrue() ? "" : "HTTPS is " + (https.isFalse() ? "not enforced" : "UNKNOWN"));
        SourceLocation at = !nodeToNode.isTrue() && r.attributes().has("NodeToNodeEncryptionOptions")
                || !nodeToNode.isTrue() && r.attributes().has("node_to_node_encryption")
                ? r.locationOf("NodeToNodeEncryptionOptions", "node_to_node_encryption")
                : r.locationOf("DomainEndpointOptions", "domain_endpoint_options", "NodeToNodeEncryptionOptions",
                        "node_to_node_encryption");
        return new TransitEncryption(both, both.isTrue() ? "node-to-node encryption and enforced HTTPS" : why, at);
    }

    /**
     * A boolean inside a block written under one of {@code blockNames}: FALSE when omitted (off by
     * default), UNKNOWN when the block or the flag is not resolved.
     */
    private static Tri nested(Resource r, String flag, String... blockNames) {
        String block = blockNames[0];
        for (String n : blockNames) {
            if (r.attributes().has(n)) {
                block = n;
                break;
            }
        }
        Setting s = Setting.at(r.attributes(), r.location(), block, flag);
        return s.boolOr(false);
    }

    private static TransitEncryption kafka(Resource r) {
        Optional<Value> inTransit = r.attr("EncryptionInfo", "encryption_info").flatMap(v -> v.at("EncryptionInTransit"));
        String clientBroker = inTransit.flatMap(v -> v.at("ClientBroker")).flatMap(Value::asString).orElse("TLS")
                .toUpperCase(Locale.ROOT);
        Tri inCluster = inTransit.flatMap(v -> v.at("InCluster")).map(Value::asBool).orElse(Tri.TRUE);
        SourceLocation at = r.locationOf("EncryptionInfo", "encryption_info");
        if (!clientBroker.equals("TLS")) {
            return new TransitEncryption(Tri.FALSE, "ClientBroker is " + clientBroker, at);
        }
        if (inCluster.isFalse()) {
            return new TransitEncryption(Tri.FALSE, "InCluster encryption is off", at);
        }
        return new TransitEncryption(inCluster, "client-broker TLS", at);
    }

    /** EFS: TLS is the client's mount option; the file system can refuse other clients with aws:SecureTransport. */
    private static TransitEncryption fileSystem(ResourceGraph graph, Resource r) {
        Optional<Value> policy = r.attr("FileSystemPolicy", "policy");
        boolean secure = policy.map(v -> v.toString().contains("aws:SecureTransport")).orElse(false);
        String undecided = policy.filter(TransitEncryption::holdsUnresolved).map(v -> "its file system policy is "
                + (v.isUnknown() || v instanceof Value.Symbol ? v.describe() : "not fully resolved")).orElse(null);
        for (Resource s : graph.sources(r, io.atolint.model.RelationType.REFERENCES)) {
            // Terraform states the policy in its own resource (aws_efs_file_system_policy).
            secure |= s.attributes().toString().contains("aws:SecureTransport");
            Optional<Value> own = s.attr("policy");
            if (undecided == null && own.isPresent() && holdsUnresolved(own.get())) {
                undecided = "the policy of " + s.displayName() + " is not resolved";
            }
        }
        if (!secure && undecided != null) {
            return new TransitEncryption(Tri.UNKNOWN, undecided, r.locationOf("FileSystemPolicy", "policy"));
        }
        return new TransitEncryption(Tri.of(secure), secure ? "its file system policy requires aws:SecureTransport"
                : "no file system policy denies clients without TLS (aws:SecureTransport)",
                r.locationOf("FileSystemPolicy", "policy"));
    }
}
