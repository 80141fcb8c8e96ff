package io.atolint.reconcile;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diagram side of a pair: the pages' elements that may stand for something deployed, and for each
 * where it is drawn (the boxes around it, its AZs) and what its label says. Framing never counts: the AWS
 * Cloud, region and account groups, AZ boxes, users, on-premises boxes and what is drawn in them, legends,
 * plain boxes and glyphs atolint does not recognise; text and connector labels are not elements at all.
 */
final class Drawing {
    /** Kinds that frame a picture and are never matched nor reported. */
    static final Set<Kind> FRAMING = EnumSet.of(Kind.AWS_CLOUD, Kind.REGION, Kind.ACCOUNT, Kind.AVAILABILITY_ZONE,
            Kind.USERS, Kind.CLIENT_DEVICE, Kind.ON_PREMISES, Kind.EXTERNAL_SYSTEM, Kind.DIAGRAM_GROUP, Kind.UNKNOWN);

    private final List<Model> pages;
    private final Map<Resource, Resource> parent = new HashMap<>();
    private final Map<Resource, Model> pageOf = new HashMap<>();
    private final List<Resource> elements = new ArrayList<>();
    private final List<Resource> unknownIcons = new ArrayList<>();
    private final Map<Resource, Words.Parsed> words = new HashMap<>();

    private final io.atolint.topology.Exposure exposure;

    Drawing(List<Model> pages, io.atolint.topology.Exposure exposure) {
        this.exposure = exposure;
        this.pages = List.copyOf(pages);
        for (Model p : pages) {
            for (Relation rel : p.relations()) {
                if (rel.type() == RelationType.CONTAINS && rel.target() != rel.source()
                        && (!parent.containsKey(rel.target()) || rel.via().equals("drawn inside"))) {
                    parent.put(rel.target(), rel.source());
                }
            }
            for (Resource r : p.resources()) {
                pageOf.put(r, p);
                if (!isFraming(r)) {
                    elements.add(r);
                } else if (isUnknownIcon(r)) {
                    unknownIcons.add(r);
                }
            }
        }
    }

    /**
     * Icons atolint does not recognise (or knows only as "some AWS service"), drawn inside AWS: they are not
     * reported, but one whose label is a resource's exact name stands for it.
     */
    List<Resource> unknownIcons() {
        return unknownIcons;
    }

    private static boolean isUnknownIcon(Resource r) {
        String drawn = r.meta().getOrDefault("drawnAs", "");
        return (r.kind() == Kind.UNKNOWN || r.kind() == Kind.GENERIC_AWS_SERVICE)
                && r.placement().scope() != Placement.Scope.OUTSIDE_AWS
                && !"true".equals(r.meta().get("container")) && !drawn.equals("text")
                && !r.meta().getOrDefault("label", "").isBlank();
    }

    List<Model> pages() {
        return pages;
    }

    List<Resource> elements() {
        return elements;
    }

    Model pageOf(Resource r) {
        return pageOf.get(r);
    }

    /** Framing, legends and what is drawn outside AWS; AZs named only in subnet labels. */
    static boolean isFraming(Resource r) {
        Kind drawnAs = kindOf(r);
        if (FRAMING.contains(drawnAs) && (FRAMING.contains(r.kind()) || drawnAs != r.kind())) {
            return true; // a framing box, or a generic icon whose label says it frames ("AWS Cloud", "Region")
        }
        if (r.kind() == Kind.GENERIC_AWS_SERVICE && kindOf(r) == Kind.GENERIC_AWS_SERVICE
                && r.meta("service").isEmpty()) {
            return true;
        }
        return r.placement().scope() == Placement.Scope.OUTSIDE_AWS
                || r.rawType().equals("subnet-name-az");
    }

    /** The kind an element is drawn as: its icon's, or for a generic glyph the one its label names. */
    static Kind kindOf(Resource e) {
        if (e.kind() == Kind.GENERIC_AWS_SERVICE || e.kind() == Kind.UNKNOWN || e.kind() == Kind.DIAGRAM_GROUP) {
            String k = e.meta().get("labelKind");
            if (k != null) {
                try {
                    return Kind.valueOf(k);
                } catch (IllegalArgumentException ignored) {
                    // a label kind this build does not know: keep the icon's
                }
            }
        }
        return e.kind();
    }

