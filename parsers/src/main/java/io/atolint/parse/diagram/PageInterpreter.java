package io.atolint.parse.diagram;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a drawn page its meaning, the same way for draw.io, draw.io SVG/PNG and plain SVG, in the order a
 * reviewer reads it: what each shape is ({@link ShapeRecognizer}, then {@link Refinement} with the detached
 * labels and the non-AWS pictures), what holds what ({@link Containment}), where the Availability Zones
 * are ({@link AzRecognition}), where each thing runs ({@link Placements}), and what the lines connect
 * ({@link Connectors}). Unlabelled things are named by kind and position ({@link PositionNames}).
 *
 * <p>Containment is O(n²) in the shapes of a page, which real pages (tens to hundreds of shapes) afford.
 */
public final class PageInterpreter {
    /** Kinds that are drawn as containers. */
    static final Set<Kind> GROUP_KINDS = Containment.GROUP_KINDS;
    /** How near a picture's outline a loose line end may stop and still end at the picture. */
    private static final double LOOSE_END_REACH = 10;

    private final DrawnPage page;
    /** Shapes of the page's legends, left out of the reading. */
    private final int legendShapes;
    private final String idPrefix;
    private final String azFamily;
    private final Map<String, PageNode> nodes = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    public PageInterpreter(DrawnPage page) {
        this.page = Legends.without(page);
        this.legendShapes = page.shapes().size() - this.page.shapes().size();
        this.idPrefix = page.file() + "#" + page.index() + "/";
        String fileName = page.file().substring(page.file().lastIndexOf('/') + 1);
        // one family per page: distinct AZ boxes of a page are provably distinct AZs, other pages' are not comparable
        this.azFamily = fileName + " p" + page.index() + " AZ";
    }

    public DiagramView interpret() {
        List<DrawnPage.Link> arrows = new ArrayList<>();
        java.util.Set<String> pipes = new java.util.LinkedHashSet<>();
        List<DrawnPage.Shape> pipeShapes = page.shapes().stream().filter(ArrowShapes::isPipe).toList();
        for (DrawnPage.Shape s : pipeShapes) {
            boolean inner = pipeShapes.stream().anyMatch(o -> o != s && o.box().holds(s.box())
                    && o.box().area() > s.box().area());
            if (!inner) {
                arrows.add(ArrowShapes.pipeAsLink(s));
                pipes.add(s.id());
            }
        }
        for (DrawnPage.Shape s : page.shapes()) {
            if (pipeShapes.contains(s)) {
                continue;
            }
            DrawnPage.Link arrow = ArrowShapes.asLink(s);
            if (arrow != null) {
                arrows.add(arrow);
                continue;
            }
            nodes.put(s.id(), new PageNode(s, ShapeRecognizer.recognise(s)));
        }
        PageScale scale = PageScale.of(nodes.values());
        markEndpoints(scale);
        Refinement.adoptDetachedLabels(nodes.values(), scale);
        Refinement.recognise(nodes.values());
        BoxTitles.icons(nodes.values(), scale);
        Containment.find(nodes);
        Containment.groupsByLabel(nodes.values());
        Containment.groupsByPlace(nodes.values());
        AzRecognition azs = new AzRecognition(nodes, azFamily);
        azs.recognise();
        Containment.find(nodes);
        Containment.devicesOnSiteBorders(nodes.values());
        azs.assign();
        Refinement.beyondBoundary(nodes.values());
        Refinement.outsideNamesInsideTheNetwork(nodes.values());
        Placements placements = new Placements(nodes, azs, scale);
        List<DrawnPage.Link> allLinks = new ArrayList<>(page.links());
        allLinks.addAll(arrows);
        LineMarks.mark(nodes, allLinks, scale);

        Model model = new Model(page.file() + " " + DrawioReader.pagePath(page.index(), page.name()), page.format(),
                List.of(page.file()));
        model.meta().put("page", Integer.toString(page.index()));
        model.meta().put("pageName", page.name());
        io.atolint.model.DrawnBox.recordPageScale(model.meta(), scale.factor());
        int ignored = 0;
        Map<PageNode, Placement> placed = new LinkedHashMap<>();
        for (PageNode n : nodes.values()) {
            if (isResource(n)) {
                placed.put(n, placements.of(n));
            }
        }
        Map<PageNode, String> names = PositionNames.names(placed);
        for (PageNode n : nodes.values()) {
            if (isResource(n)) {
                Map<String, String> extra = new LinkedHashMap<>();
                if (names.containsKey(n)) {
                    extra.put("name", names.get(n));
                }
                placements.convention(n).ifPresent(c -> extra.put("spans", "convention"));
                Resource r = ResourceMaker.resource(n, page, idPrefix, extra);
                resources.put(n.id(), r);
                model.add(r);
            } else if (!n.isText() && !n.isInvisibleGroup()) {
                ignored++;
            }
        }
        List<DiagramView.GroupView> groups = new ArrayList<>();
        for (PageNode n : nodes.values()) {
            Resource r = resources.get(n.id());
            if (r == null) {
                continue;
            }
            PageNode direct = n.direct();
            Resource parent = direct == null ? null : resources.get(direct.id());
            if (parent != null) {
                model.relate(new Relation(RelationType.CONTAINS, parent, r, "drawn inside", r.location()));
            }
            if (n.container) {
                groups.add(new DiagramView.GroupView(r, parent));
            }
        }
        List<DiagramView.AzView> azViews = new ArrayList<>();
        namedSubnetAzs(model, placements, azViews);
        for (PageNode n : nodes.values()) {
            Resource r = resources.get(n.id());
            if (r == null) {
                continue;
            }
            r.setPlacement(placed.get(n));
            if (n.kind == Kind.AVAILABILITY_ZONE && azs.isAzBox(n)) {
                azViews.add(new DiagramView.AzView(r, azs.azOf(n), n.azHow));
            }
        }
        Connectors connectors = new Connectors(page, arrows, pipes, nodes, resources, scale);
        connectors.attachments(model);
        List<DiagramView.EdgeView> edges = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        connectors.edges(model, edges, unresolved);
        connectors.throughOutsideNetworks(model, edges);
        return new DiagramView(page, model, groups, List.copyOf(azViews), edges, unresolved, ignored, legendShapes);
    }

