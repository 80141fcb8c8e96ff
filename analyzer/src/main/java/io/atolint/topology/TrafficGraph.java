package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Value;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who sends requests to whom in one model: the {@code ROUTES_TO} and {@code CONNECTS_OUTSIDE}
 * relations between resources that serve traffic, with the plumbing contracted (a load balancer
 * reaches the targets of its target groups directly) and the members of a database or cache cluster
 * folded into the cluster. Network structure (subnets, route tables, VPCs, security groups) is not a
 * vertex: a route table's route to a NAT gateway is egress, read by {@link Egress}.
 *
 * <p>One inference is added: an internet-facing load balancer (or a public instance) whose subnets
 * route to an internet gateway is reached through that gateway, so paths start at the gateway.
 */
public final class TrafficGraph {
    /** Contracted: traffic passes through them to their targets. */
    private static final Set<Kind> PLUMBING = EnumSet.of(Kind.TARGET_GROUP, Kind.LISTENER, Kind.LISTENER_RULE,
            Kind.TARGET_GROUP_ATTACHMENT);
    /** Never traffic vertices: where things are, not what serves. */
    private static final Set<Kind> STRUCTURE = EnumSet.of(Kind.SUBNET, Kind.ROUTE_TABLE, Kind.ROUTE,
            Kind.SUBNET_ROUTE_TABLE_ASSOCIATION, Kind.VPC, Kind.VPC_GATEWAY_ATTACHMENT, Kind.SECURITY_GROUP,
            Kind.SECURITY_GROUP_INGRESS, Kind.SECURITY_GROUP_EGRESS, Kind.NETWORK_ACL, Kind.AVAILABILITY_ZONE,
            Kind.REGION, Kind.AWS_CLOUD, Kind.ACCOUNT, Kind.NESTED_STACK, Kind.MODULE, Kind.DB_SUBNET_GROUP,
            Kind.ELASTICACHE_SUBNET_GROUP, Kind.LAUNCH_TEMPLATE, Kind.LAUNCH_CONFIGURATION, Kind.ECS_TASK_DEFINITION,
            Kind.IAM_ROLE, Kind.IAM_POLICY, Kind.IAM_INSTANCE_PROFILE);
    private static final int MAX_PLUMBING_DEPTH = 4;

    private final Model model;
    private final Graph<Resource, Hop> graph;
    private final Map<Resource, Resource> parentOf;
    private final Map<Resource, List<Resource>> membersOf;
    private final Map<Resource, Role> roles;

    private TrafficGraph(Model model, Graph<Resource, Hop> graph, Map<Resource, Resource> parentOf,
                         Map<Resource, List<Resource>> membersOf, Map<Resource, Role> roles) {
        this.model = model;
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.parentOf = Collections.unmodifiableMap(parentOf);
        this.membersOf = Collections.unmodifiableMap(membersOf);
        this.roles = Collections.unmodifiableMap(roles);
    }

    public Model model() {
        return model;
    }

    public Graph<Resource, Hop> jgrapht() {
        return graph;
    }

    /** The role of a vertex, if it has one (a drawn WAF or router on a path has none). */
    public Optional<Role> role(Resource r) {
        return Optional.ofNullable(roles.get(r));
    }

    /** The cluster or group a member (Aurora instance, cache node, drawn instance in an ASG box) is folded into. */
    public Resource canonical(Resource r) {
        return parentOf.getOrDefault(r, r);
    }

    /** The folded members of a vertex (instances of a cluster), empty when none. */
    public List<Resource> members(Resource r) {
        return membersOf.getOrDefault(r, List.of());
    }

    public List<Resource> vertices() {
        return new ArrayList<>(graph.vertexSet());
    }

    public List<Resource> successors(Resource r) {
        List<Resource> out = new ArrayList<>();
        for (Hop h : graph.outgoingEdgesOf(r)) {
            out.add(h.to());
        }
        return out;
    }

    public List<Resource> predecessors(Resource r) {
        List<Resource> out = new ArrayList<>();
        for (Hop h : graph.incomingEdgesOf(r)) {
            out.add(h.from());
        }
        return out;
    }

    public Optional<Hop> hop(Resource from, Resource to) {
        return Optional.ofNullable(graph.getEdge(from, to));
    }

