package io.atolint.checks.diagram;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Model;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Map;

/**
 * AD-1: a diagram shows how the major elements combine. An element drawn with no connector and inside
 * no group says nothing about how it takes part; legends and free text are not elements. A line that
 * ends at it (however loose its other end), a line it is drawn on, a brace it sits on count as drawn
 * connections: a person sees them.
 */
@Rule(id = "DIAG001", title = "Every drawn element is connected or grouped",
        severity = Severity.MEDIUM, tags = {"diagram", "architecture"})
public final class UnconnectedElements implements Check {

    @Override
    public void check(RuleContext ctx) {
        ResourceGraph g = ctx.graph();
        for (Map.Entry<String, List<Model>> file : DiagramFiles.examinedByFile(ctx).entrySet()) {
            for (Resource r : DiagramFiles.resources(file.getValue())) {
                if (!DiagramFiles.isElement(r) || DiagramFiles.inLegend(r)) {
                    continue;
                }
                boolean connected = !g.incoming(r, RelationType.ROUTES_TO).isEmpty()
                        || !g.outgoing(r, RelationType.ROUTES_TO).isEmpty()
                        || !g.incoming(r, RelationType.CONNECTS_OUTSIDE).isEmpty()
                        || !g.outgoing(r, RelationType.CONNECTS_OUTSIDE).isEmpty();
                // a line ending at it whose other end reaches no service, an icon drawn on the line it
                // names, an icon on a brace: the picture shows it take part (the parser's lineMark)
                connected |= r.meta("lineMark").isPresent();
                boolean grouped = !g.incoming(r, RelationType.CONTAINS).isEmpty();
                if (!connected && !grouped) {
                    ctx.report(r, r.location(), DiagramFiles.label(r) + " (" + r.kind().name()
                            + ") is drawn with no connection and in no group: the diagram does not show how it takes part",
                            List.of());
                }
            }
        }
    }
}