    /** The elements joined to {@code e} by a drawn line. */
    List<Resource> linked(Resource e) {
        List<Resource> out = new ArrayList<>();
        Model page = pageOf.get(e);
        if (page == null) {
            return out;
        }
        for (Relation rel : page.relations()) {
            if (rel.type() == RelationType.CONTAINS || rel.type() == RelationType.REFERENCES) {
                continue;
            }
            if (rel.source().equals(e) && !out.contains(rel.target())) {
                out.add(rel.target());
            } else if (rel.target().equals(e) && !out.contains(rel.source())) {
                out.add(rel.source());
            }
        }
        return out;
    }

    /** The gap between two drawn elements' boxes (0 when they touch); very large when unknown or on other pages. */
    double distance(Resource a, Resource b) {
        Optional<double[]> x = AzMap.box(a);
        Optional<double[]> y = AzMap.box(b);
        if (x.isEmpty() || y.isEmpty() || pageOf.get(a) != pageOf.get(b)) {
            return Double.MAX_VALUE / 2;
        }
        double[] p = x.get();
        double[] q = y.get();
        double dx = Math.max(0, Math.max(q[0] - (p[0] + p[2]), p[0] - (q[0] + q[2])));
        double dy = Math.max(0, Math.max(q[1] - (p[1] + p[3]), p[1] - (q[1] + q[3])));
        return Math.hypot(dx, dy);
    }

    private final Map<Resource, List<Resource>> ancestors = new HashMap<>();
    private final Map<Resource, String> subnetRoles = new HashMap<>();

    /** The boxes an element is drawn in, innermost first. */
    List<Resource> ancestors(Resource e) {
        return ancestors.computeIfAbsent(e, this::walkUp);
    }

    private List<Resource> walkUp(Resource e) {
        List<Resource> out = new ArrayList<>();
        Set<Resource> seen = new LinkedHashSet<>();
        Resource p = parent.get(e);
        while (p != null && seen.add(p) && out.size() < 64) {
            out.add(p);
            p = parent.get(p);
        }
        return out;
    }

    Optional<Resource> ancestor(Resource e, Kind kind) {
        for (Resource a : ancestors(e)) {
            if (a.kind() == kind) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    Words.Parsed words(Resource e) {
        return words.computeIfAbsent(e, x -> Words.parse(x.meta().getOrDefault("label", "")));
    }

    /**
     * A role the element claims: {@code standby} or {@code replica} (from its label or its icon, such as
     * {@code db_instance_standby}), {@code primary}, or empty.
     */
    String role(Resource e) {
        return roles.computeIfAbsent(e, this::findRole);
    }

    private final Map<Resource, String> roles = new HashMap<>();

    private String findRole(Resource e) {
        String shape = e.meta().getOrDefault("shape", "").toLowerCase(Locale.ROOT) + " " + e.rawType().toLowerCase(Locale.ROOT);
        if (shape.contains("standby")) {
            return "standby";
        }
        if (shape.contains("replica")) {
            return "replica";
        }
        Set<String> roles = words(e).roles();
        if (roles.contains("standby") || roles.contains("failover")) {
            return "standby";
        }
        if (roles.contains("replica")) {
            return "replica";
        }
        return roles.contains("primary") ? "primary" : "";
    }

    /** The AZs an element is drawn in (empty when it is in none). */
    static List<Az> azs(Resource e) {
        Placement p = e.placement();
        return p.scope() == Placement.Scope.ZONAL ? p.azs() : List.of();
    }

    /** {@code public}, {@code private} or empty: the element's own subnet type, or the innermost subnet's it is in. */
    String subnetRole(Resource e) {
        return subnetRoles.computeIfAbsent(e, this::findSubnetRole);
    }

    private String findSubnetRole(Resource e) {
        Resource s = e.kind() == Kind.SUBNET ? e : ancestor(e, Kind.SUBNET).orElse(null);
        if (s == null) {
            return "";
        }
        io.atolint.model.Tri pub = exposure.publicSubnet(s); // the one definition of a public subnet
        return pub.isTrue() ? "public" : pub.isFalse() ? "private" : "";
    }

    /** How to call an element: its label, or its kind and where it is drawn. */
    String name(Resource e) {
        String label = e.meta().getOrDefault("label", "");
        if (!label.isEmpty()) {
            return "'" + label + "'";
        }
        String kind = io.atolint.model.Names.kindLabel(kindOf(e));
        for (Resource a : ancestors(e)) {
            String l = a.meta().getOrDefault("label", "");
            if (!l.isEmpty()) {
                return "unlabelled " + kind + " in '" + l + "'";
            }
        }
        return "unlabelled " + kind + " (cell " + e.name() + ")";
    }
}
