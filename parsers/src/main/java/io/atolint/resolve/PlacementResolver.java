package io.atolint.resolve;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes every resource's {@link Placement} from resolved attributes, format-blind: a subnet's AZ
 * ({@code AvailabilityZone}/{@code AvailabilityZoneId}), then what sits in subnets (instances, ENIs,
 * NAT gateways, load balancers, ASGs, ECS services, Lambda in a VPC, EFS mount targets, EKS node
 * groups), databases through their subnet group and Multi-AZ setting, and AWS-managed regional
 * services. A placement a diagram parser set already is kept.
 */
public final class PlacementResolver {
    private final Model model;
    /** {@link #containerInstanceGroups()}, made on first use. */
    private Map<String, List<Resource>> clusterGroups;
    private final Map<Resource, Placement> memo = new HashMap<>();
    private final Set<Resource> inProgress = new HashSet<>();

    public PlacementResolver(Model model) {
        this.model = model;
    }

    /** Sets the placement of every resource of the model that has none yet. */
    public void resolveAll() {
        for (Resource r : model.resources()) {
            if (r.placement().scope() == Placement.Scope.NONE) {
                r.setPlacement(placementOf(r));
            }
        }
    }

    public Placement placementOf(Resource r) {
        if (r.placement().scope() != Placement.Scope.NONE) {
            return r.placement();
        }
        Placement p = memo.get(r);
        if (p != null) {
            return p;
        }
        if (!inProgress.add(r)) {
            return Placement.unknown("placement depends on itself");
        }
        p = compute(r);
        inProgress.remove(r);
        memo.put(r, p);
        return p;
    }

    /** The AZ of a subnet resource. */
    Az subnetAz(Resource subnet) {
        Optional<Value> az = azValue(subnet);
        if (az.isEmpty()) {
            return Az.unknown("subnet " + subnet.name() + " has no AvailabilityZone: AWS chooses one");
        }
        return Az.fromValue(az.get());
    }

    /** Where the expression choosing a subnet's AZ is written, or null when it states none. */
    SourceLocation subnetAzAt(Resource subnet) {
        return azValue(subnet).map(Value::location).orElse(null);
    }

    private static Optional<Value> azValue(Resource subnet) {
        Optional<Value> az = subnet.attr("AvailabilityZone");
        return az.isPresent() ? az : subnet.attr("AvailabilityZoneId");
    }

    private Placement compute(Resource r) {
        Kind k = r.kind();
        if (k == Kind.SUBNET) {
            return Placement.zonal(List.of(subnetAz(r)), "");
        }
        if (k.isRegional()) {
            return Placement.regional("AWS-managed across AZs");
        }
        if (k.isGlobal()) {
            return Placement.global("");
        }
        return switch (k) {
            case RDS_INSTANCE, DOCDB_INSTANCE, NEPTUNE_INSTANCE -> database(r);
            case AURORA_CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER -> cluster(r);
            case EFS_FILE_SYSTEM -> fileSystem(r);
            case OPENSEARCH_DOMAIN -> searchDomain(r);
            case REDSHIFT_CLUSTER -> warehouse(r);
            case LAMBDA_FUNCTION -> {
                Placement p = fromSubnets(r);
                yield p.scope() == Placement.Scope.NONE ? Placement.regional("Lambda outside a VPC runs across AZs") : p;
            }
            case EC2_INSTANCE -> {
                Placement p = fromSubnets(r);
                if (p.scope() == Placement.Scope.NONE) {
                    p = fromAttachedInterfaces(r);
                }
                if (p.scope() == Placement.Scope.NONE) {
                    yield r.attr("AvailabilityZone").map(v -> Placement.zonal(List.of(Az.fromValue(v)), ""))
                            .orElse(Placement.zonal(List.of(Az.unknown("no subnet or AZ given: AWS chooses one")), ""));
                }
                yield p;
            }
            case AUTOSCALING_GROUP, LOAD_BALANCER -> {
                Placement p = fromSubnets(r);
                if (p.scope() == Placement.Scope.NONE) {
                    Optional<Value> azs = r.attr("AvailabilityZones");
                    if (azs.isPresent()) {
                        yield azList(azs.get());
                    }
                    yield Placement.unknown("no subnets or " + r.spelling("AvailabilityZones", "availability_zones") + " given");
                }
                yield p;
            }
            case ELASTICACHE_CLUSTER, ELASTICACHE_REPLICATION_GROUP -> cache(r);
            case ECS_SERVICE -> {
                Placement p = fromSubnets(r);
                yield p.scope() == Placement.Scope.NONE ? onContainerInstances(r) : p;
            }
            default -> fromSubnets(r);
        };
    }

