package io.atolint.reconcile;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.model.Severity;
import io.atolint.model.Names;
import io.atolint.topology.Facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a diagram with the IaC it should show (see {@link Pair}), from the models the scan already
 * built: matches elements to resources ({@link Matcher}), lists the elements with no counterpart and the
 * deployed services no element stands for (minus what a diagram is not expected to draw, {@code
 * not-drawn.tsv}, and what a drawn resource also stands for, {@code covers.tsv}), checks the diagram's
 * availability claims ({@link Claims}) and its links outside AWS ({@link OutsideLinks}).
 */
public final class Reconciler {
    private final Facts facts;
    private final ResourceGraph graph;
    private final String region;

    /** Compares pairs of the analysis whose facts are given; {@code region} orders literal AZ names when given. */
    public Reconciler(Facts facts, String region) {
        this.facts = facts;
        this.graph = facts.graph();
        this.region = region;
    }

    /** Every pair, in order. */
    public List<Reconciliation> reconcile(List<Pair> pairs) {
        List<Reconciliation> out = new ArrayList<>();
        for (Pair p : pairs) {
            out.add(reconcile(p));
        }
        return out;
    }

    public Reconciliation reconcile(Pair pair) {
        List<Model> pages = new ArrayList<>();
        List<Model> iac = new ArrayList<>();
        for (Model m : graph.models()) {
            if (pair.isDiagramPage(m)) {
                pages.add(m);
            } else if (pair.isIac(m)) {
                iac.add(m);
            }
        }
        if (pages.isEmpty()) {
            return Reconciliation.failed(pair, pages, iac, "no diagram page was read from " + pair.diagram()
                    + (pair.page() == null ? "" : " (page " + pair.page() + ")"));
        }
        if (iac.isEmpty()) {
            return Reconciliation.failed(pair, pages, iac, "no CloudFormation, CDK or Terraform was read under "
                    + String.join(", ", pair.iac()));
        }
        Drawing drawing = new Drawing(pages, facts.exposure());
        Deployment deployment = new Deployment(facts, iac);
        AzMap azs = AzMap.of(pages, iac, region);
        List<Match> matches = new Matcher(drawing, deployment, azs).run();
        Set<Resource> matchedElements = new LinkedHashSet<>();
        Set<Resource> drawn = new LinkedHashSet<>();
        for (Match m : matches) {
            matchedElements.add(m.element());
            drawn.addAll(m.iac());
        }
        OutsideLinks links = new OutsideLinks(drawing, deployment);
        List<OutsideLinks.DrawnLink> drawnLinks = links.drawnLinks();

        List<Discrepancy> found = new ArrayList<>();
        List<Resource> undrawn = undrawn(deployment, drawn, drawnLinks);
        found.addAll(notDrawn(drawing, deployment, undrawn));
        List<Resource> unmatched = new ArrayList<>();
        for (Resource e : drawing.elements()) {
            if (!matchedElements.contains(e)) {
                unmatched.add(e);
            }
        }
        Claims claims = new Claims(drawing, deployment, azs, matches, drawnLinks);
        List<Discrepancy> claimed = claims.run();
        unmatched.removeAll(claims.copyClaims());
        found.addAll(notDeployed(drawing, deployment, unmatched, drawnLinks, drawn, azs));
        unmatched.addAll(claims.copyClaims());
        found.addAll(claimed);
        found.addAll(links.run(drawnLinks, undrawn));
        return new Reconciliation(pair, pages, iac, matches, unmatched, undrawn, found, azs, null);
    }

