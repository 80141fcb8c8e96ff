package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Who leaves the VPC through which NAT: private subnets whose route table sends traffic to a NAT
 * gateway or NAT instance, and, where the files draw it, resources with a traffic edge to a NAT.
 */
public final class Egress {
    private Egress() {
    }

    /**
     * One client of a NAT: a subnet (through its route table) or a drawn resource.
     *
     * @param how {@code AppSubnetB -> PrivateRouteTableB: 0.0.0.0/0}
     */
    public record Client(Resource client, Resource nat, String how, SourceLocation at) {
    }

    /** An EC2 instance that a route table sends traffic to acts as a NAT instance. */
    public static boolean isNatInstance(ResourceGraph rg, Resource r) {
        if (r.kind() == Kind.NAT_INSTANCE) {
            return true;
        }
        if (r.kind() != Kind.EC2_INSTANCE) {
            return false;
        }
        for (Resource src : rg.sources(r, RelationType.ROUTES_TO)) {
            if (src.kind() == Kind.ROUTE_TABLE) {
                return true;
            }
        }
        return false;
    }

    static boolean isNat(ResourceGraph rg, Resource r) {
        return r.kind() == Kind.NAT_GATEWAY || isNatInstance(rg, r);
    }

    /** Every client of every NAT of a model. */
    public static List<Client> clients(ResourceGraph rg, Model model, TrafficGraph traffic) {
        List<Client> out = new ArrayList<>();
        for (Resource subnet : model.resources(Kind.SUBNET)) {
            for (Relation assoc : rg.outgoing(subnet, RelationType.ROUTES_TO)) {
                Resource table = assoc.target();
                if (table.kind() != Kind.ROUTE_TABLE) {
                    continue;
                }
                for (Relation route : rg.outgoing(table, RelationType.ROUTES_TO)) {
                    if (isNat(rg, route.target())) {
                        out.add(new Client(subnet, route.target(), subnet.name() + " -> " + table.name() + ": "
                                + route.via() + " -> " + route.target().name(),
                                route.location() != null ? route.location() : table.location()));
                    }
                }
            }
        }
        for (Resource v : traffic.vertices()) {
            if (!isNat(rg, v)) {
                continue;
            }
            // Drawn clients, each on its own (not folded into the group box it is drawn in): each has its AZ.
            for (Relation rel : rg.incoming(v, RelationType.ROUTES_TO)) {
                Resource from = rel.source();
                if (from.kind() != Kind.SUBNET && from.kind() != Kind.ROUTE_TABLE) {
                    out.add(new Client(from, v, from.name() + " -> " + v.name() + (rel.via().isEmpty() ? ""
                            : " (" + rel.via() + ")"), rel.location() != null ? rel.location() : from.location()));
                }
            }
        }
        return out;
    }
}