    /**
     * The shapes lines end at: glued, or (a picture the reader does not know, such as a product logo) with a loose
     * end stopping at its outline, as lines drawn without gluing them end.
     */
    private void markEndpoints(PageScale scale) {
        for (DrawnPage.Link l : page.links()) {
            for (String id : new String[]{l.sourceId(), l.targetId()}) {
                PageNode n = id == null ? null : nodes.get(id);
                if (n != null) {
                    n.endpoint = true;
                }
            }
            List<double[]> loose = new ArrayList<>();
            if (l.sourceId() == null) {
                loose.add(l.sourceEnd());
            }
            if (l.targetId() == null) {
                loose.add(l.targetEnd());
            }
            for (double[] p : loose) {
                for (PageNode n : p == null ? List.<PageNode>of() : nodes.values()) {
                    if (n.kind == Kind.UNKNOWN && Refinement.isPicture(n) && !n.container
                            && n.box().distance(p[0], p[1]) <= scale.of(LOOSE_END_REACH)) {
                        n.endpoint = true;
                    }
                }
            }
        }
    }

    /**
     * AZs named only in subnet labels ("Web subnet AZ-a"): one AZ resource per name holds the subnets
     * outside any AZ box that name it.
     */
    private void namedSubnetAzs(Model model, Placements placements, List<DiagramView.AzView> azViews) {
        Map<String, Resource> azResources = new LinkedHashMap<>();
        for (Map.Entry<PageNode, Az> e : placements.namedSubnets().entrySet()) {
            PageNode n = e.getKey();
            Az az = e.getValue();
            Resource sub = resources.get(n.id());
            String how = "subnet name '" + n.label() + "'";
            Resource azRes = azResources.get(az.value());
            if (azRes == null) {
                String id = "az-from-subnet-names:" + az.value();
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("label", az.value() + " (named in subnet labels)");
                meta.put("page", Integer.toString(page.index()));
                meta.put("shape", "(none)");
                meta.put("drawnAs", "subnet names");
                meta.put("azHow", how);
                azRes = new Resource(idPrefix + id, id, "subnet-name-az", Kind.AVAILABILITY_ZONE,
                        Value.MapV.empty(sub.location()), sub.location(), page.format(), meta);
                azRes.setPlacement(Placement.zonal(List.of(az), how));
                model.add(azRes);
                azResources.put(az.value(), azRes);
                azViews.add(new DiagramView.AzView(azRes, az, how));
            }
            model.relate(new Relation(RelationType.CONTAINS, azRes, sub, how, sub.location()));
        }
    }

    private static boolean isResource(PageNode n) {
        if (n.isText() || n.absorbedInto != null) {
            return false;
        }
        return n.rec.isKnown() || n.container || n.endpoint;
    }

    /** The location of the page for page-level findings. */
    public static SourceLocation pageLocation(DrawnPage p) {
        return p.where();
    }

    /** Every resource kind this interpreter places by drawing; used by rules that ask whether a tier is zonal. */
    public static Set<Kind> zonalKinds() {
        return Collections.unmodifiableSet(Placements.ZONAL_KINDS);
    }

    /** Group kinds (containers) of diagrams. */
    public static Set<Kind> groupKinds() {
        return Collections.unmodifiableSet(GROUP_KINDS);
    }

    static Set<String> ids(List<Resource> rs) {
        Set<String> out = new HashSet<>();
        for (Resource r : rs) {
            out.add(r.id());
        }
        return out;
    }
}
