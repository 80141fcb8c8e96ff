package io.atolint.checks.iac;

import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * TV-5.1: infrastructure is provisioned and changed with infrastructure as code. Every CloudFormation,
 * CDK or Terraform unit scanned is evidence of it. A Terraform resource with
 * {@code lifecycle { ignore_changes = all }} is managed outside the code after creation (console
 * changes are the routine): a low finding.
 */
@Rule(id = "IAC001", title = "Infrastructure is managed as code", severity = Severity.LOW, tags = {"operations", "iac"})
public final class InfrastructureAsCode implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Model m : ctx.graph().models()) {
            if (m.format().isDiagram() || m.resources().isEmpty()) {
                continue;
            }
            ctx.examined(m);
            if (m.format() != Format.TERRAFORM) {
                continue;
            }
            for (Resource r : m.resources()) {
                String ignored = r.meta().get("ignore_changes");
                if (ignored != null && ignored.trim().equals("all")) {
                    ctx.report(r, r.location(), Names.of(r) + " ignores every change after creation "
                            + "(lifecycle ignore_changes = all): it is managed outside the code", List.of());
                }
            }
        }
    }
}
