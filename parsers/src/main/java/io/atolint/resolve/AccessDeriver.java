package io.atolint.resolve;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;
import io.atolint.model.Workloads;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the traffic that IaC states only indirectly, format-blind, as {@code ROUTES_TO} relations:
 * <ul>
 *   <li>a security group rule that admits the security group of a compute resource into the security
 *       group of a database, cache, file system, load balancer or other compute resource (CloudFormation
 *       inline {@code SecurityGroupIngress} or {@code AWS::EC2::SecurityGroupIngress}, Terraform
 *       {@code ingress} blocks, {@code aws_security_group_rule}, {@code aws_vpc_security_group_ingress_rule});</li>
 *   <li>configuration of a compute resource that names another service's endpoint: launch template user
 *       data, ECS task environment, Lambda environment ({@code ${Db.Endpoint.Address}} inside a
 *       {@code Fn::Sub} is a reference like any other);</li>
 *   <li>an API Gateway integration, route or permission that joins an API to a Lambda function, and an
 *       API whose own definition (an OpenAPI body, an authorizer) names the function.</li>
 * </ul>
 * Diagrams draw these edges themselves.
 */
final class AccessDeriver {
    /** Kinds that receive traffic from compute. */
    private static final Set<Kind> SERVERS = servers();
    /** Attributes through which a compute resource registers with a load balancer: inbound, not outbound. */
    private static final Set<String> REGISTRATION = keys("LoadBalancerNames", "LoadBalancers", "TargetGroupARNs",
            "load_balancers", "target_group_arns", "load_balancer", "TargetGroupArns");
    /** Attributes that hold a compute resource's configuration elsewhere. */
    private static final Set<Kind> CONFIG_HOLDERS = EnumSet.of(Kind.LAUNCH_TEMPLATE, Kind.LAUNCH_CONFIGURATION,
            Kind.ECS_TASK_DEFINITION);

    private final Model model;
    private final Set<String> related = new HashSet<>();

    AccessDeriver(Model model) {
        this.model = model;
    }

    private static Set<Kind> servers() {
        Set<Kind> s = EnumSet.noneOf(Kind.class);
        s.addAll(Workloads.DATA);
        s.addAll(Workloads.COMPUTE);
        s.addAll(Workloads.LOAD_BALANCING);
        s.add(Kind.ELASTICACHE_CLUSTER);
        return s;
    }

