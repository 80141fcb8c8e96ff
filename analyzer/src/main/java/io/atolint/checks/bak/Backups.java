package io.atolint.checks.bak;

import io.atolint.checks.support.Refs;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Backup selections and what they cover: resources named by reference or ARN (wildcards by
 * service), or chosen by tag ({@code ListOfTags}/{@code selection_tag}, STRINGEQUALS). Three-valued:
 * a selection or tag that cannot be resolved covers UNKNOWN.
 */
final class Backups {
    private Backups() {
    }

    /** Kinds holding data that AWS Backup protects. */
    static final Kind[] STATEFUL = {Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.DYNAMODB_TABLE, Kind.EFS_FILE_SYSTEM,
            Kind.EBS_VOLUME, Kind.FSX_FILE_SYSTEM, Kind.DOCDB_CLUSTER, Kind.NEPTUNE_CLUSTER};

    /** The ARN service and resource-type fragment of each stateful kind. */
    private static final Map<Kind, String[]> ARN = Map.of(
            Kind.RDS_INSTANCE, new String[]{"rds", ":db:"},
            Kind.AURORA_CLUSTER, new String[]{"rds", ":cluster:"},
            Kind.DOCDB_CLUSTER, new String[]{"rds", ":cluster:"},
            Kind.NEPTUNE_CLUSTER, new String[]{"rds", ":cluster:"},
            Kind.DYNAMODB_TABLE, new String[]{"dynamodb", ":table/"},
            Kind.EFS_FILE_SYSTEM, new String[]{"elasticfilesystem", ":file-system/"},
            Kind.EBS_VOLUME, new String[]{"ec2", ":volume/"},
            Kind.FSX_FILE_SYSTEM, new String[]{"fsx", ":file-system/"});

    /** Whether {@code selection} covers {@code r}. */
    static Tri covers(ResourceGraph graph, Resource selection, Resource r) {
        Tri result = Tri.FALSE;
        for (Value v : Setting.of(selection, "Resources").items()) {
            result = result.or(coversByName(graph, v, r));
        }
        for (Value t : Setting.of(selection, "ListOfTags").items()) {
            result = result.or(coversByTag(selection, t, r));
        }
        return result;
    }

    private static Tri coversByName(ResourceGraph graph, Value v, Resource r) {
        if (Refs.targetIds(v).contains(r.id())) {
            return Tri.TRUE;
        }
        Optional<String> s = v.asString();
        if (s.isEmpty()) {
            return Refs.targetIds(v).isEmpty() ? Tri.UNKNOWN : Tri.FALSE;
        }
        String arn = s.get().trim().toLowerCase(Locale.ROOT);
        if (arn.equals("*")) {
            return Tri.TRUE;
        }
        String[] parts = arn.split(":", 6);
        String[] mine = ARN.get(r.kind());
        if (parts.length < 3 || mine == null || !arn.contains("*")) {
            return Tri.FALSE;
        }
        if (!parts[2].equals("*") && !parts[2].equals(mine[0])) {
            return Tri.FALSE;
        }
        String resource = parts.length == 6 ? parts[5] : "*";
        String type = mine[1].replace(":", "");
        if (resource.equals("*") || resource.equals(type + "*") || resource.equals(type + ":*")) {
            return Tri.TRUE;
        }
        // A name pattern: the files rarely give the physical name it would match.
        return resource.startsWith(type.replace("/", "")) ? Tri.UNKNOWN : Tri.FALSE;
    }

    private static Tri coversByTag(Resource selection, Value t, Resource r) {
        Optional<String> type = Setting.in(selection, "@TagCondition", t, "Type").string();
        Optional<String> key = Setting.in(selection, "@TagCondition", t, "Key").string();
        Optional<String> value = Setting.in(selection, "@TagCondition", t, "Value").string();
        if (type.isEmpty() || key.isEmpty() || value.isEmpty()) {
            return Tri.UNKNOWN;
        }
        if (!type.get().equalsIgnoreCase("STRINGEQUALS")) {
            return Tri.UNKNOWN;
        }
        Map<String, Value> tags = tags(r);
        if (tags == null) {
            return Tri.UNKNOWN;
        }
        Value v = tags.get(key.get());
        if (v == null) {
            return Tri.FALSE;
        }
        return v.asString().map(x -> Tri.of(x.equals(value.get()))).orElse(Tri.UNKNOWN);
    }

    /** A resource's tags: CloudFormation's list of Key/Value, Terraform's map; null when unresolved. */
    static Map<String, Value> tags(Resource r) {
        Setting t = Setting.of(r, "Tags");
        Map<String, Value> out = new LinkedHashMap<>();
        if (t.omitted()) {
            return out;
        }
        if (t.value() instanceof Value.MapV m) {
            if (m.unknownRest() != null) {
                return null;
            }
            out.putAll(m.entries());
            return out;
        }
        if (t.value() instanceof Value.ListV l) {
            for (Value e : l.items()) {
                Optional<String> k = Setting.in(r, "@Tag", e, "Key").string();
                Setting v = Setting.in(r, "@Tag", e, "Value");
                if (k.isEmpty() || v.omitted()) {
                    return null;
                }
                out.put(k.get(), v.value());
            }
            return out;
        }
        return null;
    }

    /** Every backup selection of the scan. */
    static List<Resource> selections(ResourceGraph graph) {
        return new ArrayList<>(graph.resources(Kind.BACKUP_SELECTION));
    }

    /** The stateful resources a rule about backups looks at: cluster members and replicas excluded. */
    static List<Resource> stateful(ResourceGraph graph) {
        List<Resource> out = new ArrayList<>();
        for (Kind k : STATEFUL) {
            for (Resource r : graph.resources(k)) {
                if (k == Kind.RDS_INSTANCE && (Setting.of(r, "DBClusterIdentifier").present()
                        || Setting.of(r, "SourceDBInstanceIdentifier").present())) {
                    continue;
                }
                out.add(r);
            }
        }
        return out;
    }
}
