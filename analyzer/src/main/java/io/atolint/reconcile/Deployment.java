package io.atolint.reconcile;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.topology.Facts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IaC side of a pair: its resources grouped into units (the instances of one Terraform
 * {@code count}/{@code for_each} block form one unit, which a diagram may draw as one icon or one icon per
 * instance), and for each resource its names, its subnets and their role, and its AZs.
 */
final class Deployment {
    /** A resource, or the instances of one counted block. */
    record Unit(String key, List<Resource> members) {
        Resource first() {
            return members.get(0);
        }

        boolean counted() {
            return members.size() > 1 || first().meta().containsKey("block");
        }


        /** {@code aws_instance.app} for a counted block, the resource's name otherwise. */
        String name() {
            if (members.size() == 1 && !first().meta().containsKey("block")) {
                return first().displayName();
            }
            String block = first().meta().get("block");
            return block != null ? block : first().name().substring(0, Math.max(0, first().name().lastIndexOf('[')));
        }

        /** {@code aws_instance.app (2 instances)}. */
        String display() {
            return members.size() == 1 ? name() : name() + " (" + members.size() + " instances)";
        }
    }

    private final ResourceGraph graph;
    private final Facts facts;
    private final List<Model> models;
    private final List<Resource> resources = new ArrayList<>();
    private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    private final List<Unit> units = new ArrayList<>();
    private final Map<Resource, Unit> unitOf = new HashMap<>();
    private final Map<Resource, List<Words.Parsed>> names = new HashMap<>();
    private final Map<Resource, Map<String, String>> nameSources = new HashMap<>();

    Deployment(Facts facts, List<Model> models) {
        this.facts = facts;
        this.graph = facts.graph();
        this.models = List.copyOf(models);
        Map<String, List<Resource>> blocks = new LinkedHashMap<>();
        for (Model m : models) {
            for (Resource r : m.resources()) {
                resources.add(r);
                kinds.add(r.kind());
                String block = r.meta().get("block");
                if (block == null && r.format().name().startsWith("TERRAFORM") && r.name().endsWith("]")) {
                    block = r.name().substring(0, r.name().lastIndexOf('[')); // a modelled module's counted resource
                }
                blocks.computeIfAbsent(block == null ? "resource " + r.id() : m.unit() + " block " + block,
                        k -> new ArrayList<>()).add(r);
            }
        }
        blocks.forEach((k, members) -> {
            Unit u = new Unit(k, List.copyOf(members));
            units.add(u);
            members.forEach(r -> unitOf.put(r, u));
        });
    }

    ResourceGraph graph() {
        return graph;
    }

    Facts facts() {
        return facts;
    }

    List<Model> models() {
        return models;
    }

    List<Resource> resources() {
        return resources;
    }

    List<Unit> units() {
        return units;
    }

    Unit unitOf(Resource r) {
        return unitOf.get(r);
    }

    boolean has(Kind k) {
        return kinds.contains(k);
    }

    /** The names of a resource, as words. */
    List<Words.Parsed> names(Resource r) {
        return names.computeIfAbsent(r, x -> {
            List<Words.Parsed> out = new ArrayList<>();
            for (String n : nameSources(x).keySet()) {
                out.add(Words.parse(n));
            }
            return out;
        });
    }

    private Map<String, List<Resource>> byWords;

    /** The resources one of whose names has exactly these words (in any order). */
    List<Resource> namedExactly(List<String> words) {
        if (byWords == null) {
            byWords = new HashMap<>();
            for (Resource r : resources) {
                for (String n : nameSources(r).keySet()) {
                    List<Resource> list = byWords.computeIfAbsent(wordsKey(Words.allWords(n)), k -> new ArrayList<>());
                    if (!list.contains(r)) {
                        list.add(r);
                    }
                }
            }
        }
        return byWords.getOrDefault(wordsKey(words), List.of());
    }

    static String wordsKey(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(null);
        return String.join(" ", sorted);
    }

    /** Each name and where it comes from. */
    Map<String, String> nameSources(Resource r) {
        return nameSources.computeIfAbsent(r, IacNames::of);
    }

