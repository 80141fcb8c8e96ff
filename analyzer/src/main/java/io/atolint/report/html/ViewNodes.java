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
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Spof;

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
    private final io.atolint.topology.Facts facts;
    private final Map<Resource, List<Finding>> findingsOf = new HashMap<>();

    ViewNodes(Analysis analysis) {
        this.graph = analysis.graph();
        this.facts = analysis.facts();
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
        String spof = mark == Mark.SPOF ? spofReason(r, fs) : "";
        return new Node(r.id(), kindLabel, shortName(r), placementDetail(r.placement()), DrawnKinds.family(r.kind()), mark,
                List.copyOf(problems), tip.toString(), spof, r);
    }

    /**
     * Why a resource is a single point of failure, in a few words for its badge: the category the topology
     * gives it, else what the rule that said so checks.
     */
    private String spofReason(Resource r, List<Finding> findings) {
        try {
            for (ModelTopology t : facts.topology().models()) {
                for (Spof s : t.spofs()) {
                    if (s.resource().equals(r) && !s.proven().isFalse()) {
                        return SPOF_WORDS.getOrDefault(s.category().label(), s.category().label());
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // no topology: the findings say it
        }
        for (Finding f : findings) {
            if (SPOF_WORDS.containsKey(f.ruleId())) {
                return SPOF_WORDS.get(f.ruleId());
            }
        }
        return "";
    }

    private static final Map<String, String> SPOF_WORDS = Map.ofEntries(
            Map.entry("nat", "shared NAT"), Map.entry("lone-instance", "lone instance"), Map.entry("single-copy", "one copy"),
            Map.entry("single-az-dependency", "1-AZ dependency"), Map.entry("single-az-hop", "1-AZ hop"),
            Map.entry("single-link", "single link"),
            Map.entry("SPOF001", "shared NAT"), Map.entry("SPOF002", "lone instance"), Map.entry("SPOF003", "one copy"),
            Map.entry("SPOF004", "1-AZ dependency"), Map.entry("SPOF005", "cut point"));

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
     * symbol ({@code architecture.drawio p1 AZ[1]}) loses its file and page, and a Terraform data source's
     * loses the data source ({@code names[1]} of {@code data.aws_availability_zones.available.names[1]}):
     * the AZ boxes carry the whole symbol.
     */
    static String shortAz(String value) {
        if (!value.matches(".* p\\d+ AZ(\\[\\d+])?$") && !value.contains("data.aws_availability_zones.")) {
            return value;
        }
        int space = value.lastIndexOf(' ');
        String v = space < 0 ? value : value.substring(space + 1);
        if (v.startsWith("data.aws_availability_zones.")) {
            int bracket = v.indexOf('[');
            int dot = v.lastIndexOf('.', bracket < 0 ? v.length() : bracket);
            return v.substring(dot + 1);
        }
        return v;
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
