package io.atolint.resolve;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives relations from resolved references, format-blind: every reference is a
 * {@code REFERENCES} relation; references with a known meaning become containment (VPC and subnet
 * to what is in them), traffic ({@code ROUTES_TO}: subnet to its route table to its NAT or internet
 * gateway, load balancer to target group to targets, CloudFront to origins), attachment (listener
 * to load balancer, gateway to VPC) and connections outside AWS (VPN to customer gateway, Direct
 * Connect). Traffic from compute to the services it uses comes from {@link AccessDeriver}.
 */
public final class RelationDeriver {
    /** Kinds whose subnet references do not place them in the subnet. */
    private static final Set<Kind> NOT_IN_SUBNET = EnumSet.of(Kind.SUBNET_ROUTE_TABLE_ASSOCIATION, Kind.ROUTE_TABLE,
            Kind.SUBNET, Kind.NESTED_STACK, Kind.MODULE, Kind.NETWORK_ACL, Kind.ROUTE);
    private static final Set<Kind> IN_VPC = EnumSet.of(Kind.SUBNET, Kind.SECURITY_GROUP, Kind.ROUTE_TABLE,
            Kind.TARGET_GROUP, Kind.VPC_ENDPOINT, Kind.NETWORK_ACL);
    /** Route target attributes and the kinds they point at. */
    private static final String[] ROUTE_TARGETS = {"NatGatewayId", "GatewayId", "TransitGatewayId", "InstanceId",
        "VpcPeeringConnectionId", "NetworkInterfaceId", "EgressOnlyInternetGatewayId", "VpcEndpointId",
        "egress_only_gateway_id", "network_interface_id"};

    private final Model model;

    public RelationDeriver(Model model) {
        this.model = model;
    }

    public void deriveAll() {
        for (Resource r : model.resources()) {
            references(r);
            typed(r);
        }
        new AccessDeriver(model).deriveAll();
    }

    /** A reference from each Ref in the attributes, and each one an Unknown was built from. */
    private void references(Resource r) {
        ValueWalker.standard().walk(r.attributes(), n -> {
            for (Value.Ref ref : ValueWalker.refsOf(n.value())) {
                target(ref).ifPresent(t -> relate(RelationType.REFERENCES, r, t, n.path("/", true), ref.location()));
            }
            return true;
        });
    }

    private Optional<Resource> target(Value.Ref ref) {
        return model.resource(ref.targetId());
    }

    private Optional<Resource> refAt(Resource r, String... names) {
        Optional<Value> v = r.attr(names);
        if (v.isPresent() && v.get() instanceof Value.Ref ref) {
            return target(ref);
        }
        return Optional.empty();
    }

