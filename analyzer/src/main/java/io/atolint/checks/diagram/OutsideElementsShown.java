package io.atolint.checks.diagram;

import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Map;

/**
 * AD-5: a diagram includes what is deployed or used outside AWS: on-premises components, users and
 * clients, hardware devices, external systems. A diagram file that draws none is a finding at file level.
 */
@Rule(id = "DIAG005", title = "Diagram includes the elements outside AWS",
        severity = Severity.MEDIUM, tags = {"diagram", "hybrid"})
public final class OutsideElementsShown implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Map.Entry<String, List<Model>> file : DiagramFiles.examinedByFile(ctx).entrySet()) {
            boolean any = false;
            for (Resource r : DiagramFiles.resources(file.getValue())) {
                if ((r.kind().isOutsideAws()
                        || r.placement().scope() == Placement.Scope.OUTSIDE_AWS)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                ctx.reportFile(SourceLocation.ofFile(file.getKey()), "the diagram draws nothing outside AWS "
                        + "(no users, clients, devices, on-premises components or external systems)");
            }
        }
    }
}
