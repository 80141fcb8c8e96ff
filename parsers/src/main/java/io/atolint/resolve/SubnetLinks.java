package io.atolint.resolve;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which subnets a resource is placed in, format-blind: the attribute names CloudFormation and
 * Terraform use for it, per kind, and for each subnet the AZ it resolves to and how. Part of the
 * resolution: the result is kept in each resource's {@link Placement}, which rules and reports read.
 */
final class SubnetLinks {

    /** The outcome: the subnets, or why they are not known at all; {@code attribute} names them (null when absent). */
    record Links(List<Placement.Subnet> subnets, String unknownReason, String attribute) {
        boolean isKnown() {
            return unknownReason == null;
        }
    }

    private SubnetLinks() {
    }

    /** Attribute paths naming subnets, per kind ({@code *} = each list element); formats' alternatives in order. */
    static List<String[]> pathsFor(Kind kind) {
        return switch (kind) {
            case LOAD_BALANCER -> paths("Subnets", "SubnetMappings/*/SubnetId", "subnet_mapping/*/subnet_id");
            case AUTOSCALING_GROUP -> paths("VPCZoneIdentifier");
            case EC2_INSTANCE -> paths("SubnetId", "NetworkInterfaces/*/SubnetId", "NetworkInterfaces/*/NetworkInterfaceId",
                    "network_interface/*/network_interface_id");
            case NAT_GATEWAY, NETWORK_INTERFACE, EFS_MOUNT_TARGET -> paths("SubnetId");
            case ECS_SERVICE -> paths("NetworkConfiguration/AwsvpcConfiguration/Subnets", "network_configuration/subnets");
            case LAMBDA_FUNCTION -> paths("VpcConfig/SubnetIds");
            case EKS_NODE_GROUP, EKS_FARGATE_PROFILE -> paths("Subnets", "subnet_ids");
            case EKS_CLUSTER -> paths("ResourcesVpcConfig/SubnetIds", "vpc_config/subnet_ids");
            case DB_SUBNET_GROUP, ELASTICACHE_SUBNET_GROUP, TRANSIT_GATEWAY_ATTACHMENT, VPC_ENDPOINT, FSX_FILE_SYSTEM ->
                    paths("SubnetIds");
            case MSK_CLUSTER -> paths("BrokerNodeGroupInfo/ClientSubnets", "broker_node_group_info/client_subnets");
            case OPENSEARCH_DOMAIN -> paths("VPCOptions/SubnetIds", "vpc_options/subnet_ids");
            case REDSHIFT_CLUSTER, EMR_CLUSTER, BATCH_COMPUTE_ENVIRONMENT ->
                    paths("SubnetIds", "Instances/Ec2SubnetIds", "ComputeResources/Subnets");
            default -> List.of();
        };
    }

    private static List<String[]> paths(String... slashPaths) {
        List<String[]> out = new ArrayList<>();
        for (String p : slashPaths) {
            out.add(p.split("/"));
        }
        return out;
    }

    /** The subnets of {@code r}, or an empty, known list when its kind has no subnet attribute or it is omitted. */
    static Links of(Resource r, Model model, PlacementResolver placements) {
        for (String[] path : pathsFor(r.kind())) {
            List<Value> values = new ArrayList<>();
            String attr = String.join("/", path);
            if (!collect(r.attributes(), path, 0, values)) {
                continue;
            }
            if (values.size() == 1 && values.get(0) instanceof Value.Symbol s && s.index() < 0) {
                return new Links(List.of(), "subnets come from " + s.how(), attr);
            }
            if (values.size() == 1 && values.get(0) instanceof Value.Unknown u) {
                return new Links(List.of(), "subnets unknown: " + u.reason(), attr);
            }
            if (values.size() == 1 && isList(path) && values.get(0) instanceof Value.Ref ref && !subnetOrInterface(ref, model)) {
                // a list attribute given one value that is not a subnet (an output of a stack, an attribute of a
                // custom resource): it may be any number of subnets, not one
                String named = model.resource(ref.targetId()).map(Resource::displayName).orElse(ref.targetId())
                        + (ref.attribute() == null || ref.attribute().isEmpty() ? "" : "." + ref.attribute());
                return new Links(List.of(), "subnets unknown: " + attr + " is " + named
                        + ", which is not a subnet: it may name several", attr);
            }
            for (Value v : values) {
                String wrong = Shapes.notAnId(v);
                if (wrong != null) {
                    // {not: a list} is not one subnet: it is a malformed template, and the placement UNKNOWN
                    String why = attr + " holds " + wrong + " where a subnet id or a list of them is expected";
                    model.report(Shapes.invalid(v.location(), why));
                    return new Links(List.of(), "malformed: " + why, attr);
                }
            }
            List<Placement.Subnet> out = new ArrayList<>();
            for (Value v : values) {
                out.add(link(v, model, placements));
            }
            return new Links(out, null, attr);
        }
        return new Links(List.of(), null, null);
    }

