package io.atolint.reconcile;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Names;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links between AWS and a site outside it. A VPN or Direct Connect path drawn from on premises (a
 * connector labelled VPN, IPsec, Direct Connect, DX..., or one that ends at a VPN gateway, customer gateway,
 * transit gateway or Direct Connect icon) needs a VPN, Direct Connect, virtual private gateway or transit
 * gateway resource in the IaC; and the IaC's VPN and Direct Connect resources need a drawing (the line is
 * enough: a drawn VPN line stands for the VPN connection, its customer gateway and its virtual private
 * gateway). Internet users reaching an internet gateway, a load balancer or CloudFront are not such a link.
 */
final class OutsideLinks {
    static final Set<Kind> VPN_KINDS = EnumSet.of(Kind.VPN_CONNECTION, Kind.CUSTOMER_GATEWAY, Kind.VPN_GATEWAY);
    static final Set<Kind> DX_KINDS = EnumSet.of(Kind.DX_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE);
    private static final Set<Kind> LINK_ENDS = EnumSet.of(Kind.VPN_CONNECTION, Kind.CUSTOMER_GATEWAY, Kind.VPN_GATEWAY,
            Kind.DX_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE, Kind.TRANSIT_GATEWAY);
    private static final Set<Kind> IAC_LINKS = EnumSet.of(Kind.VPN_CONNECTION, Kind.CUSTOMER_GATEWAY, Kind.VPN_GATEWAY,
            Kind.DX_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE, Kind.TRANSIT_GATEWAY,
            Kind.TRANSIT_GATEWAY_ATTACHMENT);
    private static final Pattern VPN_WORDS = Pattern.compile("(?i)\\b(vpn|ipsec|ip-sec|site[- ]to[- ]site|s2s|tunnels?)\\b");
    private static final Pattern DX_WORDS = Pattern.compile("(?i)\\b(direct ?connect|dx|dedicated (line|connection)|mpls|cross[- ]connect)\\b");

    /** A drawn link from a site outside AWS; {@code dx} when it is Direct Connect, else VPN. */
    record DrawnLink(Relation edge, Resource outside, Resource inside, boolean dx) {
        String cell() {
            String p = edge.location() == null ? "" : edge.location().logicalPath();
            int i = p.lastIndexOf("cell ");
            return i < 0 ? "" : p.substring(i + 5);
        }
    }

    private final Drawing drawing;
    private final Deployment deployment;

    OutsideLinks(Drawing drawing, Deployment deployment) {
        this.drawing = drawing;
        this.deployment = deployment;
    }

    /** Every drawn VPN or Direct Connect link from a site outside AWS. */
    List<DrawnLink> drawnLinks() {
        List<DrawnLink> out = new ArrayList<>();
        for (Model page : drawing.pages()) {
            for (Relation rel : page.relations()) {
                if (rel.type() != RelationType.CONNECTS_OUTSIDE && rel.type() != RelationType.ROUTES_TO) {
                    continue;
                }
                Resource outside = site(rel.source()) ? rel.source() : site(rel.target()) ? rel.target() : null;
                if (outside == null) {
                    continue;
                }
                Resource inside = outside == rel.source() ? rel.target() : rel.source();
                if (site(inside)) {
                    continue;
                }
                boolean dx = DX_WORDS.matcher(rel.via()).find() || DX_KINDS.contains(Drawing.kindOf(inside))
                        || DX_KINDS.contains(Drawing.kindOf(outside));
                boolean vpn = VPN_WORDS.matcher(rel.via()).find() || LINK_ENDS.contains(Drawing.kindOf(inside))
                        || LINK_ENDS.contains(Drawing.kindOf(outside));
                if (dx || vpn) {
                    out.add(new DrawnLink(rel, outside, inside, dx));
                }
            }
        }
        return out;
    }

    /** On premises: an on-premises box or anything drawn in one (users and devices are not sites). */
    private static boolean site(Resource r) {
        if (r.kind() == Kind.USERS || r.kind() == Kind.CLIENT_DEVICE) {
            return false;
        }
        return r.kind() == Kind.ON_PREMISES || r.kind() == Kind.EXTERNAL_SYSTEM
                || r.placement().scope() == Placement.Scope.OUTSIDE_AWS && !r.kind().isOutsideAws()
                || r.kind() == Kind.CUSTOMER_GATEWAY;
    }

    /** Kinds that a drawn link stands for, so that they are not "deployed but not drawn". */
    static boolean drawnByLink(Kind k, List<DrawnLink> links) {
        for (DrawnLink l : links) {
            if (l.dx() ? DX_KINDS.contains(k) : VPN_KINDS.contains(k)) {
                return true;
            }
        }
        return false;
    }

    List<Discrepancy> run(List<DrawnLink> links, List<Resource> undrawn) {
        List<Discrepancy> out = new ArrayList<>();
        boolean iacHasLinks = deployment.resources().stream().anyMatch(r -> IAC_LINKS.contains(r.kind()));
        if (!iacHasLinks) {
            Map<Resource, DrawnLink> perSite = new LinkedHashMap<>();
            for (DrawnLink l : links) {
                perSite.putIfAbsent(l.outside(), l);
            }
            for (DrawnLink l : perSite.values()) {
                out.add(new Discrepancy(Discrepancy.Type.OUTSIDE_LINK, l.outside(), List.of(),
                        "the diagram draws a " + (l.dx() ? "Direct Connect" : "VPN") + " link from " + drawing.name(l.outside())
                                + " to " + drawing.name(l.inside()) + (l.cell().isEmpty() ? "" : " (cell " + l.cell() + ")")
                                + "; the IaC deploys no VPN connection, Direct Connect, virtual private gateway or transit gateway",
                        true, null, l.edge().location(), List.of()));
            }
        }
        List<Resource> vpn = new ArrayList<>();
        List<Resource> dx = new ArrayList<>();
        for (Resource r : undrawn) {
            if (VPN_KINDS.contains(r.kind())) {
                vpn.add(r);
            } else if (DX_KINDS.contains(r.kind())) {
                dx.add(r);
            }
        }
        for (List<Resource> group : List.of(vpn, dx)) {
            if (group.isEmpty()) {
                continue;
            }
            List<String> names = group.stream().map(Names::of).toList();
            boolean isDx = group == dx;
            out.add(new Discrepancy(Discrepancy.Type.OUTSIDE_LINK, null, group, "the IaC deploys a "
                    + (isDx ? "Direct Connect link" : "Site-to-Site VPN") + " (" + String.join(", ", names)
                    + ") that the diagram does not draw: no " + (isDx ? "Direct Connect" : "VPN")
                    + " line or icon joins a site outside AWS", true, null, null, Claims.related(group)));
        }
        return out;
    }

    static boolean isLinkKind(Kind k) {
        return VPN_KINDS.contains(k) || DX_KINDS.contains(k);
    }
}
