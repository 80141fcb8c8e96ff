package io.atolint.checks.enc;

import io.atolint.checks.support.S3Buckets;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * Data at rest in managed data stores is encrypted. What "unencrypted" means depends on each service's
 * default, so the facts live in {@link #STORES} (which property switches it on) and in the property table
 * (where each format writes it, and the AWS default that applies when it is omitted).
 * <ul>
 * <li>Off unless asked: RDS, Aurora (and Aurora global databases), DocumentDB, Neptune, EFS, ElastiCache
 * (replication groups), OpenSearch, DAX, Kinesis streams; SNS topics without a KMS key (low).</li>
 * <li>On by default, so only an explicit opt-out is a finding: SQS (SSE-SQS since 2022), Redshift
 * (since 2025).</li>
 * <li>Always encrypted: DynamoDB (an info fact when the key is the AWS-owned default) and S3 (SSE-S3
 * since January 2023: there is nothing to switch off; an info fact suggests SSE-KMS).</li>
 * </ul>
 * Members and copies inherit: an RDS instance in an Aurora cluster, a read replica, a global database
 * built from an existing cluster; a store restored
 * from a snapshot inherits the snapshot's encryption (a note when the setting is omitted).
 */
@Rule(id = "ENC001", title = "Data stores are encrypted at rest", severity = Severity.HIGH,
        tags = {"encryption", "data-protection"})
public final class DataStoreEncryption implements Check {

    /** One kind of store: the property that encrypts it, and the one that restores it from a snapshot (or null). */
    record Store(Kind kind, String property, Severity severity, String snapshot) {
    }

    static final List<Store> STORES = List.of(
            new Store(Kind.RDS_INSTANCE, "StorageEncrypted", Severity.HIGH, "DBSnapshotIdentifier"),
            new Store(Kind.AURORA_CLUSTER, "StorageEncrypted", Severity.HIGH, "SnapshotIdentifier"),
            new Store(Kind.DOCDB_CLUSTER, "StorageEncrypted", Severity.HIGH, "SnapshotIdentifier"),
            new Store(Kind.NEPTUNE_CLUSTER, "StorageEncrypted", Severity.HIGH, "SnapshotIdentifier"),
            new Store(Kind.REDSHIFT_CLUSTER, "Encrypted", Severity.HIGH, "SnapshotIdentifier"),
            new Store(Kind.EFS_FILE_SYSTEM, "Encrypted", Severity.HIGH, null),
            new Store(Kind.ELASTICACHE_REPLICATION_GROUP, "AtRestEncryptionEnabled", Severity.HIGH, "SnapshotName"),
            new Store(Kind.OPENSEARCH_DOMAIN, "EncryptionAtRest", Severity.HIGH, null),
            new Store(Kind.KINESIS_STREAM, "EncryptionType", Severity.MEDIUM, null),
            new Store(Kind.SNS_TOPIC, "KmsMasterKeyId", Severity.LOW, null),
            new Store(Kind.SQS_QUEUE, "SqsManagedSseEnabled", Severity.HIGH, null),
            new Store(Kind.RDS_GLOBAL_CLUSTER, "StorageEncrypted", Severity.HIGH, null),
            new Store(Kind.DAX_CLUSTER, "SSEEnabled", Severity.HIGH, null));

    @Override
    public void check(RuleContext ctx) {
        for (Store store : STORES) {
            for (Resource r : ctx.inScope(store.kind())) {
                if (!inherits(r)) {
                    judge(ctx, r, store);
                }
            }
        }
        for (Resource t : ctx.inScope(Kind.DYNAMODB_TABLE)) {
            Setting sse = Setting.of(t, "SSEEnabled");
            if (sse.bool() != Tri.TRUE && !sse.unknown()) {
                ctx.inform(t, sse.at(), Names.of(t) + " is encrypted with an AWS owned key (the default); "
                        + "a KMS key would let you control and audit its use", List.of());
            }
        }
        for (Resource b : ctx.inScope(Kind.S3_BUCKET)) {
            if (!usesKms(ctx, b)) {
                ctx.inform(b, Setting.of(b, "BucketEncryption").at(), Names.of(b)
                        + " is encrypted with SSE-S3 (the default since January 2023); SSE-KMS would add key control and audit",
                        List.of());
            }
        }
        ctx.inScope(Kind.BACKUP_VAULT, Kind.LOG_GROUP);
    }

    /** Members of a cluster and read replicas take their encryption from elsewhere. */
    private static boolean inherits(Resource r) {
        if (r.kind() == Kind.RDS_GLOBAL_CLUSTER) {
            return Setting.of(r, "SourceDBClusterIdentifier").present();
        }
        if (r.kind() != Kind.RDS_INSTANCE) {
            return false;
        }
        return Setting.of(r, "DBClusterIdentifier").present() || Setting.of(r, "SourceDBInstanceIdentifier").present()
                || Setting.of(r, "SourceDBClusterIdentifier").present();
    }

    private static void judge(RuleContext ctx, Resource r, Store store) {
        String name = Names.of(r);
        Setting s = Setting.of(r, store.property());
        if (r.kind() == Kind.AURORA_CLUSTER && Setting.of(r, "EngineMode").string()
                .filter("serverless"::equalsIgnoreCase).isPresent()) {
            return; // Aurora Serverless v1 is always encrypted
        }
        if (r.kind() == Kind.SQS_QUEUE && Setting.of(r, "KmsMasterKeyId").present()) {
            return;
        }
        if (s.unknown() && r.kind() == Kind.SNS_TOPIC) {
            return; // a key is named, even if the files do not say which
        }
        if (s.unknown()) {
            ctx.note(r, s.at(), name + ": cannot prove it is encrypted at rest: " + s.name() + " is " + s.shown(), List.of());
            return;
        }
        if (s.omitted()) {
            if (s.boolOrDefault().isTrue()) {
                return;
            }
            Setting snapshot = store.snapshot() == null ? null : Setting.of(r, store.snapshot());
            if (snapshot != null && snapshot.present()) {
                ctx.note(r, r.location(), name + " is restored from a snapshot (" + snapshot.name()
                        + "): it is encrypted only if the snapshot is, which the files do not say", List.of());
                return;
            }
            ctx.report(store.severity(), r, r.location(), name + " is not encrypted at rest: " + s.name()
                    + " is omitted (default: unencrypted)", List.of());
            return;
        }
        if (!encrypted(r, s)) {
            ctx.report(store.severity(), r, s.at(), name + " is not encrypted at rest: " + s.name() + " is " + s.shown(), List.of());
        }
    }

    /** A boolean switch on, a Kinesis encryption type of KMS, an SNS key present. */
    private static boolean encrypted(Resource r, Setting s) {
        return switch (r.kind()) {
            case KINESIS_STREAM -> s.string().map(x -> x.equalsIgnoreCase("KMS")).orElse(false);
            case SNS_TOPIC -> true;
            default -> s.bool() == Tri.TRUE;
        };
    }

    private static boolean usesKms(RuleContext ctx, Resource bucket) {
        for (Resource cfg : S3Buckets.companions(ctx.graph(), bucket, Kind.S3_BUCKET_ENCRYPTION)) {
            if (mentionsKms(cfg.attributes())) {
                return true;
            }
        }
        Setting encryption = Setting.of(bucket, "BucketEncryption");
        return encryption.present() && mentionsKms(encryption.value());
    }

    private static boolean mentionsKms(Value v) {
        if (v instanceof Value.MapV m) {
            return m.entries().values().stream().anyMatch(DataStoreEncryption::mentionsKms);
        }
        if (v instanceof Value.ListV l) {
            return l.items().stream().anyMatch(DataStoreEncryption::mentionsKms);
        }
        return v.asString().map(s -> s.startsWith("aws:kms")).orElse(false);
    }
}