    static TrafficGraph of(ResourceGraph rg, Model model, Exposure exposure) {
        Map<Resource, Resource> parentOf = fold(rg, model);
        keepCopiesOnly(parentOf);
        Map<Resource, List<Resource>> membersOf = new LinkedHashMap<>();
        parentOf.forEach((m, p) -> membersOf.computeIfAbsent(p, k -> new ArrayList<>()).add(m));

        Graph<Resource, Hop> g = new DefaultDirectedGraph<>(null, null, false);
        for (Resource r : model.resources()) {
            if (!parentOf.containsKey(r) && Role.of(r.kind(), false).isPresent()) {
                g.addVertex(r);
            }
        }
        for (Resource r : model.resources()) {
            if (STRUCTURE.contains(r.kind()) || PLUMBING.contains(r.kind())) {
                continue;
            }
            Resource from = parentOf.getOrDefault(r, r);
            List<Relation> chain = new ArrayList<>();
            follow(rg, r, chain, 0, (target, rels) -> {
                Resource to = parentOf.getOrDefault(target, target);
                if (!to.equals(from)) {
                    addHop(g, from, to, null).add(rels);
                }
            });
        }
        publicEntries(rg, model, g, exposure);

        Map<Resource, Role> roles = new HashMap<>();
        for (Resource v : g.vertexSet()) {
            boolean touched = g.degreeOf(v) > 0;
            Role.of(v.kind(), touched).ifPresent(role -> roles.put(v, role));
            if (v.kind() == Kind.EC2_INSTANCE && Egress.isNatInstance(rg, v)) {
                roles.put(v, Role.EGRESS);
            }
        }
        return new TrafficGraph(model, g, parentOf, membersOf, roles);
    }

    private interface Reached {
        void at(Resource target, List<Relation> chain);
    }

    /** Follows traffic relations from {@code r}, through plumbing, to the next resources that serve. */
    private static void follow(ResourceGraph rg, Resource r, List<Relation> chain, int depth, Reached reached) {
        for (Relation rel : rg.jgrapht().outgoingEdgesOf(r)) {
            if (rel.type() != RelationType.ROUTES_TO && rel.type() != RelationType.CONNECTS_OUTSIDE) {
                continue;
            }
            Resource t = rel.target();
            if (STRUCTURE.contains(t.kind()) || chain.contains(rel)) {
                continue;
            }
            chain.add(rel);
            if (PLUMBING.contains(t.kind())) {
                if (depth < MAX_PLUMBING_DEPTH) {
                    follow(rg, t, chain, depth + 1, reached);
                }
            } else {
                reached.at(t, new ArrayList<>(chain));
            }
            chain.remove(chain.size() - 1);
        }
    }

    private static Hop addHop(Graph<Resource, Hop> g, Resource from, Resource to, String derived) {
        g.addVertex(from);
        g.addVertex(to);
        Hop h = g.getEdge(from, to);
        if (h == null) {
            h = new Hop(from, to, derived);
            g.addEdge(from, to, h);
        }
        return h;
    }

    /**
     * Members folded into the resource that serves for them: database instances into their cluster,
     * cache nodes into their replication group, drawn instances into the Auto Scaling group box that
     * contains them.
     */
    private static Map<Resource, Resource> fold(ResourceGraph rg, Model model) {
        Map<Resource, Resource> parentOf = new LinkedHashMap<>();
        for (Resource r : model.resources()) {
            Optional<Resource> parent = switch (r.kind()) {
                case RDS_INSTANCE, DOCDB_INSTANCE, NEPTUNE_INSTANCE -> refTo(model, r, EnumSet.of(Kind.AURORA_CLUSTER,
                        Kind.DOCDB_CLUSTER, Kind.NEPTUNE_CLUSTER), "DBClusterIdentifier");
                case ELASTICACHE_CLUSTER -> refTo(model, r, EnumSet.of(Kind.ELASTICACHE_REPLICATION_GROUP),
                        "ReplicationGroupId");
                case EC2_INSTANCE -> drawnGroup(rg, r, INSTANCE_GROUPS);
                case ECS_SERVICE -> drawnGroup(rg, r, TASK_GROUPS);
                case LAMBDA_FUNCTION -> drawnGroup(rg, r, FUNCTION_GROUPS);
                default -> Optional.empty();
            };
            parent.ifPresent(p -> parentOf.put(r, p));
        }
        return parentOf;
    }

    /**
     * Boxes whose drawn instances stand for what they run: an Auto Scaling group, an EKS cluster or node group,
     * an Elastic Beanstalk environment (its instances are an Auto Scaling group's).
     */
    static final Set<Kind> INSTANCE_GROUPS = EnumSet.of(Kind.AUTOSCALING_GROUP, Kind.EKS_NODE_GROUP, Kind.EKS_CLUSTER,
            Kind.BEANSTALK_ENVIRONMENT);
    /**
     * Boxes whose drawn tasks or containers stand for what they run: an ECS service (tasks are drawn with the
     * service's icons), an EKS cluster or node group (its pods, drawn as containers).
     */
    static final Set<Kind> TASK_GROUPS = EnumSet.of(Kind.ECS_SERVICE, Kind.EKS_CLUSTER, Kind.EKS_NODE_GROUP);
    /** A Lambda box (the Lambda icon at its corner): the functions drawn in it per subnet are that function. */
    static final Set<Kind> FUNCTION_GROUPS = EnumSet.of(Kind.LAMBDA_FUNCTION);
    /** Every kind of box that members fold into. */
    static final Set<Kind> MEMBER_GROUPS = EnumSet.of(Kind.AUTOSCALING_GROUP, Kind.EKS_NODE_GROUP, Kind.EKS_CLUSTER,
            Kind.BEANSTALK_ENVIRONMENT, Kind.ECS_SERVICE, Kind.LAMBDA_FUNCTION);

