package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

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
            case ELASTICACHE_CLUSTER, ELASTICACHE_REPLICATION_GROUP -> cache(r);
            case RDS_INSTANCE -> database(graph, r, "DBParameterGroupName");
            case AURORA_CLUSTER -> database(graph, r, "DBClusterParameterGroupName");
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

    /** ElastiCache: transit encryption on, and in {@code required} mode ({@code preferred} still accepts clear text). */
    private static TransitEncryption cache(Resource r) {
        TransitEncryption on = flag(r, "TransitEncryptionEnabled");
        Setting mode = Setting.find(r, "TransitEncryptionMode").orElse(null);
        if (!on.enforced().isTrue() || mode == null || mode.omitted()) {
            return on;
        }
        if (mode.unknown()) {
            return new TransitEncryption(Tri.UNKNOWN, mode.name() + " is " + mode.shown(), mode.at());
        }
        boolean preferred = mode.string().filter("preferred"::equalsIgnoreCase).isPresent();
        return preferred ? new TransitEncryption(Tri.FALSE, mode.name() + " is preferred: clients may still connect without TLS",
                mode.at()) : on;
    }

    private static TransitEncryption flag(Resource r, String property) {
        Setting s = Setting.of(r, property);
        if (s.omitted()) {
            return new TransitEncryption(s.boolOrDefault(), s.name() + " is omitted (off by default)", r.location());
        }
        return new TransitEncryption(s.bool(), s.name() + " is " + s.value().describe(), s.at());
    }

    /** RDS and Aurora: rds.force_ssl (PostgreSQL, SQL Server) or require_secure_transport (MySQL, MariaDB). */
    private static TransitEncryption database(ResourceGraph graph, Resource r, String groupProperty) {
        String engine = engine(graph, r);
        String param = engine.contains("postgres") || engine.contains("sqlserver") ? "rds.force_ssl"
                : engine.contains("mysql") || engine.contains("mariadb") || engine.equals("aurora")
                ? "require_secure_transport" : null;
        if (param == null) {
            return new TransitEncryption(Tri.UNKNOWN, engine.isEmpty() ? "its engine is not known"
                    : "TLS enforcement for engine " + engine + " is not read", r.location());
        }
        Setting groupSetting = Setting.of(r, groupProperty);
        Optional<Resource> group = Optional.ofNullable(groupSetting.value()).filter(Value.Ref.class::isInstance)
                .flatMap(v -> graph.resource(((Value.Ref) v).targetId()));
        if (groupSetting.present() && group.isEmpty()) {
            return new TransitEncryption(Tri.UNKNOWN, "its parameter group is not in the scanned files", groupSetting.at());
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
            Setting versionValue = Setting.of(r, "EngineVersion");
            Optional<String> version = versionValue.string();
            if (version.isEmpty()) {
                return new TransitEncryption(Tri.UNKNOWN, "rds.force_ssl defaults to 1 from PostgreSQL 15 and the "
                        + "engine version is " + (versionValue.present() ? versionValue.value().describe() : "not stated"),
                        versionValue.at());
            }
            Integer major = major(version.get());
            if (major == null) {
                return new TransitEncryption(Tri.UNKNOWN, "engine version " + version.get() + " is not a number",
                        versionValue.at());
            }
            return new TransitEncryption(Tri.of(major >= 15), "rds.force_ssl is not set and defaults to "
                    + (major >= 15 ? "1" : "0") + " for PostgreSQL " + version.get(), versionValue.at());
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
        return Setting.of(r, "Engine").string().orElse("").toLowerCase(Locale.ROOT);
    }

    /**
     * The value a parameter group gives {@code name}: present when set, an UNKNOWN value when the group's
     * parameters are not resolved (a condition, a parameter without default, a drawn group), empty when
     * the group provably does not set it.
     */
    private static Optional<Value> parameter(Resource group, String name) {
        if (group.kind() != Kind.DB_PARAMETER_GROUP && group.kind() != Kind.DB_CLUSTER_PARAMETER_GROUP) {
            return Optional.empty(); // a reference to something else sets no parameter
        }
        Setting params = Setting.of(group, "Parameters");
        if (params.present()) {
            Value ps = params.value();
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
        Setting blocks = Setting.of(group, "ParameterBlocks");
        if (blocks.present() && unresolved(blocks.value())) {
            return Optional.of(blocks.value());
        }
        Value undecided = null;
        for (Value p : blocks.items()) {
            if (unresolved(p)) {
                undecided = undecided == null ? p : undecided;
                continue;
            }
            Setting n = Setting.in(group, "@DbParameter", p, "Name");
            if (n.present() && unresolved(n.value())) {
                undecided = undecided == null ? n.value() : undecided;
                continue;
            }
            if (n.string().filter(name::equals).isPresent()) {
                return Optional.ofNullable(Setting.in(group, "@DbParameter", p, "Value").value());
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
        Optional<Resource> group = Optional.ofNullable(Setting.of(r, "DBClusterParameterGroupName").value())
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
        Optional<Resource> group = Optional.ofNullable(Setting.of(r, "ClusterParameterGroupName").value())
                .filter(Value.Ref.class::isInstance).flatMap(v -> graph.resource(((Value.Ref) v).targetId()))
                .filter(g -> g.kind() == Kind.REDSHIFT_PARAMETER_GROUP);
        if (group.isPresent()) {
            for (Value p : Setting.of(group.get(), "Parameters").blocks()) {
                Optional<String> name = Setting.in(group.get(), "@RedshiftParameter", p, "Name").string();
                if (name.filter("require_ssl"::equals).isPresent()) {
                    Optional<Value> value = Optional.ofNullable(Setting.in(group.get(), "@RedshiftParameter", p, "Value").value());
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
        Tri nodeToNode = Setting.of(r, "NodeToNodeEncryption").boolOrDefault();
        Tri https = Setting.of(r, "EnforceHTTPS").boolOrDefault();
        Tri both = nodeToNode.and(https);
        String why = (nodeToNode.isTrue() ? "" : "node-to-node encryption is " + (nodeToNode.isFalse() ? "off" : "UNKNOWN"))
                + (!nodeToNode.isTrue() && !https.isTrue() ? " and " : "")
                + (https.isTrue() ? "" : "HTTPS is " + (https.isFalse() ? "not enforced" : "UNKNOWN"));
        Setting nodeToNodeBlock = Setting.of(r, "NodeToNodeEncryptionOptions");
        Setting endpointBlock = Setting.of(r, "DomainEndpointOptions");
        SourceLocation at = !nodeToNode.isTrue() && nodeToNodeBlock.written() ? nodeToNodeBlock.at()
                : endpointBlock.written() ? endpointBlock.at() : nodeToNodeBlock.at();
        return new TransitEncryption(both, both.isTrue() ? "node-to-node encryption and enforced HTTPS" : why, at);
    }

    /** The last key of a nested setting's path, as written ({@code client_broker} of {@code encryption_info...}). */
    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static TransitEncryption kafka(Resource r) {
        Setting clientBrokerSetting = Setting.of(r, "ClientBroker");
        String clientBroker = clientBrokerSetting.stringOrDefault().orElse("").toUpperCase(Locale.ROOT);
        Tri inCluster = Setting.of(r, "InCluster").boolOrDefault();
        SourceLocation at = Setting.of(r, "EncryptionInfo").at();
        if (!clientBroker.equals("TLS")) {
            return new TransitEncryption(Tri.FALSE, leaf(clientBrokerSetting.name()) + " is " + clientBroker, at);
        }
        if (inCluster.isFalse()) {
            return new TransitEncryption(Tri.FALSE, "InCluster encryption is off", at);
        }
        return new TransitEncryption(inCluster, "client-broker TLS", at);
    }

    /** EFS: TLS is the client's mount option; the file system can refuse other clients with aws:SecureTransport. */
    private static TransitEncryption fileSystem(ResourceGraph graph, Resource r) {
        Setting policySetting = Setting.of(r, "FileSystemPolicy");
        Optional<Value> policy = Optional.ofNullable(policySetting.value());
        boolean secure = policy.map(v -> v.toString().contains("aws:SecureTransport")).orElse(false);
        String undecided = policy.filter(TransitEncryption::holdsUnresolved).map(v -> "its file system policy is "
                + (v.isUnknown() || v instanceof Value.Symbol ? v.describe() : "not fully resolved")).orElse(null);
        for (Resource s : graph.sources(r, io.atolint.model.RelationType.REFERENCES)) {
            // Terraform states the policy in its own resource (aws_efs_file_system_policy).
            secure |= s.attributes().toString().contains("aws:SecureTransport");
            Optional<Value> own = s.kind() == Kind.EFS_FILE_SYSTEM_POLICY
                    ? Optional.ofNullable(Setting.of(s, "Policy").value()) : Optional.empty();
            if (undecided == null && own.isPresent() && holdsUnresolved(own.get())) {
                undecided = "the policy of " + s.displayName() + " is not resolved";
            }
        }
        if (!secure && undecided != null) {
            return new TransitEncryption(Tri.UNKNOWN, undecided, policySetting.at());
        }
        return new TransitEncryption(Tri.of(secure), secure ? "its file system policy requires aws:SecureTransport"
                : "no file system policy denies clients without TLS (aws:SecureTransport)",
                policySetting.at());
    }
}