    private List<Resource> refsAt(Value v) {
        List<Resource> out = new ArrayList<>();
        for (Value i : v.asList()) {
            if (i instanceof Value.Ref ref) {
                target(ref).ifPresent(out::add);
            } else if (i instanceof Value.Unknown u) {
                for (Value.Ref ref : u.refs()) {
                    target(ref).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private void relate(RelationType type, Resource from, Resource to, String via, SourceLocation at) {
        if (!from.equals(to)) {
            model.relate(new Relation(type, from, to, via, at));
        }
    }

    private void typed(Resource r) {
        Kind k = r.kind();
        if (!NOT_IN_SUBNET.contains(k)) {
            for (String[] path : SubnetLinks.pathsFor(k)) {
                for (Resource s : refsAlong(r.attributes(), path, 0)) {
                    if (s.kind() == Kind.SUBNET) {
                        relate(RelationType.CONTAINS, s, r, String.join("/", path), r.location());
                    }
                }
            }
        }
        if (IN_VPC.contains(k)) {
            refAt(r, "VpcId").filter(v -> v.kind() == Kind.VPC)
                    .ifPresent(v -> relate(RelationType.CONTAINS, v, r, "VpcId", r.locationOf("VpcId")));
        }
        switch (k) {
            case SUBNET_ROUTE_TABLE_ASSOCIATION -> {
                Optional<Resource> subnet = refAt(r, "SubnetId");
                Optional<Resource> table = refAt(r, "RouteTableId");
                if (subnet.isPresent() && table.isPresent()) {
                    relate(RelationType.ROUTES_TO, subnet.get(), table.get(), "route table association", r.location());
                }
            }
            case ROUTE -> refAt(r, "RouteTableId").ifPresent(table -> routeTargets(table, r.attributes(), r.location()));
            case ROUTE_TABLE -> {
                // Terraform inline routes: route { cidr_block = ..., nat_gateway_id = ... }
                r.attr("route").ifPresent(routes -> {
                    for (Value route : routes.asList()) {
                        route.asMap().ifPresent(m -> routeTargets(r, m, m.location()));
                    }
                });
            }
            case VPC_GATEWAY_ATTACHMENT -> {
                Optional<Resource> vpc = refAt(r, "VpcId");
                Optional<Resource> gw = refAt(r, "InternetGatewayId", "VpnGatewayId");
                if (vpc.isPresent() && gw.isPresent()) {
                    relate(RelationType.ATTACHED_TO, gw.get(), vpc.get(), "gateway attachment", r.location());
                }
            }
            case INTERNET_GATEWAY, VPN_GATEWAY, EGRESS_ONLY_GATEWAY -> refAt(r, "VpcId")
                    .ifPresent(vpc -> relate(RelationType.ATTACHED_TO, r, vpc, "vpc_id", r.locationOf("VpcId")));
            case LISTENER -> listener(r);
            case LISTENER_RULE -> refAt(r, "ListenerArn").flatMap(l -> refAt(l, "LoadBalancerArn"))
                    .ifPresent(lb -> forwards(r, "Actions", "action").forEach(tg ->
                            relate(RelationType.ROUTES_TO, lb, tg, "listener rule " + r.name(), r.location())));
            case TARGET_GROUP -> r.attr("Targets").ifPresent(ts -> {
                for (Value t : ts.asList()) {
                    t.at("Id").ifPresent(id -> refsAt(id).forEach(target ->
                            relate(RelationType.ROUTES_TO, r, target, "target", t.location())));
                }
            });
            case TARGET_GROUP_ATTACHMENT -> {
                Optional<Resource> tg = refAt(r, "target_group_arn", "lb_target_group_arn", "alb_target_group_arn");
                Optional<Resource> target = refAt(r, "target_id", "autoscaling_group_name");
                if (tg.isPresent() && target.isPresent()) {
                    relate(RelationType.ROUTES_TO, tg.get(), target.get(), "attachment " + r.name(), r.location());
                }
            }
            case AUTOSCALING_GROUP -> {
                r.attr("TargetGroupARNs", "target_group_arns").ifPresent(v -> refsAt(v).forEach(tg ->
                        relate(RelationType.ROUTES_TO, tg, r, "TargetGroupARNs", r.locationOf("TargetGroupARNs"))));
                r.attr("LoadBalancerNames", "load_balancers").ifPresent(v -> refsAt(v).forEach(lb ->
                        relate(RelationType.ROUTES_TO, lb, r, "LoadBalancerNames", r.locationOf("LoadBalancerNames"))));
            }
            case ECS_SERVICE -> r.attr("LoadBalancers", "load_balancer").ifPresent(lbs -> {
                for (Value lb : lbs.asList()) {
                    lb.at("TargetGroupArn").ifPresent(v -> refsAt(v).forEach(tg ->
                            relate(RelationType.ROUTES_TO, tg, r, "LoadBalancers", lb.location())));
                    lb.at("LoadBalancerName", "elb_name").ifPresent(v -> refsAt(v).forEach(elb ->
                            relate(RelationType.ROUTES_TO, elb, r, "LoadBalancers", lb.location())));
                }
            });
            case LOAD_BALANCER -> r.attr("Instances").ifPresent(v -> refsAt(v).forEach(i ->
                    relate(RelationType.ROUTES_TO, r, i, "Instances", r.locationOf("Instances"))));
            case CLOUDFRONT_DISTRIBUTION -> {
                Optional<Value> origins = r.attributes().at("DistributionConfig", "Origins");
                if (origins.isEmpty()) {
                    origins = r.attr("origin");
                }
                origins.ifPresent(os -> {
                    for (Value o : os.asList()) {
                        o.at("DomainName").ifPresent(d -> refsAt(d).forEach(t ->
                                relate(RelationType.ROUTES_TO, r, t, "origin", o.location())));
                    }
                });
            }
            case VPN_CONNECTION -> {
                refAt(r, "CustomerGatewayId").ifPresent(cgw ->
                        relate(RelationType.CONNECTS_OUTSIDE, r, cgw, "customer gateway", r.locationOf("CustomerGatewayId")));
                refAt(r, "VpnGatewayId", "TransitGatewayId").ifPresent(gw ->
                        relate(RelationType.ATTACHED_TO, r, gw, "VPN attachment", r.location()));
            }
            case DX_VIRTUAL_INTERFACE -> {
                refAt(r, "ConnectionId", "dx_connection_id", "connection_id").ifPresent(c ->
                        relate(RelationType.CONNECTS_OUTSIDE, r, c, "Direct Connect connection", r.location()));
                refAt(r, "DirectConnectGatewayId", "dx_gateway_id", "VirtualGatewayId", "vpn_gateway_id").ifPresent(gw ->
                        relate(RelationType.ATTACHED_TO, r, gw, "virtual interface", r.location()));
            }
            case NAT_GATEWAY, NAT_INSTANCE, EC2_INSTANCE, LAMBDA_FUNCTION -> {
                // placement relations come from the subnet links above
            }
            default -> {
            }
        }
    }

    private void routeTargets(Resource table, Value.MapV route, SourceLocation at) {
        String dest = route.first("DestinationCidrBlock", "cidr_block", "destination_cidr_block",
                "DestinationIpv6CidrBlock", "ipv6_cidr_block", "destination_ipv6_cidr_block")
                .map(Value::describe).orElse("route");
        for (String attr : ROUTE_TARGETS) {
            route.get(attr).ifPresent(v -> refsAt(v).forEach(t ->
                    relate(RelationType.ROUTES_TO, table, t, dest, at)));
        }
    }

    private void listener(Resource r) {
        Optional<Resource> lb = refAt(r, "LoadBalancerArn");
        lb.ifPresent(l -> relate(RelationType.ATTACHED_TO, r, l, "LoadBalancerArn", r.locationOf("LoadBalancerArn")));
        String port = r.attr("Port").map(Value::describe).orElse("?");
        String protocol = r.attr("Protocol").map(Value::describe).orElse("?");
        lb.ifPresent(l -> forwards(r, "DefaultActions", "default_action").forEach(tg ->
                relate(RelationType.ROUTES_TO, l, tg, "listener " + r.name() + " " + protocol + ":" + port, r.location())));
    }

    /** Target groups an action list forwards to ({@code TargetGroupArn}, {@code ForwardConfig}, Terraform's {@code forward}). */
    private List<Resource> forwards(Resource r, String... actionNames) {
        List<Resource> out = new ArrayList<>();
        Optional<Value> actions = r.attr(actionNames);
        if (actions.isEmpty()) {
            return out;
        }
        for (Value a : actions.get().asList()) {
            a.at("TargetGroupArn").ifPresent(v -> out.addAll(refsAt(v)));
            Optional<Value> groups = a.at("ForwardConfig", "TargetGroups");
            if (groups.isEmpty()) {
                groups = a.at("forward", "target_group");
            }
            groups.ifPresent(gs -> {
                for (Value g : gs.asList()) {
                    g.at("TargetGroupArn").or(() -> g.at("arn")).ifPresent(v -> out.addAll(refsAt(v)));
                }
            });
        }
        return out;
    }

    private List<Resource> refsAlong(Value cur, String[] path, int i) {
        if (i == path.length) {
            return refsAt(cur);
        }
        List<Resource> out = new ArrayList<>();
        if (path[i].equals("*")) {
            for (Value item : cur.asList()) {
                out.addAll(refsAlong(item, path, i + 1));
            }
            return out;
        }
        cur.at(path[i]).ifPresent(next -> out.addAll(refsAlong(next, path, i + 1)));
        return out;
    }
}