    /**
     * An ECS service on the EC2 launch type without subnets of its own (bridge or host networking) runs on its
     * cluster's container instances: the Auto Scaling groups whose launch template or configuration joins that
     * cluster (ECS_CLUSTER=${Cluster} in its user data) or that a capacity provider of the cluster names. NONE when
     * the service runs on Fargate or no group of the files feeds its cluster.
     */
    /** How the placement of a service on its cluster's instances starts its reason. */
    public static final String CONTAINER_INSTANCES = "the container instances of cluster ";

    private Placement onContainerInstances(Resource service) {
        String launchType = service.attr("LaunchType", "launch_type").flatMap(Value::asString).orElse("EC2");
        if (!launchType.equalsIgnoreCase("EC2") || service.attr("CapacityProviderStrategy", "capacity_provider_strategy").isPresent()) {
            return Placement.NONE;
        }
        Optional<Value> clusterValue = service.attr("Cluster", "cluster");
        if (clusterValue.isEmpty() || !(clusterValue.get() instanceof Value.Ref clusterRef)) {
            return Placement.NONE;
        }
        Optional<Resource> cluster = model.resource(clusterRef.targetId()).filter(c -> c.kind() == Kind.ECS_CLUSTER);
        if (cluster.isEmpty()) {
            return Placement.NONE;
        }
        List<Az> azs = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Resource group : containerInstanceGroups().getOrDefault(cluster.get().id(), List.of())) {
            Placement p = placementOf(group);
            if (p.scope() != Placement.Scope.ZONAL) {
                return Placement.unknown("on the container instances of cluster " + cluster.get().displayName()
                        + ": Auto Scaling group " + group.displayName() + " is " + p.display());
            }
            azs.addAll(p.azs());
            groups.add(group.displayName());
        }
        return groups.isEmpty() ? Placement.NONE : Placement.zonal(azs, CONTAINER_INSTANCES + cluster.get().displayName()
                + " (Auto Scaling group" + (groups.size() > 1 ? "s " : " ") + String.join(", ", groups) + ")");
    }

    /**
     * The Auto Scaling groups whose instances join each cluster, by the cluster's id: through the user data of their
     * launch template or configuration, or a capacity provider that names the group and that the cluster, or an
     * association with it, names. Made once, in one pass over the resources and their references.
     */
    private Map<String, List<Resource>> containerInstanceGroups() {
        if (clusterGroups != null) {
            return clusterGroups;
        }
        Map<String, Set<String>> refs = new HashMap<>();
        java.util.function.Function<Resource, Set<String>> refsOf = r -> refs.computeIfAbsent(r.id(), id -> {
            Set<String> out = new LinkedHashSet<>();
            ValueWalker.standard().refs(r.attributes()).forEach(x -> out.add(x.targetId()));
            return out;
        });
        // clusters each launch template or configuration, and each capacity provider, leads to
        Map<String, Set<String>> providerClusters = new HashMap<>();
        for (Resource r : model.resources()) {
            if (r.kind() == Kind.ECS_CLUSTER || isCapacityProviderUser(r)) {
                for (String target : refsOf.apply(r)) {
                    model.resource(target).filter(PlacementResolver::isCapacityProvider).ifPresent(provider -> {
                        String clusterId = r.kind() == Kind.ECS_CLUSTER ? r.id() : refsOf.apply(r).stream()
                                .filter(t -> model.resource(t).filter(c -> c.kind() == Kind.ECS_CLUSTER).isPresent())
                                .findFirst().orElse(null);
                        if (clusterId != null) {
                            providerClusters.computeIfAbsent(provider.id(), k -> new LinkedHashSet<>()).add(clusterId);
                        }
                    });
                }
            }
        }
        // clusters each group's instances join through a capacity provider
        Map<String, Set<String>> groupClusters = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : providerClusters.entrySet()) {
            for (String target : refsOf.apply(model.resource(e.getKey()).orElseThrow())) {
                groupClusters.computeIfAbsent(target, k -> new LinkedHashSet<>()).addAll(e.getValue());
            }
        }
        Map<String, List<Resource>> out = new HashMap<>();
        for (Resource group : model.resources(Kind.AUTOSCALING_GROUP)) {
            Set<String> clusters = new LinkedHashSet<>(groupClusters.getOrDefault(group.id(), Set.of()));
            for (String target : refsOf.apply(group)) {
                model.resource(target).filter(l -> l.kind() == Kind.LAUNCH_TEMPLATE || l.kind() == Kind.LAUNCH_CONFIGURATION)
                        .ifPresent(l -> refsOf.apply(l).forEach(c -> model.resource(c)
                                .filter(x -> x.kind() == Kind.ECS_CLUSTER).ifPresent(x -> clusters.add(x.id()))));
            }
            clusters.forEach(c -> out.computeIfAbsent(c, k -> new ArrayList<>()).add(group));
        }
        clusterGroups = out;
        return out;
    }

    private static boolean isCapacityProvider(Resource r) {
        return r.rawType().equals("AWS::ECS::CapacityProvider") || r.rawType().equals("aws_ecs_capacity_provider");
    }

    /** A resource that ties capacity providers to a cluster. */
    private static boolean isCapacityProviderUser(Resource r) {
        return r.rawType().equals("AWS::ECS::ClusterCapacityProviderAssociations")
                || r.rawType().equals("aws_ecs_cluster_capacity_providers");
    }

    /**
     * An instance without a subnet whose network interfaces are attached by attachment resources: an
     * attached interface is in its instance's AZ, so the instance is where their subnets are.
     */
    private Placement fromAttachedInterfaces(Resource instance) {
        List<Az> azs = new ArrayList<>();
        List<Placement.Subnet> subnets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Resource a : model.resources(Kind.NETWORK_INTERFACE_ATTACHMENT)) {
            Optional<Value> i = a.attr("InstanceId", "instance_id");
            Optional<Value> eni = a.attr("NetworkInterfaceId", "network_interface_id");
            if (i.isPresent() && i.get() instanceof Value.Ref ref && ref.targetId().equals(instance.id())
                    && eni.isPresent() && eni.get() instanceof Value.Ref e) {
                Optional<Resource> target = model.resource(e.targetId());
                Placement.Subnet link = target.isPresent() && target.get().kind() == Kind.NETWORK_INTERFACE
                        ? SubnetLinks.throughInterface(target.get(), model, this) : null;
                azs.add(link == null ? Az.unknown("attached interface " + e.targetId() + " is not a network interface of the files")
                        : link.az());
                if (link != null) {
                    subnets.add(link);
                }
                names.add(a.displayName());
            }
        }
        return azs.isEmpty() ? Placement.NONE : Placement.zonal(azs, "network interfaces attached by " + String.join(", ", names))
                .from("network interface attachments", subnets);
    }

    private Placement azList(Value v) {
        for (Value i : v instanceof Value.ListV l ? l.items() : List.of(v)) {
            String wrong = Shapes.notAnId(i);
            if (wrong != null) {
                String why = "AvailabilityZones holds " + wrong + " where an AZ name or a list of them is expected";
                model.report(Shapes.invalid(i.location(), why));
                return Placement.unknown("malformed: " + why);
            }
        }
        if (v instanceof Value.ListV l) {
            List<Az> azs = new ArrayList<>();
            for (Value i : l.items()) {
                azs.add(Az.fromValue(i));
            }
            return Placement.zonal(azs, "");
        }
        if (v instanceof Value.Symbol s && s.index() < 0 && s.distinct()) {
            // The whole list of a region's AZs (GetAZs): every region has at least two.
            String how = s.display() + ": every AZ of the region, at least 2";
            return Placement.zonal(List.of(Az.symbol(s.family(), 0, true, how), Az.symbol(s.family(), 1, true, how)), how);
        }
        if (v instanceof Value.Symbol s && s.index() < 0) {
            return Placement.unknown("AZs come from " + s.how());
        }
        if (v instanceof Value.Unknown u) {
            return Placement.unknown(u.reason());
        }
        return Placement.zonal(List.of(Az.fromValue(v)), "");
    }

    /** From the subnets the resource names; NONE when its kind has no subnet attribute or it is absent. */
    private Placement fromSubnets(Resource r) {
        SubnetLinks.Links links = SubnetLinks.of(r, model, this);
        if (!links.isKnown()) {
            return Placement.unknown(links.unknownReason()).from(links.attribute(), List.of());
        }
        if (links.subnets().isEmpty()) {
            return Placement.NONE;
        }
        List<Az> azs = new ArrayList<>();
        for (Placement.Subnet l : links.subnets()) {
            azs.add(l.az());
        }
        return Placement.zonal(azs, "subnets " + links.attribute()).from(links.attribute(), links.subnets());
    }

    /** The AZs of the subnet group a database or cache names, if it is in the model. */
    private Optional<Placement> subnetGroup(Resource r, String... names) {
        Optional<Value> g = r.attr(names);
        if (g.isPresent() && g.get() instanceof Value.Ref ref) {
            Optional<Resource> group = model.resource(ref.targetId());
            if (group.isPresent()) {
                Placement p = placementOf(group.get());
                return Optional.of(p.from(attributeOf(r, names), p));
            }
        }
        if (g.isPresent()) {
            return Optional.of(Placement.unknown("subnet group " + g.get().describe() + " is not defined in the scanned files"));
        }
        return Optional.empty();
    }

    /** The first of {@code names} the resource states (for evidence), else the first name. */
    private static String attributeOf(Resource r, String... names) {
        for (String n : names) {
            if (r.attr(n).isPresent()) {
                return n;
            }
        }
        return names[0];
    }

    private Placement database(Resource r) {
        Optional<Resource> cluster = r.attr("DBClusterIdentifier", "cluster_identifier")
                .filter(Value.Ref.class::isInstance).flatMap(v -> model.resource(((Value.Ref) v).targetId()));
        Optional<Value> az = r.attr("AvailabilityZone");
        Tri multiAz = r.attr("MultiAZ").map(Value::asBool).orElse(Tri.FALSE);
        Optional<Placement> group = subnetGroup(r, "DBSubnetGroupName", "db_subnet_group_name");
        if (group.isEmpty() && cluster.isPresent()) {
            group = subnetGroup(cluster.get(), "DBSubnetGroupName", "db_subnet_group_name");
        }
        if (cluster.isEmpty() && r.attr("MultiAZ").isPresent() && !multiAz.isKnown()) {
            return Placement.unknown(r.spelling("MultiAZ", "multi_az") + " is " + r.attr("MultiAZ").get().describe());
        }
        if (multiAz.isTrue() && cluster.isEmpty()) {
            if (group.isPresent() && group.get().scope() == Placement.Scope.ZONAL) {
                return Placement.zonal(group.get().azs(), "Multi-AZ across its DB subnet group" + oneAzOnly(group.get().azs()))
                        .from(group.get().subnetsFrom(), group.get());
            }
            return Placement.unknown("Multi-AZ, but the AZs of its subnet group are not known");
        }
        if (az.isPresent()) {
            return Placement.zonal(List.of(Az.fromValue(az.get())), r.spelling("AvailabilityZone", "availability_zone"));
        }
        Optional<Placement> zonalGroup = group.filter(p -> p.scope() == Placement.Scope.ZONAL);
        List<Az> candidates = zonalGroup.map(Placement::azs).orElse(List.of());
        Placement p = cluster.isEmpty()
                ? Placement.oneOf(candidates, r.spelling("MultiAZ", "multi_az") + (r.attr("MultiAZ").isPresent()
                        ? " is " + r.attr("MultiAZ").get().describe() + "; AWS chooses the AZ"
                        : " is omitted (single-AZ by default); AWS chooses the AZ"))
                : Placement.oneOf(candidates, "single-AZ instance; AWS chooses the AZ");
        return zonalGroup.map(g -> p.from(g.subnetsFrom(), g)).orElse(p);
    }

    private Placement cluster(Resource r) {
        List<Resource> members = new ArrayList<>();
        for (Resource m : model.resources()) {
            Optional<Value> c = m.attr("DBClusterIdentifier", "cluster_identifier");
            if (m != r && c.isPresent() && c.get() instanceof Value.Ref ref && ref.targetId().equals(r.id())) {
                members.add(m);
            }
        }
        Optional<Placement> group = subnetGroup(r, "DBSubnetGroupName", "db_subnet_group_name",
                "neptune_subnet_group_name");
        if (members.isEmpty()) {
            if (r.attr("EngineMode", "engine_mode").flatMap(Value::asString).filter("serverless"::equalsIgnoreCase).isPresent()) {
                // Aurora Serverless v1 runs in one AZ and is recreated in another when that AZ fails.
                return Placement.oneOf(group.filter(p -> p.scope() == Placement.Scope.ZONAL).map(Placement::azs)
                        .orElse(List.of()), "Aurora Serverless v1 runs in one AZ at a time");
            }
            // The cluster's AvailabilityZones place its storage, not the instances that serve it.
            return Placement.unknown("no instances of the cluster are defined in the scanned files");
        }
        List<Az> azs = new ArrayList<>();
        List<Placement.Subnet> subnets = new ArrayList<>();
        int unplaced = 0;
        for (Resource m : members) {
            Placement p = placementOf(m);
            if (p.scope() == Placement.Scope.ZONAL) {
                azs.addAll(p.azs());
                subnets.addAll(p.subnets());
            } else if (p.scope() == Placement.Scope.ONE_OF && members.size() == 1) {
                return Placement.oneOf(p.azs(), "one instance in the cluster").from(p.subnetsFrom(), p);
            } else {
                unplaced++;
                azs.add(Az.unknown("AZ of instance " + m.name() + " is chosen by AWS"));
            }
        }
        if (unplaced == members.size() && group.isPresent() && group.get().scope() == Placement.Scope.ZONAL
                && Placement.AzCount.of(group.get().azs()).provablyMulti()) {
            // Without an AZ preference, RDS spreads a cluster's instances over its subnet group's AZs, so
            // two instances or more are never all in one AZ.
            return Placement.zonal(group.get().azs(), members.size() + " instances spread by AWS over the AZs of the subnet group")
                    .from(group.get().subnetsFrom(), group.get());
        }
        Placement p = Placement.zonal(azs, members.size() + (members.size() == 1 ? " instance" : " instances"));
        return subnets.isEmpty() ? p : p.from("instances", subnets);
    }

    /** EFS Regional storage is reachable in the AZs of its mount targets; One Zone lives in one AZ. */
    private Placement fileSystem(Resource r) {
        Optional<Value> oneZone = r.attr("AvailabilityZoneName", "availability_zone_name");
        // A drawn file system states no configuration: its unknown AvailabilityZoneName is not a One Zone choice.
        boolean undeclared = r.attributes().unknownRest() != null && oneZone.map(Value::isUnknown).orElse(false);
        if (oneZone.isPresent() && !undeclared) {
            return Placement.zonal(List.of(Az.fromValue(oneZone.get())), "EFS One Zone");
        }
        List<Az> azs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Placement.Subnet> subnets = new ArrayList<>();
        for (Resource m : model.resources(Kind.EFS_MOUNT_TARGET)) {
            Optional<Value> fs = m.attr("FileSystemId", "file_system_id");
            if (fs.isPresent() && fs.get() instanceof Value.Ref ref && ref.targetId().equals(r.id())) {
                Placement p = placementOf(m);
                if (p.scope() == Placement.Scope.ZONAL || p.scope() == Placement.Scope.UNKNOWN) {
                    azs.addAll(p.scope() == Placement.Scope.ZONAL ? p.azs() : List.of(Az.unknown(p.reason())));
                    names.add(m.name());
                    subnets.addAll(p.subnets());
                }
            }
        }
        if (azs.isEmpty()) {
            return Placement.regional("EFS Regional storage");
        }
        return Placement.zonal(azs, "mount targets " + String.join(", ", names)).from("mount targets", subnets);
    }

    /** OpenSearch spreads nodes over AZs only with zone awareness; otherwise the domain lives in one AZ. */
    private Placement searchDomain(Resource r) {
        Optional<Value> config = r.attr("ClusterConfig", "ElasticsearchClusterConfig", "cluster_config");
        Tri zoneAware = config.flatMap(c -> c.at("ZoneAwarenessEnabled")).map(Value::asBool).orElse(Tri.FALSE);
        if (config.isPresent() && config.get() instanceof Value.Unknown u) {
            return Placement.unknown("cluster configuration unknown: " + u.reason());
        }
        if (!zoneAware.isKnown()) {
            return Placement.unknown(r.spelling("ZoneAwarenessEnabled", "zone_awareness_enabled") + " is "
                    + config.flatMap(c -> c.at("ZoneAwarenessEnabled"))
                    .map(Value::describe).orElse("not decidable"));
        }
        Placement subnets = fromSubnets(r);
        if (zoneAware.isTrue()) {
            return subnets.scope() == Placement.Scope.NONE
                    ? Placement.regional("zone awareness: nodes spread over AZs chosen by AWS") : subnets;
        }
        if (subnets.scope() == Placement.Scope.ZONAL) {
            return Placement.oneOf(subnets.azs(), "no zone awareness: every node in one AZ").from(subnets.subnetsFrom(), subnets);
        }
        if (subnets.scope() == Placement.Scope.UNKNOWN) {
            return subnets;
        }
        return Placement.oneOf(List.of(), "no zone awareness: every node in one AZ chosen by AWS");
    }

    /** A provisioned Redshift cluster lives in one AZ unless it is a Multi-AZ deployment. */
    private Placement warehouse(Resource r) {
        Tri multiAz = r.attr("MultiAZ", "multi_az").map(Value::asBool).orElse(Tri.FALSE);
        if (!multiAz.isKnown()) {
            return Placement.unknown(r.spelling("MultiAZ", "multi_az") + " is "
                    + r.attr("MultiAZ", "multi_az").map(Value::describe).orElse("?"));
        }
        if (multiAz.isTrue()) {
            return Placement.regional("Redshift Multi-AZ deployment");
        }
        Optional<Value> az = r.attr("AvailabilityZone", "availability_zone");
        if (az.isPresent()) {
            return Placement.zonal(List.of(Az.fromValue(az.get())), r.spelling("AvailabilityZone", "availability_zone"));
        }
        return Placement.oneOf(List.of(), "single-AZ cluster; AWS chooses the AZ");
    }

    private Placement cache(Resource r) {
        Placement basis = cacheCandidates(r);
        Placement p = cacheScope(r, basis.azs());
        return p.scope() == Placement.Scope.UNKNOWN || !basis.fromSubnets() ? p : p.from(basis.subnetsFrom(), basis);
    }

    private Placement cacheScope(Resource r, List<Az> candidates) {
        if (r.kind() == Kind.ELASTICACHE_CLUSTER) {
            Optional<Value> one = r.attr("PreferredAvailabilityZone", "availability_zone");
            if (one.isPresent() && !r.attr("PreferredAvailabilityZones", "preferred_availability_zones").isPresent()) {
                return Placement.zonal(List.of(Az.fromValue(one.get())), r.spelling("PreferredAvailabilityZone", "availability_zone"));
            }
            // Memcached spreads nodes across AZs in cross-az mode; a Redis cluster is one node.
            Tri crossAz = r.attr("AZMode", "az_mode").flatMap(Value::asString)
                    .map(m -> Tri.of(m.equalsIgnoreCase("cross-az"))).orElse(Tri.FALSE);
            Tri severalNodes = nodes(r.attr("NumCacheNodes", "num_cache_nodes"), 0, Tri.FALSE);
            if (crossAz.and(severalNodes).isTrue()) {
                return Placement.zonal(candidates, "cross-AZ nodes");
            }
            if (!crossAz.and(severalNodes).isKnown()) {
                return Placement.unknown("AZ mode or number of nodes is not decidable");
            }
            return Placement.oneOf(candidates, "single-AZ cache cluster");
        }
        Tri multi = r.attr("MultiAZEnabled", "multi_az_enabled").map(Value::asBool).orElse(Tri.FALSE)
                .and(r.attr("AutomaticFailoverEnabled", "automatic_failover_enabled").map(Value::asBool).orElse(Tri.FALSE));
        Tri severalNodes = r.attr("NumCacheClusters", "num_cache_clusters", "number_cache_clusters").isPresent()
                ? nodes(r.attr("NumCacheClusters", "num_cache_clusters", "number_cache_clusters"), 0, Tri.FALSE)
                // Automatic failover is refused by AWS below two nodes, so an unstated count is at least 2.
                : nodes(r.attr("ReplicasPerNodeGroup", "replicas_per_node_group"), 1, Tri.TRUE);
        Tri ha = multi.and(severalNodes);
        if (ha.isTrue() && !candidates.isEmpty()) {
            return Placement.zonal(candidates, "Multi-AZ with automatic failover" + oneAzOnly(candidates));
        }
        if (!ha.isKnown() || (ha.isTrue() && candidates.isEmpty())) {
            return Placement.unknown(ha.isKnown() ? "the AZs of its subnet group are not known"
                    : "Multi-AZ, automatic failover or number of nodes is not decidable");
        }
        return Placement.oneOf(candidates, multi.isFalse() ? "no Multi-AZ automatic failover: the primary's AZ takes it down"
                : "one node");
    }

    /** Why a store set up for Multi-AZ still runs in one: every subnet of its group is in the same AZ. */
    private static String oneAzOnly(List<Az> azs) {
        if (azs.isEmpty() || !azs.stream().allMatch(Az::isKnown)) {
            return "";
        }
        return azs.stream().allMatch(a -> a.sameAs(azs.get(0)).isTrue()) ? ", but its subnet group's subnets are all in one AZ" : "";
    }

    /** TRUE when a node count (plus {@code extra}, for replicas per shard) is at least 2; {@code absent} when unstated. */
    private static Tri nodes(Optional<Value> count, int extra, Tri absent) {
        if (count.isEmpty()) {
            return absent;
        }
        return count.get().asNumber().map(n -> Tri.of(n.add(BigDecimal.valueOf(extra)).compareTo(BigDecimal.valueOf(2)) >= 0))
                .orElse(Tri.UNKNOWN);
    }

    /** The AZs a cache's nodes may use (as a placement, with its evidence): preferred AZs when stated, else its subnet group's. */
    private Placement cacheCandidates(Resource r) {
        Optional<Value> preferred = r.attr("PreferredCacheClusterAZs", "preferred_cache_cluster_azs",
                "PreferredAvailabilityZones", "preferred_availability_zones");
        if (preferred.isPresent()) {
            return azList(preferred.get());
        }
        Optional<Placement> group = subnetGroup(r, "CacheSubnetGroupName", "subnet_group_name");
        return group.filter(p -> p.scope() == Placement.Scope.ZONAL).orElse(Placement.zonal(List.of(), ""));
    }
}
