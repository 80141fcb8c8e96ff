package io.atolint.checks.bak;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * A DynamoDB table has no backup at all unless point-in-time recovery is on or an AWS Backup selection
 * covers it (on-demand backups are not regular). Global tables set it per replica.
 */
@Rule(id = "BAK002", title = "DynamoDB tables have point-in-time recovery or an AWS Backup plan", severity = Severity.MEDIUM,
        tags = {"backup", "reliability"})
public final class DynamoDbPointInTimeRecovery implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource table : ctx.inScope(Kind.DYNAMODB_TABLE)) {
            Tri pitr = pitr(table);
            if (pitr == Tri.TRUE) {
                continue;
            }
            Tri backedUp = Tri.FALSE;
            for (Resource sel : Backups.selections(ctx.graph())) {
                backedUp = backedUp.or(Backups.covers(ctx.graph(), sel, table));
            }
            if (backedUp == Tri.TRUE) {
                continue;
            }
            SourceLocation at = Setting.of(table, "PointInTimeRecovery").at();
            if (pitr == Tri.FALSE && backedUp == Tri.FALSE) {
                ctx.report(table, at, Names.of(table) + " has no point-in-time recovery and no AWS Backup selection covers it", List.of());
            } else {
                ctx.note(table, at, Names.of(table) + ": cannot prove it is backed up (point-in-time recovery or an AWS Backup selection)", List.of());
            }
        }
    }

    private static Tri pitr(Resource table) {
        if (table.rawType().equals("AWS::DynamoDB::GlobalTable")) {
            List<Value> replicas = Setting.of(table, "Replicas").items();
            Tri all = replicas.isEmpty() ? Tri.FALSE : Tri.TRUE;
            for (Value r : replicas) {
                all = all.and(Setting.in(table, "@Replica", r, "PointInTimeRecoveryEnabled").boolOrDefault());
            }
            return all;
        }
        return Setting.of(table, "PointInTimeRecoveryEnabled").boolOrDefault();
    }
}
