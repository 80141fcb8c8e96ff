package io.atolint.report.html;

import io.atolint.analysis.Analysis;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.report.html.ArchitectureView.Mark;
import io.atolint.report.html.ArchitectureView.Node;
import io.atolint.rule.RuleRun;
import io.atolint.topology.Exposure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How each drawn resource looks: its name, kind label and placement in a line, the mark its findings give
 * it (failing, single point of failure, cannot be proven), and a tooltip with its details and findings.
 * Findings on resources that are not drawn are shown on the drawn resource they belong to.
 */
final class ViewNodes {
    private final ResourceGraph graph;
    private final Map<Resource, List<Finding>> findingsOf = new HashMap<>();

    ViewNodes(Analysis analysis) {
        this.graph = analysis.graph();
        for (Finding f : analysis.findings()) {
            if (f.resource() == null || f.isSuppressed()) {
                continue;
            }
            RuleRun run = analysis.runs().get(f.ruleId());
            if (f.severity() == Severity.INFO && run != null && run.isInformational(f)) {
                continue; // a fact about a passing resource, not a doubt
            }
            findingsOf.computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
        }
    }

    Node node(Resource r, List<String> borrowed, Exposure exposure) {
        List<Finding> fs = findingsOf.getOrDefault(r, List.of());
        Mark mark = Mark.NONE;
        List<String> problems = new ArrayList<>();
        for (Finding f : fs) {
            problems.add(f.severity().name() + " " + f.ruleId() + " " + f.message());
            Mark m = f.severity() == Severity.INFO ? Mark.NOTE : f.ruleId().startsWith("SPOF") ? Mark.SPOF : Mark.FAILING;
            if (m.ordinal() > mark.ordinal()) {
                mark = m;
            }
        }
        for (String b : borrowed) {
            problems.add(b);
            if (!b.startsWith("INFO") && mark.ordinal() < Mark.FAILING.ordinal()) {
                mark = Mark.FAILING;
            }
        }
        String kindLabel = r.kind() == Kind.LOAD_BALANCER ? Names.loadBalancerFlavour(r)
                : r.kind() == Kind.UNKNOWN ? r.rawType() : Names.kindLabel(r.kind());
        StringBuilder tip = new StringBuilder(kindLabel + " \"" + r.displayName() + "\"\n" + r.rawType()
                + "\nplacement: " + r.placement().display() + "\n" + r.location().display());
        if (r.kind() == Kind.LOAD_BALANCER && !exposure.internetFacing(r).isKnown()) {
            tip.append("\ninternet-facing: UNKNOWN (not drawn as reached from the internet)");
        }
        problems.forEach(p -> tip.append("\n- ").append(p));
        return new Node(r.id(), kindLabel, shortName(r), placementDetail(r.placement()), DrawnKinds.family(r.kind()), mark,
                List.copyOf(problems), tip.toString());
    }

    /**
     * What a resource is called in the picture: a diagram's label, a CDK construct path without the
     * stack, the {@code /Resource} leaf and the hashed logical id (the tooltip keeps the full name).
     */
    static String shortName(Resource r) {
        if (r.format().isDiagram()) {
            // drawn groups often share a label ("Public subnet"): boxes keep the cell id
            return r.kind() == Kind.SUBNET || r.kind() == Kind.VPC ? r.displayName()
                    : r.meta("label").filter(l -> !l.isBlank()).orElse(r.displayName());
        }
        Optional<String> cdk = r.meta("cdkPath");
        if (cdk.isEmpty()) {
            return r.displayName();
        }
        List<String> parts = new ArrayList<>(List.of(cdk.get().split("/")));
        if (parts.size() > 1) {
            parts.remove(0);
        }
        if (parts.size() > 1 && (parts.get(parts.size() - 1).equals("Resource") || parts.get(parts.size() - 1).equals("Default"))) {
            parts.remove(parts.size() - 1);
        }
        String name = String.join("/", parts);
        if (name.length() > 21 && parts.size() > 2) {
            name = String.join("/", parts.subList(parts.size() - 2, parts.size()));
        }
        return name;
    }

    /**
     * A diagram's AZ: drawn AZs carry the name the picture gives them ("Availability Zone 1"); a bare
     * symbol ({@code architecture.drawio p1 AZ[1]}) loses its file and page.
     */
    static String shortAz(String value) {
        if (!value.matches(".* p\\d+ AZ(\\[\\d+])?$")) {
            return value;
        }
        int space = value.lastIndexOf(' ');
        return space < 0 ? value : value.substring(space + 1);
    }

    private static String placementDetail(Placement p) {
        Set<String> values = new LinkedHashSet<>();
        p.azs().forEach(az -> values.add(shortAz(az.value())));
        return switch (p.scope()) {
            case ZONAL -> values.size() == 1 ? "1 AZ: " + values.iterator().next() : values.size() + " AZs: " + String.join(", ", values);
            case ONE_OF -> "1 AZ of: " + String.join(", ", values);
            case REGIONAL -> "regional";
            case GLOBAL -> "global";
            case OUTSIDE_AWS -> "outside AWS";
            case UNKNOWN -> "AZ UNKNOWN";
            case NONE -> "";
        };
    }

    /**
     * Findings on resources that are not drawn (a listener, a launch template, a subnet group) are
     * shown on the drawn resource they belong to: what they are attached to, or what refers to them.
     */
    Map<Resource, List<String>> borrowedProblems(List<Resource> drawn) {
        Set<Resource> drawnSet = new HashSet<>(drawn);
        Map<Resource, List<String>> out = new HashMap<>();
        for (Map.Entry<Resource, List<Finding>> e : findingsOf.entrySet()) {
            Resource r = e.getKey();
            if (drawnSet.contains(r) || !graph.jgrapht().containsVertex(r)) {
                continue;
            }
            Resource owner = null;
            for (Resource t : graph.targets(r, RelationType.ATTACHED_TO)) {
                if (drawnSet.contains(t)) {
                    owner = t;
                    break;
                }
            }
            if (owner == null) {
                for (Resource s : graph.sources(r, RelationType.REFERENCES)) {
                    if (drawnSet.contains(s)) {
                        owner = s;
                        break;
                    }
                }
            }
            if (owner != null) {
                for (Finding f : e.getValue()) {
                    out.computeIfAbsent(owner, k -> new ArrayList<>()).add(f.severity().name() + " " + f.ruleId()
                            + " (on " + Names.of(r) + ") " + f.message());
                }
            }
        }
        return out;
    }
}