    /** The subnets a resource runs in (the facts' VPC membership: containment, else its placement's evidence). */
    List<Resource> subnetsOf(Resource r) {
        return subnets.computeIfAbsent(r, x -> facts.vpcs().subnetsOf(x));
    }

    private final Map<Resource, List<Resource>> subnets = new HashMap<>();
    private final Map<Resource, String> roles = new HashMap<>();

    /** {@code public}, {@code private}, or empty when the facts cannot tell. */
    String subnetRole(Resource subnet) {
        Tri pub = facts.exposure().publicSubnet(subnet);
        return pub.isTrue() ? "public" : pub.isFalse() ? "private" : "";
    }

    /** The role of the subnets a resource runs in, when they all agree. */
    String roleOf(Resource r) {
        return roles.computeIfAbsent(r, this::findRole);
    }

    private String findRole(Resource r) {
        if (r.kind() == Kind.SUBNET) {
            return subnetRole(r);
        }
        String role = null;
        for (Resource s : subnetsOf(r)) {
            String sr = subnetRole(s);
            if (sr.isEmpty() || (role != null && !role.equals(sr))) {
                return "";
            }
            role = sr;
        }
        return role == null ? "" : role;
    }

    /** The VPC a resource is in, when the files say. */
    Optional<Resource> vpcOf(Resource r) {
        return Optional.ofNullable(facts.vpcs().of(r).vpc());
    }

    /** The AZs a resource may run in (its placement's, known ones). */
    static List<Az> azs(Resource r) {
        Placement p = r.placement();
        if (p.scope() != Placement.Scope.ZONAL && p.scope() != Placement.Scope.ONE_OF) {
            return List.of();
        }
        return p.azs().stream().filter(Az::isKnown).toList();
    }

    /** A database that is a read replica of another: the one it replicates, if in the files. */
    Optional<Resource> replicaSource(Resource r) {
        if (r.kind() != Kind.RDS_INSTANCE) {
            return Optional.empty();
        }
        for (String property : new String[] {"SourceDBInstanceIdentifier", "SourceDBClusterIdentifier"}) {
            Setting s = Setting.of(r, property);
            if (!s.written()) {
                continue;
            }
            if (s.value() instanceof Value.Ref ref) {
                return graph.resource(ref.targetId());
            }
            for (Resource t : graph.targets(r, RelationType.REFERENCES)) {
                if (t.kind() == r.kind()) {
                    return Optional.of(t);
                }
            }
            return Optional.of(r); // a source outside the files: still a replica
        }
        return Optional.empty();
    }

    /** The read replicas of a database in the files. */
    List<Resource> replicasOf(Resource primary) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            if (r != primary && r.kind() == primary.kind() && replicaSource(r).filter(primary::equals).isPresent()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The instances of a cluster (Aurora, DocumentDB, Neptune): resources of the members' kind that name it. */
    List<Resource> membersOf(Resource cluster) {
        Kind member = switch (cluster.kind()) {
            case AURORA_CLUSTER -> Kind.RDS_INSTANCE;
            case DOCDB_CLUSTER -> Kind.DOCDB_INSTANCE;
            case NEPTUNE_CLUSTER -> Kind.NEPTUNE_INSTANCE;
            default -> null;
        };
        if (member == null) {
            return List.of();
        }
        List<Resource> out = new ArrayList<>();
        for (Resource r : graph.sources(cluster, RelationType.REFERENCES)) {
            if (r.kind() == member && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The cluster an instance belongs to, if any. */
    Optional<Resource> clusterOf(Resource instance) {
        for (Resource t : graph.targets(instance, RelationType.REFERENCES)) {
            if ((instance.kind() == Kind.RDS_INSTANCE && t.kind() == Kind.AURORA_CLUSTER)
                    || (instance.kind() == Kind.DOCDB_INSTANCE && t.kind() == Kind.DOCDB_CLUSTER)
                    || (instance.kind() == Kind.NEPTUNE_INSTANCE && t.kind() == Kind.NEPTUNE_CLUSTER)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Multi-AZ standby of an RDS instance: TRUE, FALSE (omitted: the default is single-AZ) or UNKNOWN. */
    static Tri multiAz(Resource r) {
        return Setting.of(r, "MultiAZ").boolOrDefault();
    }
}
