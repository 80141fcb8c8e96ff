package io.atolint.report.html;

import io.atolint.analysis.Analysis;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.report.html.ArchitectureView.Box;
import io.atolint.report.html.ArchitectureView.BoxKind;
import io.atolint.report.html.ArchitectureView.Edge;
import io.atolint.report.html.ArchitectureView.Node;
import io.atolint.topology.Facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds an {@link ArchitectureView} in one pass over the graph: a box per VPC, per AZ value in a VPC and
 * per subnet, then each drawn resource in the box its facts put it in. Which VPC, which subnets and which
 * subnets are public come from the analysis's {@link Facts}; every order follows the model's, so output
 * is stable.
 */
final class ViewBuilder {
    static final Set<Kind> CONTAINER_KINDS = Set.of(Kind.VPC, Kind.SUBNET, Kind.REGION,
            Kind.AVAILABILITY_ZONE, Kind.AWS_CLOUD, Kind.ACCOUNT);

    private final ResourceGraph graph;
    private final Facts facts;
    private final ViewNodes nodes;
    private final Box root = new Box("root", BoxKind.REGION, "", "", false);
    private final Box outside = new Box("outside", BoxKind.OUTSIDE, "Outside AWS", "", false);
    private final Box global = new Box("global", BoxKind.GLOBAL, "Global services", "", false);
    private final Box region;
    private final Box unplaced = new Box("unplaced", BoxKind.UNPLACED, "Placement UNKNOWN",
            "where these run cannot be decided from the files", false);
    private final Map<Resource, Box> vpcBoxes = new LinkedHashMap<>();
    private final Map<Resource, Box> subnetBoxes = new LinkedHashMap<>();
    private final Map<String, Box> azBoxes = new HashMap<>();
    private final Model only;
    private Box externalVpc;

    ViewBuilder(Analysis analysis, Model only, ViewNodes nodes) {
        this.graph = analysis.graph();
        this.facts = analysis.facts();
        this.nodes = nodes;
        this.only = only;
        String r = analysis.options().regionOpt().orElse(null);
        this.region = new Box("region", BoxKind.REGION, r == null ? "Region (not given)" : "Region " + r,
                r == null ? "AZ names stay symbolic without --region" : "", false);
    }

    ArchitectureView build() {
        for (Resource vpc : resources(Kind.VPC)) {
            vpcBoxes.put(vpc, region.add(new Box(boxId("vpc", vpc), BoxKind.VPC, "VPC " + ViewNodes.shortName(vpc),
                    io.atolint.model.Setting.of(vpc, "CidrBlock").string().orElse(""), false)));
        }
        for (Resource subnet : resources(Kind.SUBNET)) {
            Box vpc = vpcOf(subnet);
            Az az = subnet.placement().azs().isEmpty() ? Az.unknown("no AZ") : subnet.placement().azs().get(0);
            Box azBox = azBox(vpc, az, facts.vpcs().enclosing(subnet, Kind.AVAILABILITY_ZONE).orElse(null));
            Tri isPublic = facts.exposure().publicSubnet(subnet);
            subnetBoxes.put(subnet, azBox.add(new Box(boxId("subnet", subnet), BoxKind.SUBNET,
                    ViewNodes.shortName(subnet), subnetDetail(subnet, isPublic), isPublic.isTrue())));
        }
        List<Resource> drawn = new ArrayList<>();
        Map<String, Integer> notDrawn = new TreeMap<>();
        for (Resource r : only == null ? graph.resources() : only.resources()) {
            if (isDrawn(r)) {
                drawn.add(r);
            } else if (!CONTAINER_KINDS.contains(r.kind())) {
                notDrawn.merge(Names.kindLabel(r.kind()), 1, Integer::sum);
            }
        }
        Map<Resource, List<String>> borrowed = nodes.borrowedProblems(drawn);
        Map<Resource, Node> placed = new LinkedHashMap<>();
        for (Resource r : drawn) {
            Node n = nodes.node(r, borrowed.getOrDefault(r, List.of()), facts.exposure());
            placed.put(r, n);
            containerOf(r).nodes().add(n);
        }
        List<Edge> edges = new ViewEdges(graph, facts.exposure(), placed).edges(drawn, outside);
        for (Box b : List.of(outside, global, region, unplaced)) {
            if (!b.isEmpty()) {
                root.add(b);
            }
        }
        prune(root);
        return new ArchitectureView(root, edges, notDrawn, drawn.size());
    }

    private List<Resource> resources(Kind kind) {
        return only == null ? graph.resources(kind) : only.resources(kind);
    }

    private static String boxId(String prefix, Resource r) {
        return prefix + ":" + r.id();
    }

    /**
     * A drawn group box is drawn as the boxes of the picture are, except one the traffic passes through (an Auto
     * Scaling group or ECS service drawn as a box, a plain box lines are drawn to): it is a hop, a node of the picture
     * as its icon would be.
     */
    private boolean isDrawn(Resource r) {
        return DrawnKinds.drawn(r.kind(), r.format().isDiagram())
                && (!r.meta().containsKey("container") || isHop(r));
    }