    /** Whether an attribute path holds a list of subnets (its last name is plural), not one subnet. */
    private static boolean isList(String[] path) {
        String last = path[path.length - 1];
        return !last.equals("*") && !last.equals("SubnetId") && !last.equals("subnet_id")
                && !last.equals("NetworkInterfaceId") && !last.equals("network_interface_id");
    }

    private static boolean subnetOrInterface(Value.Ref ref, Model model) {
        Optional<Resource> target = model.resource(ref.targetId());
        return target.isPresent() && (target.get().kind() == Kind.SUBNET || target.get().kind() == Kind.NETWORK_INTERFACE);
    }

    private static Placement.Subnet link(Value v, Model model, PlacementResolver placements) {
        if (v instanceof Value.Ref ref) {
            Optional<Resource> target = model.resource(ref.targetId());
            if (target.isPresent() && target.get().kind() == Kind.SUBNET) {
                Resource subnet = target.get();
                return new Placement.Subnet(subnet.displayName(), subnet.id(), placements.subnetAz(subnet),
                        subnet.location(), placements.subnetAzAt(subnet));
            }
            if (target.isPresent() && target.get().kind() == Kind.NETWORK_INTERFACE) {
                return throughInterface(target.get(), model, placements);
            }
            return new Placement.Subnet(target.map(Resource::displayName).orElse(name(v)), target.map(Resource::id).orElse(null),
                    Az.unknown("refers to " + ref.targetId() + ", which is not a subnet"),
                    target.map(Resource::location).orElse(v.location()), null);
        }
        if (v instanceof Value.Symbol s) {
            // The same element of the same subnet list is the same subnet, hence the same AZ.
            return new Placement.Subnet(name(v), null, Az.symbol("AZ of " + s.family(), s.index(), false,
                    "AZ of subnet " + s.display()), v.location(), null);
        }
        if (v instanceof Value.Scalar s && s.value() instanceof String id && model.meta().containsKey(Model.LOOKED_UP_SUBNET + id)) {
            return new Placement.Subnet(name(v), null, Az.literal(model.meta().get(Model.LOOKED_UP_SUBNET + id),
                    "cdk.context.json (a VPC looked up at synth)"), v.location(), null);
        }
        if (v instanceof Value.Scalar s && s.value() instanceof String id) {
            return new Placement.Subnet(name(v), null, Az.unknown("subnet " + id + " is not defined in the scanned files"
                    + (s.isLiteral() ? "" : " (" + s.how() + ")")), v.location(), null);
        }
        if (v instanceof Value.Unknown u) {
            return new Placement.Subnet(name(v), null, Az.unknown(u.reason()), v.location(), null);
        }
        return new Placement.Subnet(name(v), null, Az.unknown("not a subnet: " + v), v.location(), null);
    }

    private static String name(Value v) {
        return v.asString().orElse(v.describe());
    }

    /** An instance placed by a network interface: the interface's subnet. */
    static Placement.Subnet throughInterface(Resource eni, Model model, PlacementResolver placements) {
        Links l = of(eni, model, placements);
        if (l.isKnown() && l.subnets().size() == 1) {
            return l.subnets().get(0);
        }
        return new Placement.Subnet(eni.displayName(), eni.id(), Az.unknown(l.isKnown() ? "network interface "
                + eni.displayName() + " names no subnet" : l.unknownReason()), eni.location(), null);
    }

    /** Collects the values at {@code path} ({@code *} = every list element); false when the path is absent. */
    private static boolean collect(Value cur, String[] path, int i, List<Value> out) {
        if (i == path.length) {
            if (cur instanceof Value.ListV l) {
                out.addAll(l.items());
            } else {
                out.add(cur);
            }
            return true;
        }
        if (path[i].equals("*")) {
            boolean any = false;
            for (Value item : cur.asList()) {
                any |= collect(item, path, i + 1, out);
            }
            return any;
        }
        Value c = cur;
        if (c instanceof Value.ListV l && l.items().size() == 1) {
            c = l.items().get(0);
        }
        if (!(c instanceof Value.MapV m)) {
            if (c instanceof Value.Unknown) {
                out.add(c);
                return true;
            }
            return false;
        }
        Optional<Value> next = m.get(path[i]);
        return next.isPresent() && collect(next.get(), path, i + 1, out);
    }
}
