package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How many independent connections join each on-premises site to AWS, by maximum flow (JGraphT's
 * Edmonds-Karp, O(V E^2) on a network of a few dozen vertices) from the site to AWS:
 * <ul>
 *   <li>a customer gateway (the customer's device), a VPN connection and a Direct Connect connection
 *       each carry one unit: two VPN connections through one customer gateway are one device, hence
 *       one unit, and the two tunnels of one VPN connection are never two;</li>
 *   <li>virtual gateways, transit gateways and Direct Connect gateways are AWS-managed: unbounded;</li>
 *   <li>each drawn link that leaves a drawn site carries one unit.</li>
 * </ul>
 * A site is a drawn on-premises element, or in IaC the customer network a BGP ASN names: customer
 * gateways with the same ASN (65000 when omitted, AWS's default) and virtual interfaces whose BGP peer
 * has it. A Direct Connect connection no virtual interface ties to a site belongs to the only site, or
 * to a site of its own.
 */
public final class SiteConnectivity {
    private static final Set<Kind> DEVICES = EnumSet.of(Kind.CUSTOMER_GATEWAY, Kind.VPN_CONNECTION, Kind.DX_CONNECTION);
    private static final Set<Kind> GATEWAYS = EnumSet.of(Kind.VPN_GATEWAY, Kind.TRANSIT_GATEWAY, Kind.DX_GATEWAY,
            Kind.DX_VIRTUAL_INTERFACE, Kind.DX_GATEWAY_ASSOCIATION, Kind.TRANSIT_GATEWAY_ATTACHMENT,
            Kind.VPC_GATEWAY_ATTACHMENT, Kind.VPN_CONNECTION_ROUTE);
    private static final double UNBOUNDED = 1_000_000;
    private static final String AWS = "AWS";

    /**
     * One site.
     *
     * @param anchor   where a finding points: the drawn site, its first customer gateway or connection
     * @param members  its customer gateways and Direct Connect connections (IaC), or the drawn site
     * @param how      {@code customer gateways with BGP ASN 65001}, {@code drawn on-premises site "HQ"}
     * @param asnKnown false when an ASN is UNKNOWN, so that customer gateways may belong to other sites
     */
    public record Site(String key, String name, Resource anchor, List<Resource> members, String how, boolean asnKnown) {
    }

    /**
     * A site and its connectivity: {@code independent} is the max flow; the connections and devices it found.
     * {@code unresolvedGateways} are the VPN connections whose AWS-side gateway (TransitGatewayId,
     * VpnGatewayId) is unresolved (an import, a parameter or variable without value): they have no arc to
     * AWS, so the flow may undercount them. {@code siteDevices} are the shapes drawn in a drawn site (a router, a
     * firewall) that lines leave it from.
     */
    public record Result(Site site, int independent, List<Resource> customerGateways, List<Resource> vpnConnections,
                         List<Resource> directConnects, List<Relation> gatewayLinks, List<Resource> unresolvedGateways,
                         List<Resource> siteDevices) {
        /** TRUE when every Direct Connect connection is provably at one location, with two or more of them. */
        public Tri sharedLocation() {
            if (directConnects.size() < 2) {
                return Tri.FALSE;
            }
            String first = null;
            for (Resource dx : directConnects) {
                Optional<String> loc = Setting.of(dx, "Location").string();
                if (loc.isEmpty()) {
                    return Tri.UNKNOWN;
                }
                if (first == null) {
                    first = loc.get();
                } else if (!first.equals(loc.get())) {
                    return Tri.FALSE;
                }
            }
            return Tri.TRUE;
        }
    }

    private SiteConnectivity() {
    }

    static List<Result> of(ResourceGraph graph, Model model) {
        List<Site> sites = sites(model);
        List<Result> out = new ArrayList<>();
        for (Site s : sites) {
            out.add(flow(graph, model, s, sites));
        }
        return out;
    }

    /** Whether a model states anything this analysis reads. */
    public static boolean applies(Model model) {
        for (Resource r : model.resources()) {
            if (DEVICES.contains(r.kind()) || r.kind() == Kind.ON_PREMISES) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ sites

    private static List<Site> sites(Model model) {
        List<Site> out = new ArrayList<>();
        for (Resource r : model.resources(Kind.ON_PREMISES)) {
            if (insideAnotherSite(model, r)) {
                continue; // a server drawn in the data center's box is part of that site, not a site of its own
            }
            out.add(new Site("drawn:" + r.id(), r.displayName(), r, List.of(r), "drawn on-premises site \""
                    + r.displayName() + "\"", true));
        }
        Map<String, List<Resource>> byAsn = new LinkedHashMap<>();
        boolean anyUnknown = false;
        for (Resource cgw : model.resources(Kind.CUSTOMER_GATEWAY)) {
            if (drawnAtSite(model, cgw)) {
                continue;
            }
            Optional<String> asn = asnOf(cgw);
            anyUnknown |= asn.isEmpty();
            byAsn.computeIfAbsent(asn.orElse("?"), k -> new ArrayList<>()).add(cgw);
        }
        for (Resource dx : model.resources(Kind.DX_CONNECTION)) {
            if (drawnAtSite(model, dx)) {
                continue;
            }
            Optional<String> asn = virtualInterfaceAsn(model, dx);
            String key = asn.orElse(byAsn.size() == 1 ? byAsn.keySet().iterator().next() : "dx");
            byAsn.computeIfAbsent(key, k -> new ArrayList<>()).add(dx);
        }
        if (anyUnknown && byAsn.size() > 1) {
            // An UNKNOWN ASN may be any of the others: judge all gateways as one site (a note at best).
            List<Resource> all = new ArrayList<>();
            byAsn.values().forEach(all::addAll);
            out.add(new Site("asn:?", "on-premises network", all.get(0), all,
                    "customer gateways whose BGP ASN is not known", false));
            return out;
        }
        for (Map.Entry<String, List<Resource>> e : byAsn.entrySet()) {
            String key = e.getKey();
            String how = switch (key) {
                case "?" -> "customer gateways whose BGP ASN is not known";
                case "dx" -> "the customer network of Direct Connect " + names(e.getValue());
                default -> "customer network with BGP ASN " + key;
            };
            out.add(new Site("asn:" + key, key.equals("dx") || key.equals("?") ? "on-premises network"
                    : "site with BGP ASN " + key, e.getValue().get(0), e.getValue(), how, !key.equals("?")));
        }
        return out;
    }

    /**
     * A device drawn inside an on-premises box, or joined to it by a line (a Direct Connect icon with a line
     * to the data center), belongs to that drawn site: it is never a site of its own besides it.
     */
    /** Drawn inside another on-premises shape, however deep. */
    private static boolean insideAnotherSite(Model model, Resource r) {
        Set<Resource> seen = new java.util.HashSet<>();
        java.util.Deque<Resource> todo = new java.util.ArrayDeque<>(List.of(r));
        while (!todo.isEmpty()) {
            Resource cur = todo.pop();
            if (!seen.add(cur)) {
                continue;
            }
            for (Relation rel : model.relations()) {
                if (rel.type() == io.atolint.model.RelationType.CONTAINS && rel.target().equals(cur)) {
                    if (rel.source().kind() == Kind.ON_PREMISES && !rel.source().equals(r)) {
                        return true;
                    }
                    todo.push(rel.source());
                }
            }
        }
        return false;
    }

    private static boolean drawnAtSite(Model model, Resource r) {
        return drawnAtSite(model, r, new java.util.HashSet<>());
    }

    /** Also a device joined by a line to a device of the site (the Direct Connect to its customer gateway). */
    private static boolean drawnAtSite(Model model, Resource r, Set<Resource> seen) {
        if (!seen.add(r)) {
            return false;
        }
        if (r.placement().scope() == Placement.Scope.OUTSIDE_AWS && !model.resources(Kind.ON_PREMISES).isEmpty()) {
            return true;
        }
        for (Relation rel : model.relations()) {
            if (rel.target().equals(r) && rel.source().kind() == Kind.ON_PREMISES
                    || rel.source().equals(r) && rel.target().kind() == Kind.ON_PREMISES) {
                return true;
            }
        }
        for (Relation rel : model.relations()) {
            Resource other = rel.source().equals(r) ? rel.target() : rel.target().equals(r) ? rel.source() : null;
            if (other != null && DEVICES.contains(other.kind())
                    && rel.type() != io.atolint.model.RelationType.REFERENCES && drawnAtSite(model, other, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> asnOf(Resource cgw) {
        Setting v = Setting.of(cgw, "BgpAsn");
        if (v.omitted()) {
            return cgw.attributes().entries().isEmpty() ? Optional.empty() : Optional.of("65000");
        }
        return v.string();
    }

    private static Optional<String> virtualInterfaceAsn(Model model, Resource dx) {
        for (Relation rel : model.relations()) {
            if (rel.target().equals(dx) && rel.source().kind() == Kind.DX_VIRTUAL_INTERFACE) {
                Resource vif = rel.source();
                Optional<String> asn = Setting.of(vif, "BgpAsn").string();
                if (asn.isEmpty()) {
                    List<Value> peers = Setting.of(vif, "BgpPeers").items();
                    asn = peers.isEmpty() ? Optional.empty() : Setting.in(vif, "@BgpPeer", peers.get(0), "Asn").string();
                }
                if (asn.isPresent()) {
                    return asn;
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------ flow

    private static Result flow(ResourceGraph graph, Model model, Site site, List<Site> sites) {
        Graph<String, DefaultWeightedEdge> net = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        net.addVertex(AWS);
        String source = "site:" + site.key();
        net.addVertex(source);
        Set<Resource> considered = new LinkedHashSet<>();
        for (Resource r : model.resources()) {
            if (DEVICES.contains(r.kind()) || GATEWAYS.contains(r.kind())) {
                considered.add(r);
                addNode(net, r);
            }
        }
        Resource drawn = site.anchor().kind() == Kind.ON_PREMISES ? site.anchor() : null;
        Resource soleDevice = drawn == null ? null : soleCustomerGateway(model, drawn);
        // a router or firewall drawn in the site's box ends the VPN and Direct Connect lines it draws: one device, one unit
        Set<Resource> parts = drawn == null ? Set.of() : partsOf(model, drawn);
        Set<Resource> siteDevices = new LinkedHashSet<>();
        for (Resource p : parts) {
            addNode(net, p, 1);
            link(net, source, in(p), UNBOUNDED);
        }
        for (Relation rel : model.relations()) {
            Resource a = rel.source();
            Resource b = rel.target();
            if (parts.contains(a) || parts.contains(b)) {
                Resource part = parts.contains(a) ? a : b;
                Resource other = part == a ? b : a;
                // a line from a server in the site to a workload in AWS is an application's flow over the links,
                // not a link: only lines to the network's devices and gateways count
                if (considered.contains(other) && rel.type() != io.atolint.model.RelationType.CONTAINS
                        && rel.type() != io.atolint.model.RelationType.REFERENCES) {
                    link(net, out(part), in(other), 1);
                    siteDevices.add(part);
                }
                continue;
            }
            boolean aIn = considered.contains(a) || a.equals(drawn);
            boolean bIn = considered.contains(b) || b.equals(drawn);
            if (!aIn && !bIn) {
                continue;
            }
            if (a.equals(drawn) || b.equals(drawn)) {
                Resource other = a.equals(drawn) ? b : a;
                if (other.kind() == Kind.ON_PREMISES || (rel.type() == io.atolint.model.RelationType.CONTAINS
                        && !considered.contains(other))) {
                    continue; // what is drawn inside the site (servers, users) is the site, not a way to AWS
                }
                double cap = rel.type() == io.atolint.model.RelationType.CONTAINS ? UNBOUNDED : 1;
                if (soleDevice != null && cap == 1 && considered.contains(other)) {
                    // a line drawn to the site's box leaves it through the one customer device drawn there
                    link(net, out(soleDevice), in(other), 1);
                    continue;
                }
                link(net, source, endpoint(net, other, considered), cap);
                continue;
            }
            if (!aIn || !bIn) {
                // A connectivity resource attached to something in AWS (a VPC, a drawn subnet).
                Resource inside = aIn ? b : a;
                Resource device = aIn ? a : b;
                if (!inside.kind().isOutsideAws() && inside.placement().scope() != Placement.Scope.OUTSIDE_AWS
                        && inside.kind() != Kind.ON_PREMISES) {
                    link(net, out(device), AWS, UNBOUNDED);
                    link(net, AWS, in(device), UNBOUNDED);
                }
                continue;
            }
            link(net, out(a), in(b), UNBOUNDED);
            link(net, out(b), in(a), UNBOUNDED);
        }
        for (Resource r : considered) {
            if (r.kind() == Kind.VPN_GATEWAY || r.kind() == Kind.TRANSIT_GATEWAY || r.kind() == Kind.DX_GATEWAY) {
                link(net, out(r), AWS, UNBOUNDED);
            }
        }
        if (drawn == null) {
            for (Resource m : site.members()) {
                link(net, source, in(m), UNBOUNDED);
            }
        }
        double value = new EdmondsKarpMFImpl<>(net).getMaximumFlowValue(source, AWS);
        List<Resource> cgws = new ArrayList<>();
        List<Resource> vpns = new ArrayList<>();
        List<Resource> dxs = new ArrayList<>();
        for (Resource r : reachable(graph, model, site, parts, considered)) {
            switch (r.kind()) {
                case CUSTOMER_GATEWAY -> cgws.add(r);
                case VPN_CONNECTION -> vpns.add(r);
                case DX_CONNECTION -> dxs.add(r);
                default -> {
                }
            }
        }
        // Drawn links leaving the customer gateways (a diagram draws VPN connections as labelled edges).
        List<Relation> links = new ArrayList<>();
        for (Relation rel : model.relations()) {
            Resource other = cgws.contains(rel.source()) ? rel.target() : cgws.contains(rel.target()) ? rel.source() : null;
            // a line to the Internet drawn on the way is the transport of a link, not a link to AWS
            if (other != null && other.kind() != Kind.ON_PREMISES && !DEVICES.contains(other.kind())
                    && !other.kind().isOutsideAws()
                    && rel.type() != io.atolint.model.RelationType.CONTAINS
                    && rel.type() != io.atolint.model.RelationType.REFERENCES) {
                links.add(rel);
            }
        }
        List<Resource> unresolved = new ArrayList<>();
        for (Resource vpn : vpns) {
            if (gatewayUnresolved(vpn)) {
                unresolved.add(vpn);
            }
        }
        return new Result(site, (int) Math.min(value, 99), cgws, vpns, dxs, links, unresolved,
                List.copyOf(siteDevices));
    }

    /**
     * The one customer gateway drawn inside a site's box, when it is the only thing there: lines drawn to the
     * box then end at that device, as a reviewer reads the picture (a VPN and a Direct Connect line to an office
     * box that holds one customer gateway share that device). Anything else inside (a router, a server drawn
     * as an unknown shape) may terminate a line too: then none is assumed.
     */
    private static Resource soleCustomerGateway(Model model, Resource site) {
        Resource device = null;
        for (Relation rel : model.relations()) {
            if (rel.type() != io.atolint.model.RelationType.CONTAINS || !rel.source().equals(site)) {
                continue;
            }
            Resource inside = rel.target();
            if (inside.kind() != Kind.CUSTOMER_GATEWAY || device != null) {
                return null;
            }
            device = inside;
        }
        return device;
    }

    /** Whether the AWS-side gateway of a VPN connection is written but not resolved. */
    private static boolean gatewayUnresolved(Resource vpn) {
        for (String gateway : new String[] {"TransitGatewayId", "VpnGatewayId"}) {
            Setting s = Setting.of(vpn, gateway);
            if (s.written() && s.unknown()) {
                return true;
            }
        }
        return false;
    }

    /** The devices and connections of a site: its members, and what links to them, transitively, short of AWS. */
    private static List<Resource> reachable(ResourceGraph graph, Model model, Site site, Set<Resource> parts,
                                            Set<Resource> considered) {
        Set<Resource> seen = new LinkedHashSet<>(site.members());
        seen.addAll(parts);
        List<Resource> frontier = new ArrayList<>(seen);
        while (!frontier.isEmpty()) {
            Resource r = frontier.remove(frontier.size() - 1);
            for (Relation rel : model.relations()) {
                Resource other = rel.source().equals(r) ? rel.target() : rel.target().equals(r) ? rel.source() : null;
                if (other != null && DEVICES.contains(other.kind()) && considered.contains(other) && seen.add(other)) {
                    frontier.add(other);
                }
            }
        }
        seen.removeIf(x -> !DEVICES.contains(x.kind()));
        return new ArrayList<>(seen);
    }

    private static String endpoint(Graph<String, DefaultWeightedEdge> net, Resource r, Set<Resource> considered) {
        if (considered.contains(r)) {
            return in(r);
        }
        return AWS;
    }

    private static void addNode(Graph<String, DefaultWeightedEdge> net, Resource r) {
        addNode(net, r, DEVICES.contains(r.kind()) ? 1 : UNBOUNDED);
    }

    private static void addNode(Graph<String, DefaultWeightedEdge> net, Resource r, double capacity) {
        net.addVertex(in(r));
        net.addVertex(out(r));
        link(net, in(r), out(r), capacity);
    }

    /** The on-premises shapes drawn inside a drawn site, however deep (its customer gateways are devices apart). */
    private static Set<Resource> partsOf(Model model, Resource site) {
        Set<Resource> parts = new LinkedHashSet<>();
        java.util.Deque<Resource> todo = new java.util.ArrayDeque<>(List.of(site));
        while (!todo.isEmpty()) {
            Resource cur = todo.pop();
            for (Relation rel : model.relations()) {
                if (rel.type() == io.atolint.model.RelationType.CONTAINS && rel.source().equals(cur)
                        && rel.target().kind() == Kind.ON_PREMISES && parts.add(rel.target())) {
                    todo.push(rel.target());
                }
            }
        }
        return parts;
    }

    private static String in(Resource r) {
        return "in:" + r.id();
    }

    private static String out(Resource r) {
        return "out:" + r.id();
    }

    /** Adds capacity to the arc a->b (parallel links add up). */
    private static void link(Graph<String, DefaultWeightedEdge> net, String a, String b, double capacity) {
        if (a.equals(b)) {
            return;
        }
        net.addVertex(a);
        net.addVertex(b);
        DefaultWeightedEdge e = net.getEdge(a, b);
        if (e == null) {
            e = net.addEdge(a, b);
            net.setEdgeWeight(e, capacity);
        } else {
            net.setEdgeWeight(e, Math.min(UNBOUNDED, net.getEdgeWeight(e) + capacity));
        }
    }

    static String names(List<Resource> rs) {
        List<String> n = new ArrayList<>();
        rs.forEach(r -> n.add(r.displayName()));
        return String.join(", ", n);
    }
}
