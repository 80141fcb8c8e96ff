package io.atolint.checks.suppression;

import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.suppress.Declaration;
import io.atolint.suppress.Declarations;

import java.util.List;
import java.util.function.Predicate;

/**
 * A suppression of an atolint finding must say why the risk is accepted: an auditor reads the reason
 * instead of the finding. Applies to every syntax honoured, atolint's and the peer tools' (when the
 * peer id maps onto an atolint rule; cfn-lint's {@code ignore_checks} has no reason field, so an
 * atolint suppression with a reason is the way to document such a case).
 */
@Rule(id = "SUPP001", title = "Suppression gives a reason", severity = Severity.LOW,
        tags = {"suppression", "tooling"})
public final class SuppressionWithoutReason implements Check {
    private final Predicate<String> isRule;

    /** @param isRule whether an id names an atolint rule (the catalog beside the checks, given by the registry) */
    public SuppressionWithoutReason(Predicate<String> isRule) {
        this.isRule = isRule;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Declaration d : Declarations.collect(ctx.graph(), ctx.sources())) {
            List<String> known = d.rules().stream().filter(r -> isRule.test(r)).toList();
            if (known.isEmpty() || d.hasReason()) {
                continue;
            }
            String what = d.tool().equals("atolint") ? d.written()
                    : d.written() + " (suppresses " + String.join(", ", known) + ")";
            String message = what + " gives no reason: say why the finding is accepted";
            if (d.resource() != null) {
                ctx.report(d.resource(), d.at(), message, List.of());
            } else {
                ctx.reportFile(d.at(), message);
            }
        }
    }
}
