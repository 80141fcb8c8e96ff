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
 * take backups from their cluster or source. Redshift keeps automated snapshots for 1 day unless the
 * period is 0. ElastiCache (Redis OSS, Valkey) keeps no automatic backup unless its snapshot
 * retention limit is above 0; Memcached has none to keep.
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
        for (Resource rs : ctx.inScope(Kind.REDSHIFT_CLUSTER)) {
            judgeRetention(ctx, rs, Setting.of(rs, "AutomatedSnapshotRetentionPeriod"), "automated snapshots");
        }
        List<Resource> caches = new java.util.ArrayList<>(ctx.graph().resources(Kind.ELASTICACHE_REPLICATION_GROUP));
        caches.addAll(ctx.graph().resources(Kind.ELASTICACHE_CLUSTER));
        for (Resource c : caches) {
            String engine = Setting.of(c, "Engine").string().orElse(
                    c.kind() == Kind.ELASTICACHE_REPLICATION_GROUP ? "redis" : "").toLowerCase(java.util.Locale.ROOT);
            boolean member = c.kind() == Kind.ELASTICACHE_CLUSTER && Setting.of(c, "ReplicationGroupId").present();
            if (member || !(engine.equals("redis") || engine.equals("valkey"))) {
                continue; // Memcached keeps no backups; members back up through their replication group
            }
            ctx.examined(c);
            judgeRetention(ctx, c, Setting.of(c, "SnapshotRetentionLimit"), "automatic backups");
        }
    }

    /** A retention period of 0, written or the table's default when omitted, turns the backups off. */
    private static void judgeRetention(RuleContext ctx, Resource r, Setting days, String what) {
        boolean off = days.numberOrDefault().map(n -> n.compareTo(BigDecimal.ZERO) <= 0).orElse(false);
        if (days.unknown()) {
            ctx.note(r, days.at(), Names.of(r) + ": cannot prove " + what + " are on: " + days.name() + " is " + days.shown(),
                    List.of());
        } else if (off && days.omitted()) {
            ctx.report(r, r.location(), Names.of(r) + " has no " + what + ": " + days.name()
                    + " is omitted (default: 0, no backups)", List.of());
        } else if (off) {
            ctx.report(r, days.at(), Names.of(r) + " has " + what + " turned off: " + days.name() + " is " + days.shown(),
                    List.of());
        }
    }
}
