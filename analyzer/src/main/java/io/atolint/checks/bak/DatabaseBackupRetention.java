package io.atolint.checks.bak;

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
 * RDS automated backups are the regular backups of a database: a retention period of 0 turns them
 * off. Omitted, CloudFormation and the RDS API keep 1 day (Terraform leaves it to the API). Aurora,
 * DocumentDB and Neptune clusters always keep at least one day; cluster members and read replicas
 * take backups from their cluster or source.
 */
@Rule(id = "BAK001", title = "Database automated backups are on", severity = Severity.MEDIUM,
        tags = {"backup", "reliability"})
public final class DatabaseBackupRetention implements Check {

    @Override
    public void check(RuleContext ctx) {
        ctx.inScope(Kind.AURORA_CLUSTER, Kind.DOCDB_CLUSTER, Kind.NEPTUNE_CLUSTER);
        for (Resource db : ctx.inScope(Kind.RDS_INSTANCE)) {
            if (Setting.of(db, "DBClusterIdentifier").present() || Setting.of(db, "SourceDBInstanceIdentifier").present()) {
                continue;
            }
            Setting days = Setting.of(db, "BackupRetentionPeriod");
            if (days.unknown()) {
                ctx.note(db, days.at(), Names.of(db) + ": cannot prove automated backups are on: " + days.name()
                        + " is " + days.shown(), List.of());
            } else if (!days.omitted() && days.number().map(n -> n.compareTo(BigDecimal.ZERO) <= 0).orElse(false)) {
                ctx.report(db, days.at(), Names.of(db) + " has automated backups turned off: " + days.name() + " is "
                        + days.shown(), List.of());
            }
        }
    }
}