    /**
     * A drawn box the traffic passes through: a vertex of the topology with a role, and lines drawn to or from
     * the box itself (an Auto Scaling group box whose lines go to the instances inside it stays their frame; the
     * instances carry the lines).
     */
    private boolean isHop(Resource r) {
        return graph.hasTrafficLine(r) && facts.topology().of(graph.modelOf(r))
                .map(t -> t.traffic().vertices().contains(r) && t.traffic().role(r).isPresent()).orElse(false);
    }

    /** The VPC holding a subnet, directly (IaC) or through drawn groups such as an AZ box (diagrams). */
    private Box vpcOf(Resource subnet) {
        Resource vpc = facts.vpcs().of(subnet).vpc();
        if (vpc != null && vpcBoxes.containsKey(vpc)) {
            return vpcBoxes.get(vpc);
        }
        if (externalVpc == null) {
            externalVpc = region.add(new Box("vpc:?", BoxKind.VPC, "VPC outside the scanned files",
                    "subnets whose VPC is not defined here", false));
        }
        return externalVpc;
    }

    /** The VPC box of a resource: the VPC it is in, else the one it is attached to (a gateway on the VPC's edge). */
    private Optional<Box> vpcOfResource(Resource r) {
        Resource in = facts.vpcs().of(r).vpc();
        if (in != null && vpcBoxes.containsKey(in)) {
            return Optional.of(vpcBoxes.get(in));
        }
        return facts.vpcs().attachedTo(r).filter(vpcBoxes::containsKey).map(vpcBoxes::get);
    }

    private Box azBox(Box vpc, Az az) {
        return azBox(vpc, az, null);
    }

    /** One box per AZ value in a VPC; a drawn AZ group lends its label ("Availability Zone 2"). */
    private Box azBox(Box vpc, Az az, Resource drawnAz) {
        String key = vpc.id() + "|" + az.value();
        String how = az.how().isEmpty() || az.how().equals("literal") ? "" : az.how();
        String label = !az.isKnown() ? "AZ UNKNOWN" : drawnAz != null ? drawnAz.meta("label").filter(l -> !l.isBlank())
                .orElse("AZ " + ViewNodes.shortAz(az.value())) : "AZ " + ViewNodes.shortAz(az.value());
        return azBoxes.computeIfAbsent(key, k -> vpc.add(new Box("az:" + key, BoxKind.AZ, label, how, false)));
    }

    private static String subnetDetail(Resource subnet, Tri isPublic) {
        List<String> parts = new ArrayList<>();
        io.atolint.model.Setting.of(subnet, "CidrBlock").string().ifPresent(parts::add);
        parts.add(isPublic.isTrue() ? "public" : isPublic.isFalse() ? "private" : "public: UNKNOWN");
        return String.join(" · ", parts);
    }

    /** The innermost box that holds every subnet the resource runs in, else a box by placement. */
    private Box containerOf(Resource r) {
        DrawnKinds.Family family = DrawnKinds.family(r.kind());
        Placement p = r.placement();
        if (family == DrawnKinds.Family.OUTSIDE || p.scope() == Placement.Scope.OUTSIDE_AWS) {
            return outside;
        }
        List<Box> subnets = new ArrayList<>();
        for (Resource s : facts.vpcs().subnetsOf(r)) {
            Box b = subnetBoxes.get(s);
            if (b != null && !subnets.contains(b)) {
                subnets.add(b);
            }
        }
        if (!subnets.isEmpty()) {
            return lowestCommon(subnets);
        }
        Optional<Box> vpc = vpcOfResource(r);
        return switch (p.scope()) {
            case GLOBAL -> global;
            case UNKNOWN -> unplaced;
            case ZONAL, ONE_OF -> {
                Set<String> azs = new LinkedHashSet<>();
                p.azs().forEach(az -> azs.add(az.value()));
                if (vpc.isPresent() && azs.size() == 1 && p.scope() == Placement.Scope.ZONAL) {
                    yield azBox(vpc.get(), p.azs().get(0));
                }
                yield vpc.orElse(region);
            }
            default -> vpc.orElse(region);
        };
    }

    private static Box lowestCommon(List<Box> boxes) {
        Box common = boxes.get(0);
        for (Box b : boxes.subList(1, boxes.size())) {
            common = lowestCommon(common, b);
        }
        return common;
    }

    private static Box lowestCommon(Box a, Box b) {
        Set<Box> ancestors = new HashSet<>();
        for (Box x = a; x != null; x = x.parent()) {
            ancestors.add(x);
        }
        for (Box y = b; y != null; y = y.parent()) {
            if (ancestors.contains(y)) {
                return y;
            }
        }
        return a;
    }

    /** Drops empty boxes (an AZ with only empty subnets stays: its subnets say what is there). */
    private static void prune(Box b) {
        b.boxes().removeIf(c -> c.kind() != BoxKind.SUBNET && c.kind() != BoxKind.AZ && c.isEmpty()
                && c.kind() != BoxKind.VPC);
        b.boxes().forEach(ViewBuilder::prune);
    }
}
