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
 * An atolint suppression that names no existing rule suppresses nothing: usually a typo
 * ({@code HA01}) that leaves the finding it was meant for in place, or a rule id that was renamed.
 */
@Rule(id = "SUPP002", title = "Suppression names an existing atolint rule", severity = Severity.LOW,
        tags = {"suppression", "tooling"})
public final class SuppressionOfUnknownRule implements Check {
    private final Predicate<String> isRule;

    /** @param isRule whether an id names an atolint rule (the catalog beside the checks, given by the registry) */
    public SuppressionOfUnknownRule(Predicate<String> isRule) {
        this.isRule = isRule;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Declaration d : Declarations.collect(ctx.graph(), ctx.sources())) {
            if (!d.tool().equals("atolint")) {
                continue;
            }
            String message;
            if (d.id().isEmpty()) {
                message = d.written() + " names no rule id: nothing is suppressed (write atolint:ignore HA001 reason)";
            } else if (!isRule.test(d.id())) {
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
