package io.atolint.checks.mon;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * Logs managed centrally (TV-5.3) have a retention the operations team chose: a log group without
 * {@code RetentionInDays} / {@code retention_in_days} (or with 0, Terraform's "never expire") keeps
 * everything forever, unmanaged. Low.
 */
@Rule(id = "MON004", title = "Log groups have a retention period", severity = Severity.LOW, tags = {"monitoring", "logging"})
public final class LogGroupRetention implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource lg : ctx.inScope(Kind.LOG_GROUP)) {
            Setting days = Setting.of(lg, "RetentionInDays");
            if (days.unknown()) {
                ctx.note(lg, days.at(), Names.of(lg) + ": cannot tell its retention: " + days.name() + " is " + days.shown(), List.of());
            } else if (days.omitted()) {
                ctx.report(lg, Names.of(lg) + " keeps its logs forever: " + days.name() + " is omitted");
            } else if (days.number().map(n -> n.compareTo(BigDecimal.ZERO) <= 0).orElse(false)) {
                ctx.report(lg, days.at(), Names.of(lg) + " keeps its logs forever: " + days.name() + " is " + days.shown(), List.of());
            }
        }
    }
}