    /**
     * A service box that holds different things ("Frontend" and "Backend" in a box the ECS icon signs, which is
     * a cluster of services) is no group of copies: its members fold only when they are copies of one thing. An
     * Auto Scaling group box folds whatever instances it holds (they are its instances by construction).
     */
    private static void keepCopiesOnly(Map<Resource, Resource> parentOf) {
        Map<Resource, Set<Optional<String>>> kinds = new HashMap<>();
        parentOf.forEach((member, box) -> {
            if (box.kind() != Kind.AUTOSCALING_GROUP && MEMBER_GROUPS.contains(box.kind())) {
                kinds.computeIfAbsent(box, k -> new HashSet<>()).add(CopyKey.drawn(member, false));
            }
        });
        parentOf.entrySet().removeIf(e -> kinds.getOrDefault(e.getValue(), Set.of()).size() > 1);
    }

    /**
     * The group box (of {@code kinds}) a drawn instance or task is in, directly or through the subnet, AZ,
     * security group or plain boxes inside it (a security group box drawn around each instance is common).
     */
    private static Optional<Resource> drawnGroup(ResourceGraph rg, Resource instance, Set<Kind> kinds) {
        List<Resource> level = List.of(instance);
        for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
            List<Resource> up = new ArrayList<>();
            for (Resource r : level) {
                for (Resource c : rg.sources(r, RelationType.CONTAINS)) {
                    if (kinds.contains(c.kind()) && !c.equals(instance)) {
                        return Optional.of(c);
                    }
                    if (c.kind() == Kind.SUBNET || c.kind() == Kind.AVAILABILITY_ZONE || c.kind() == Kind.SECURITY_GROUP
                            || c.kind() == Kind.DIAGRAM_GROUP) {
                        up.add(c);
                    }
                }
            }
            level = up;
        }
        return Optional.empty();
    }

    private static Optional<Resource> refTo(Model model, Resource r, Set<Kind> kinds, String property) {
        if (Setting.of(r, property).value() instanceof Value.Ref ref) {
            return model.resource(ref.targetId()).filter(t -> kinds.contains(t.kind()));
        }
        return Optional.empty();
    }

    /**
     * Internet-facing load balancers, and instances or groups with public addresses that nothing else
     * serves, are reached through the internet gateway their subnets route to.
     */
    private static void publicEntries(ResourceGraph rg, Model model, Graph<Resource, Hop> g, Exposure exposure) {
        for (Resource r : model.resources()) {
            boolean lb = r.kind() == Kind.LOAD_BALANCER && exposure.internetFacing(r).isTrue();
            boolean publicCompute = (r.kind() == Kind.EC2_INSTANCE || r.kind() == Kind.AUTOSCALING_GROUP)
                    && g.containsVertex(r) && g.inDegreeOf(r) == 0 && publicAddress(rg, r, exposure);
            if (!lb && !publicCompute) {
                continue;
            }
            if (g.containsVertex(r) && g.incomingEdgesOf(r).stream().anyMatch(h -> h.from().kind() == Kind.INTERNET_GATEWAY)) {
                continue;
            }
            for (Resource subnet : rg.sources(r, RelationType.CONTAINS)) {
                if (subnet.kind() != Kind.SUBNET) {
                    continue;
                }
                for (Relation route : exposure.internetRoutes(subnet)) {
                    addHop(g, route.target(), r, "public subnet " + subnet.name() + " routes "
                            + route.via() + " to " + route.target().name());
                }
            }
        }
    }

    /** A public IP on launch: in the instance, its launch template, or its subnets' defaults. */
    private static boolean publicAddress(ResourceGraph rg, Resource r, Exposure exposure) {
        List<Resource> holders = new ArrayList<>();
        holders.add(r);
        holders.addAll(rg.targets(r, RelationType.REFERENCES).stream()
                .filter(t -> t.kind() == Kind.LAUNCH_TEMPLATE || t.kind() == Kind.LAUNCH_CONFIGURATION).toList());
        for (Resource h : holders) {
            if (Values.anyTrue(h.attributes(), "AssociatePublicIpAddress")) {
                return true;
            }
        }
        for (Resource subnet : rg.sources(r, RelationType.CONTAINS)) {
            if (subnet.kind() == Kind.SUBNET && Setting.of(subnet, "MapPublicIpOnLaunch").boolOrDefault().isTrue()) {
                return true;
            }
        }
        return false;
    }
}