    private static Set<String> keys(String... names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            out.add(Value.key(n));
        }
        return out;
    }

    void deriveAll() {
        fromSecurityGroups();
        for (Resource r : model.resources()) {
            if (Workloads.isCompute(r.kind())) {
                fromConfiguration(r);
            }
        }
        apiIntegrations();
    }

    // ------------------------------------------------------------ security groups

    /** One rule: {@code server} admits {@code client}. */
    private record Admission(Resource serverGroup, Resource clientGroup, String ports, SourceLocation at) {
    }

    private void fromSecurityGroups() {
        Map<Resource, List<Resource>> membersOf = new LinkedHashMap<>();
        for (Resource r : model.resources()) {
            if (SERVERS.contains(r.kind())) {
                for (Resource g : securityGroupsOf(r)) {
                    membersOf.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
                }
            }
        }
        if (membersOf.isEmpty()) {
            return;
        }
        for (Admission a : admissions()) {
            for (Resource server : membersOf.getOrDefault(a.serverGroup(), List.of())) {
                for (Resource client : membersOf.getOrDefault(a.clientGroup(), List.of())) {
                    if (admitsTraffic(client, server)) {
                        relate(client, server, "security group " + a.serverGroup().name() + " admits "
                                + a.clientGroup().name() + a.ports(), a.at());
                    }
                }
            }
        }
    }

    /** Compute sends to anything; a load balancer sends only to its targets (compute). */
    private static boolean admitsTraffic(Resource client, Resource server) {
        if (client.equals(server)) {
            return false;
        }
        if (Workloads.isCompute(client.kind())) {
            return true;
        }
        return Workloads.LOAD_BALANCING.contains(client.kind()) && Workloads.isCompute(server.kind());
    }

    private List<Admission> admissions() {
        List<Admission> out = new ArrayList<>();
        for (Resource r : model.resources()) {
            if (r.kind() == Kind.SECURITY_GROUP) {
                r.attr("SecurityGroupIngress").ifPresent(rules -> inlineRules(r, rules, out));
                r.attr("ingress").ifPresent(rules -> inlineRules(r, rules, out));
            } else if (r.kind() == Kind.SECURITY_GROUP_INGRESS) {
                boolean egress = r.attr("type").flatMap(Value::asString).map("egress"::equalsIgnoreCase).orElse(false);
                Optional<Resource> server = group(r.attr("GroupId", "security_group_id"));
                Optional<Resource> client = group(r.attr("SourceSecurityGroupId", "source_security_group_id",
                        "referenced_security_group_id"));
                if (client.isEmpty() && r.attr("self").map(Value::asBool).orElse(Tri.UNKNOWN).isTrue()) {
                    client = server;
                }
                if (!egress && server.isPresent() && client.isPresent()) {
                    out.add(new Admission(server.get(), client.get(), ports(r.attributes()), r.location()));
                }
            }
        }
        return out;
    }

    private void inlineRules(Resource group, Value rules, List<Admission> out) {
        for (Value rule : rules.asList()) {
            if (!(rule instanceof Value.MapV m)) {
                continue;
            }
            List<Value> sources = new ArrayList<>();
            m.get("SourceSecurityGroupId").ifPresent(sources::add);
            m.get("security_groups").ifPresent(v -> sources.addAll(v.asList()));
            for (Value s : sources) {
                group(Optional.of(s)).ifPresent(client -> out.add(new Admission(group, client, ports(m), m.location())));
            }
            // Terraform's "self = true": the group admits its own members.
            if (m.get("self").map(Value::asBool).orElse(Tri.UNKNOWN).isTrue()) {
                out.add(new Admission(group, group, ports(m), m.location()));
            }
        }
    }

    private Optional<Resource> group(Optional<Value> v) {
        if (v.isPresent() && v.get() instanceof Value.Ref ref) {
            return model.resource(ref.targetId()).filter(g -> g.kind() == Kind.SECURITY_GROUP);
        }
        return Optional.empty();
    }

    private static String ports(Value.MapV rule) {
        String proto = rule.first("IpProtocol", "protocol", "ip_protocol").flatMap(Value::asString).orElse("");
        String from = rule.first("FromPort", "from_port").flatMap(Value::asString).orElse("");
        String to = rule.first("ToPort", "to_port").flatMap(Value::asString).orElse("");
        if (from.isEmpty() && to.isEmpty()) {
            return proto.isEmpty() || proto.equals("-1") ? "" : " (" + proto + ")";
        }
        String range = from.equals(to) || to.isEmpty() ? from : from + "-" + to;
        return " on " + (proto.isEmpty() || proto.equals("-1") ? "" : proto + "/") + range;
    }

    /** Security groups a resource is in: every reference to one in its attributes and its launch template. */
    Set<Resource> securityGroupsOf(Resource r) {
        Set<Resource> out = new LinkedHashSet<>();
        for (Resource holder : withConfiguration(r)) {
            for (Resource t : referenced(holder.attributes())) {
                if (t.kind() == Kind.SECURITY_GROUP) {
                    out.add(t);
                }
            }
        }
        if (r.kind() == Kind.EFS_FILE_SYSTEM) {
            // Clients reach a file system through its mount targets' security groups.
            for (Resource m : model.resources(Kind.EFS_MOUNT_TARGET)) {
                if (m.attr("FileSystemId", "file_system_id").filter(v -> v instanceof Value.Ref ref
                        && ref.targetId().equals(r.id())).isPresent()) {
                    for (Resource t : referenced(m.attributes())) {
                        if (t.kind() == Kind.SECURITY_GROUP) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The resource and what holds its configuration (launch template or configuration, task definition). */
    private List<Resource> withConfiguration(Resource r) {
        List<Resource> out = new ArrayList<>();
        out.add(r);
        if (Workloads.isCompute(r.kind())) {
            for (Resource t : referenced(r.attributes())) {
                if (CONFIG_HOLDERS.contains(t.kind()) && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private List<Resource> referenced(Value v) {
        List<Resource> out = new ArrayList<>();
        for (Value.Ref ref : ValueWalker.standard().refs(v)) {
            model.resource(ref.targetId()).ifPresent(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------ configuration

    private void fromConfiguration(Resource compute) {
        for (Resource holder : withConfiguration(compute)) {
            String owner = holder.equals(compute) ? "" : " of " + holder.name();
            for (Map.Entry<String, Value> e : holder.attributes().entries().entrySet()) {
                if (holder.equals(compute) && REGISTRATION.contains(Value.key(e.getKey()))) {
                    continue;
                }
                refs(e.getValue(), e.getKey(), compute, owner);
            }
        }
    }

    /** Every reference under {@code v}, named by the map keys that lead to it from {@code path}. */
    private void refs(Value v, String path, Resource compute, String owner) {
        ValueWalker.standard().walk(v, n -> {
            List<Value.Ref> refs = ValueWalker.refsOf(n.value());
            if (!refs.isEmpty()) {
                // the path is spelled out only for the values that hold a reference
                String at = n.parent() == null ? path : path + "/" + n.path("/", false);
                refs.forEach(ref -> named(ref, at, compute, owner));
            }
            return true;
        });
    }

    private void named(Value.Ref ref, String path, Resource compute, String owner) {
        model.resource(ref.targetId()).filter(t -> SERVERS.contains(t.kind()) && !t.equals(compute)).ifPresent(t -> {
            String what = t.name() + (ref.attribute() == null || ref.attribute().isEmpty() ? "" : "." + ref.attribute());
            relate(compute, t, path + owner + " names " + what, ref.location());
        });
    }

    // ------------------------------------------------------------ API Gateway

    private void apiIntegrations() {
        if (!hasApi()) {
            return; // every relation below has an API at one end: no walk of every resource's values
        }
        for (Resource r : model.resources()) {
            List<Resource> targets = referenced(r.attributes());
            if (r.kind() == Kind.LAMBDA_FUNCTION) {
                // SAM: a function's Api event names its API.
                for (Resource t : targets) {
                    if (t.kind() == Kind.API_GATEWAY) {
                        relate(t, r, "event of " + r.name(), r.location());
                    }
                }
                continue;
            }
            if (r.kind() == Kind.API_GATEWAY) {
                // an API's own definition (an OpenAPI body's integration URI, an authorizer) names the
                // functions it invokes
                for (Resource t : targets) {
                    if (t.kind() == Kind.LAMBDA_FUNCTION) {
                        relate(r, t, "definition of " + r.name(), r.location());
                    }
                }
                continue;
            }
            List<Resource> apis = targets.stream().filter(t -> t.kind() == Kind.API_GATEWAY).distinct().toList();
            List<Resource> functions = targets.stream().filter(t -> t.kind() == Kind.LAMBDA_FUNCTION).distinct().toList();
            for (Resource api : apis) {
                for (Resource f : functions) {
                    relate(api, f, r.rawType() + " " + r.name(), r.location());
                }
            }
        }
    }

    private boolean hasApi() {
        for (Resource r : model.resources()) {
            if (r.kind() == Kind.API_GATEWAY) {
                return true;
            }
        }
        return false;
    }

    private void relate(Resource from, Resource to, String via, SourceLocation at) {
        if (from.equals(to) || !related.add(from.id() + "\u0000" + to.id() + "\u0000" + via)) {
            return;
        }
        model.relate(new Relation(RelationType.ROUTES_TO, from, to, via, at));
    }
}
