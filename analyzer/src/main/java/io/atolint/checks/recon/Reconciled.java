package io.atolint.checks.recon;

import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Reconciliation;
import io.atolint.rule.RuleContext;

/**
 * Reports the disagreements the reconciliation of each configured diagram/IaC pair found, of one type:
 * the checks select from the reconciliation, they never compare anything themselves.
 */
final class Reconciled {
    private Reconciled() {
    }

    static void report(RuleContext ctx, Discrepancy.Type type) {
        for (Reconciliation r : ctx.reconciliations()) {
            if (!r.compared()) {
                continue;
            }
            for (Discrepancy d : r.discrepancies()) {
                if (d.type() != type) {
                    continue;
                }
                Resource subject = d.subject();
                SourceLocation at = d.location();
                if (!d.decided()) {
                    ctx.note(subject, at, d.message(), d.related());
                } else if (d.severity() != null) {
                    ctx.report(d.severity(), subject, at, d.message(), d.related());
                } else {
                    ctx.report(subject, at, d.message(), d.related());
                }
            }
        }
    }
}