    /** Deployed resources that no element stands for, minus what a diagram need not draw or a drawing covers. */
    private List<Resource> undrawn(Deployment deployment, Set<Resource> drawn, List<OutsideLinks.DrawnLink> links) {
        // what a drawn resource covers covers in turn (Aurora instances drawn: the cluster, then its secret)
        Set<Resource> shown = new LinkedHashSet<>(drawn);
        for (int round = 0; round < 2; round++) {
            for (Resource r : deployment.resources()) {
                if (!shown.contains(r) && covered(r, shown)) {
                    shown.add(r);
                }
            }
        }
        List<Resource> out = new ArrayList<>();
        for (Resource r : deployment.resources()) {
            if (shown.contains(r) || r.kind() == Kind.UNKNOWN || Conventions.notDrawn(r.kind()).isPresent()
                    || OutsideLinks.drawnByLink(r.kind(), links) || backsCustomResource(r)) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    /**
     * A function that only backs custom resources of the template (their {@code ServiceToken}: CDK's bucket
     * notification and log retention handlers, a lookup) is deployment plumbing, not architecture.
     */
    private boolean backsCustomResource(Resource r) {
        if (r.kind() != Kind.LAMBDA_FUNCTION) {
            return false;
        }
        List<Resource> users = graph.sources(r, RelationType.REFERENCES);
        return !users.isEmpty() && users.stream().allMatch(u -> u.rawType().startsWith("Custom::")
                || u.rawType().equals("AWS::CloudFormation::CustomResource")
                || Conventions.notDrawn(u.kind()).isPresent() || u.kind() == Kind.UNKNOWN && u.rawType().startsWith("AWS::Lambda::"))
                && users.stream().anyMatch(u -> u.rawType().startsWith("Custom::")
                || u.rawType().equals("AWS::CloudFormation::CustomResource"));
    }

    /**
     * Kinds one stack deploys for the services of others (an ECS or EKS cluster): a drawn service of another
     * stack may stand for them though nothing in the files ties the two. Nothing else is covered that way: an
     * EC2 instance is not drawn by an unrelated Auto Scaling group, a secret by an unrelated database.
     */
    private static final Set<Kind> SHARED_ACROSS_STACKS = Set.of(Kind.ECS_CLUSTER, Kind.EKS_CLUSTER);

    /** Drawn through a related resource: an Aurora cluster through its instances, an ECS cluster through its service. */
    private boolean covered(Resource r, Set<Resource> drawn) {
        List<Resource> related = new ArrayList<>(graph.targets(r, RelationType.REFERENCES));
        related.addAll(graph.sources(r, RelationType.REFERENCES));
        for (Resource o : related) {
            if (drawn.contains(o) && Conventions.cover(o.kind(), r.kind()).isPresent()) {
                return true;
            }
        }
        // Across stacks (an ECS service in one template naming, by an import, the cluster of another): nothing in
        // the files ties a drawn service to this cluster, and nothing undrawn of that kind refers to it either.
        if (!SHARED_ACROSS_STACKS.contains(r.kind())) {
            return false;
        }
        for (Resource d : drawn) {
            if (Conventions.cover(d.kind(), r.kind()).isPresent()
                    && related.stream().noneMatch(o -> o.kind() == d.kind())
                    && graph.targets(d, RelationType.REFERENCES).stream().noneMatch(t -> t.kind() == r.kind())) {
                return true;
            }
        }
        return false;
    }

    private List<Discrepancy> notDrawn(Drawing drawing, Deployment deployment, List<Resource> undrawn) {
        Map<Deployment.Unit, List<Resource>> byUnit = new LinkedHashMap<>();
        for (Resource r : undrawn) {
            if (!OutsideLinks.isLinkKind(r.kind())) {
                byUnit.computeIfAbsent(deployment.unitOf(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Discrepancy> out = new ArrayList<>();
        for (Map.Entry<Deployment.Unit, List<Resource>> e : byUnit.entrySet()) {
            Deployment.Unit u = e.getKey();
            List<Resource> missing = e.getValue();
            Resource first = missing.get(0);
            List<String> sameKind = new ArrayList<>();
            for (Resource el : drawing.elements()) {
                Optional<Conventions.KindPair> p = Conventions.pair(Drawing.kindOf(el), first.kind());
                if (p.isPresent() && p.get().weight() >= 0.75) {
                    sameKind.add(drawing.name(el));
                }
            }
            String kind = Names.kindLabel(first.kind());
            String what;
            if (u.members().size() > 1 && missing.size() < u.members().size()) {
                what = String.join(", ", missing.stream().map(Resource::displayName).toList()) + " of "
                        + u.display() + " " + (missing.size() == 1 ? "is" : "are") + " deployed but not drawn: the diagram draws "
                        + (u.members().size() - missing.size()) + " of the " + u.members().size() + " instances";
            } else {
                what = (u.members().size() > 1 ? kind + "s " + u.display() : Names.of(first))
                        + (u.members().size() > 1 ? " are deployed but not drawn: no element of the diagram stands for them"
                        : " is deployed but not drawn: no element of the diagram stands for it");
            }
            String condition = first.meta().get("condition");
            boolean decided = condition == null;
            String msg = what + (sameKind.isEmpty() ? " (the diagram draws no " + kind + ")"
                    : " (the diagram draws " + (sameKind.size() > 3 ? sameKind.size() + " others"
                    : String.join(", ", sameKind)) + ")")
                    + (decided ? "" : "; it is deployed only under condition " + condition + ", so this cannot be checked");
            out.add(new Discrepancy(Discrepancy.Type.DEPLOYED_NOT_DRAWN, null, missing, msg, decided,
                    sameKind.isEmpty() ? Severity.MEDIUM : Severity.LOW, null, List.of()));
        }
        return out;
    }

    private List<Discrepancy> notDeployed(Drawing drawing, Deployment deployment, List<Resource> unmatched,
                                          List<OutsideLinks.DrawnLink> links, Set<Resource> drawn, AzMap azs) {
        List<Discrepancy> out = new ArrayList<>();
        Set<Resource> linkEnds = new LinkedHashSet<>();
        for (OutsideLinks.DrawnLink l : links) {
            linkEnds.add(l.inside());
            linkEnds.add(l.outside());
        }
        boolean iacHasLinks = deployment.resources().stream().anyMatch(r -> OutsideLinks.isLinkKind(r.kind())
                || r.kind() == Kind.TRANSIT_GATEWAY);
        for (Resource e : unmatched) {
            Kind k = Drawing.kindOf(e);
            if ((OutsideLinks.isLinkKind(k) || k == Kind.TRANSIT_GATEWAY) && linkEnds.contains(e) && !iacHasLinks) {
                continue; // reported once as an outside link
            }
            String prefix = k == Kind.VPC ? "vpc-" : k == Kind.SUBNET ? "subnet-" : null;
            if (prefix != null && !deployment.has(k)) {
                List<String> ids = existingIds(deployment, prefix);
                if (!ids.isEmpty()) {
                    out.add(new Discrepancy(Discrepancy.Type.DRAWN_NOT_DEPLOYED, e, List.of(), drawing.name(e) + " ("
                            + Names.kindLabel(k) + ") is drawn; the IaC deploys none but places its resources in existing "
                            + "ones it names by id (" + String.join(", ", ids.size() > 3 ? ids.subList(0, 3) : ids)
                            + (ids.size() > 3 ? ", ..." : "") + "): whether it is one of them cannot be checked",
                            false, null, null, List.of()));
                    continue;
                }
            }
            String kind = Names.kindLabel(k);
            List<String> sameKind = new ArrayList<>();
            boolean allDrawn = true;
            for (Resource r : deployment.resources()) {
                if (r.kind() == k) {
                    sameKind.add(r.displayName());
                    allDrawn &= drawn.contains(r);
                }
            }
            boolean generic = k == Kind.GENERIC_AWS_SERVICE;
            String service = e.meta().getOrDefault("service", kind);
            String msg = drawing.name(e) + " (" + (generic ? service : kind) + ") is drawn but nothing in "
                    + String.join(", ", drawing.pages().isEmpty() ? List.of() : deploymentPaths(deployment))
                    + " deploys it" + (sameKind.isEmpty() ? ""
                    : (allDrawn ? " (every " + kind + " there is drawn by another element: "
                    : " (it is not taken for the " + kind + (sameKind.size() == 1 ? "" : "s") + " there, whose label "
                    + "and place do not fit: ") + String.join(", ",
                    sameKind.size() > 3 ? sameKind.subList(0, 3) : sameKind) + (sameKind.size() > 3 ? ", ..." : "") + ")")
                    + elsewhere(e, azs) + "; it may live in code that was not scanned";
            if (generic) {
                msg = drawing.name(e) + " (" + service + ") is drawn; atolint does not know which IaC types deploy "
                        + service + ", so this cannot be checked";
            }
            out.add(new Discrepancy(Discrepancy.Type.DRAWN_NOT_DEPLOYED, e, List.of(), msg, !generic, null, null, List.of()));
        }
        return out;
    }

    /** ", drawn in Availability Zone 3, where the IaC deploys nothing" when that is so. */
    private static String elsewhere(Resource e, AzMap azs) {
        List<Az> in = Drawing.azs(e);
        if (in.isEmpty() || azs.iac().isEmpty() || azs.iac().stream().anyMatch(a -> a.ordinal() < 0)) {
            return "";
        }
        for (Az a : in) {
            AzMap.DrawnAz d = azs.drawn(a).orElse(null);
            if (d == null || d.ordinal() < 0 || !azs.iacFor(a).isEmpty()
                    || azs.iac().stream().anyMatch(i -> i.ordinal() >= d.ordinal())) {
                return "";
            }
        }
        return ", drawn in " + String.join(" and ", in.stream().map(azs::describe).toList())
                + ", where the IaC deploys nothing (it uses " + azs.iac().stream().map(AzMap.IacAz::ordinal).distinct()
                .count() + " AZs)";
    }

    /** Ids of existing resources ({@code vpc-0123...}) the IaC's attributes name literally. */
    private static List<String> existingIds(Deployment d, String prefix) {
        Set<String> out = new TreeSet<>();
        for (Resource r : d.resources()) {
            collectIds(r.attributes(), prefix, out, 0);
        }
        return new ArrayList<>(out);
    }

    private static void collectIds(Value v, String prefix, Set<String> out, int depth) {
        if (depth > 8 || out.size() > 20) {
            return;
        }
        if (v instanceof Value.MapV m) {
            m.entries().values().forEach(x -> collectIds(x, prefix, out, depth + 1));
        } else if (v instanceof Value.ListV l) {
            l.items().forEach(x -> collectIds(x, prefix, out, depth + 1));
        } else {
            v.asString().filter(x -> x.matches(Pattern.quote(prefix) + "[0-9a-f]{8,17}"))
                    .ifPresent(out::add);
        }
    }

    private static List<String> deploymentPaths(Deployment d) {
        List<String> out = new ArrayList<>();
        for (Model m : d.models()) {
            out.add(m.unit());
        }
        return out.size() > 3 ? List.of(out.get(0), out.get(1), "...") : out;
    }
}
