package io.atolint.checks.diagram;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.DrawnBox;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AD-1: a diagram shows how the major elements combine. An element drawn with no connector and inside
 * no group says nothing about how it takes part; legends and free text are not elements. A line that
 * ends at it (however loose its other end), a line it is drawn on, a brace it sits on count as drawn
 * connections: a person sees them. Users and devices drawn as one crowd take part when one of them does.
 */
@Rule(id = "DIAG001", title = "Every drawn element is connected or grouped",
        severity = Severity.MEDIUM, tags = {"diagram", "architecture"})
public final class UnconnectedElements implements Check {

    /** How close the icons of users or devices drawn as one crowd stand to each other. */
    private static final double CROWD_GAP = 30;

    @Override
    public void check(RuleContext ctx) {
        ResourceGraph g = ctx.graph();
        for (Map.Entry<String, List<Model>> file : DiagramFiles.examinedByFile(ctx).entrySet()) {
            List<Resource> unplaced = new ArrayList<>();
            List<Resource> linked = new ArrayList<>();
            Map<Resource, Double> scales = new IdentityHashMap<>();
            for (Model page : file.getValue()) {
                for (Resource r : page.resources()) {
                    scales.put(r, DrawnBox.pageScale(page));
                }
            }
            for (Resource r : DiagramFiles.resources(file.getValue())) {
                if (!DiagramFiles.isElement(r)) {
                    continue;
                }
                boolean connected = g.hasTrafficLine(r);
                // a line ending at it whose other end reaches no service, an icon drawn on the line it
                // names, an icon on a brace: the picture shows it take part (the parser's lineMark)
                connected |= r.meta("lineMark").isPresent();
                boolean grouped = !g.incoming(r, RelationType.CONTAINS).isEmpty();
                if (connected && inCrowd(r)) {
                    linked.add(r);
                }
                if (!connected && !grouped) {
                    unplaced.add(r);
                }
            }
            for (Resource r : notInACrowdTakingPart(unplaced, linked, scales)) {
                ctx.report(r, r.location(), DiagramFiles.label(r) + " (" + r.kind().name()
                        + ") is drawn with no connection and in no group: the diagram does not show how it takes part",
                        List.of());
            }
        }
    }

    /**
     * What is left of {@code unplaced} once crowds are taken out: users and devices drawn side by side
     * (each within {@link #CROWD_GAP} of the next on the page's scale, on one page) are one crowd, and one line from any of
     * them ({@code linked}) is how a person draws the crowd taking part (the things of a factory, a row
     * of client devices).
     */
    private static List<Resource> notInACrowdTakingPart(List<Resource> unplaced, List<Resource> linked,
                                                        Map<Resource, Double> scales) {
        // one pass per member reached (breadth first): quadratic in a page's users and devices at worst
        Map<Resource, DrawnBox> boxes = new IdentityHashMap<>();
        List<Resource> candidates = new ArrayList<>();
        for (Resource r : unplaced) {
            if (inCrowd(r)) {
                DrawnBox.of(r).ifPresent(b -> {
                    boxes.put(r, b);
                    candidates.add(r);
                });
            }
        }
        ArrayDeque<Resource> reached = new ArrayDeque<>();
        for (Resource r : linked) {
            DrawnBox.of(r).ifPresent(b -> {
                boxes.put(r, b);
                reached.add(r);
            });
        }
        Set<Resource> inCrowds = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!reached.isEmpty() && !candidates.isEmpty()) {
            Resource o = reached.poll();
            for (Iterator<Resource> it = candidates.iterator(); it.hasNext(); ) {
                Resource r = it.next();
                if (samePage(r, o) && boxes.get(r).gap(boxes.get(o)) <= CROWD_GAP * scales.getOrDefault(r, 1.0)) {
                    inCrowds.add(r);
                    reached.add(r);
                    it.remove();
                }
            }
        }
        List<Resource> left = new ArrayList<>();
        for (Resource r : unplaced) {
            if (!inCrowds.contains(r)) {
                left.add(r);
            }
        }
        return left;
    }

    /** People and their devices: what is drawn as a crowd (the internet or a data centre is not). */
    private static boolean inCrowd(Resource r) {
        return r.kind() == Kind.USERS || r.kind() == Kind.CLIENT_DEVICE;
    }

    private static boolean samePage(Resource a, Resource b) {
        return a.meta("page").equals(b.meta("page")) && a.location().file().equals(b.location().file());
    }
}
