package io.atolint.suppress;

import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleCatalog;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * An atolint suppression that names no existing rule suppresses nothing: usually a typo
 * ({@code HA01}) that leaves the finding it was meant for in place, or a rule id that was renamed.
 */
@Rule(id = "SUPP002", title = "Suppression names an existing atolint rule", severity = Severity.LOW,
        tags = {"suppression", "tooling"})
public final class SuppressionOfUnknownRule implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Declaration d : Declarations.collect(ctx.graph(), ctx.sources())) {
            if (!d.tool().equals("atolint")) {
                continue;
            }
            String message;
            if (d.id().isEmpty()) {
                message = d.written() + " names no rule id: nothing is suppressed (write atolint:ignore HA001 reason)";
            } else if (RuleCatalog.find(d.id()).isEmpty()) {
                message = d.written() + ": " + d.id() + " is not an atolint rule, so nothing is suppressed"
                        + " (atolint rules lists them)";
            } else {
                continue;
            }
            if (d.resource() != null) {
                ctx.report(d.resource(), d.at(), message, List.of());
            } else {
                ctx.reportFile(d.at(), message);
            }
        }
    }
}
