package io.atolint.checks.enc;

import io.atolint.checks.support.S3Buckets;
import io.atolint.checks.support.Setting;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Optional;

/**
 * Data at rest in managed data stores is encrypted. What "unencrypted" means depends on each service's
 * default, so the facts live in {@link #STORES}: the setting (CloudFormation and Terraform spellings,
 * format-blind) and whether omitting it leaves the data unencrypted.
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

    /** One kind of store: where its switch is and what omitting it means. */
    record Store(Kind kind, String[][] paths, boolean encryptedWhenOmitted, Severity severity, String[] snapshotKeys) {
    }

    private static String[] p(String... path) {
        return path;
    }

    static final List<Store> STORES = List.of(
            new Store(Kind.RDS_INSTANCE, new String[][]{p("StorageEncrypted")}, false, Severity.HIGH,
                    new String[]{"DBSnapshotIdentifier", "snapshot_identifier"}),
            new Store(Kind.AURORA_CLUSTER, new String[][]{p("StorageEncrypted")}, false, Severity.HIGH,
                    new String[]{"SnapshotIdentifier", "snapshot_identifier"}),
            new Store(Kind.DOCDB_CLUSTER, new String[][]{p("StorageEncrypted")}, false, Severity.HIGH,
                    new String[]{"SnapshotIdentifier", "snapshot_identifier"}),
            new Store(Kind.NEPTUNE_CLUSTER, new String[][]{p("StorageEncrypted")}, false, Severity.HIGH,
                    new String[]{"SnapshotIdentifier", "snapshot_identifier"}),
            new Store(Kind.REDSHIFT_CLUSTER, new String[][]{p("Encrypted")}, true, Severity.HIGH,
                    new String[]{"SnapshotIdentifier", "snapshot_identifier"}),
            new Store(Kind.EFS_FILE_SYSTEM, new String[][]{p("Encrypted")}, false, Severity.HIGH, new String[0]),
            new Store(Kind.ELASTICACHE_REPLICATION_GROUP, new String[][]{p("AtRestEncryptionEnabled")}, false, Severity.HIGH,
                    new String[]{"SnapshotName", "snapshot_name"}),
            new Store(Kind.OPENSEARCH_DOMAIN, new String[][]{p("EncryptionAtRestOptions", "Enabled"), p("encrypt_at_rest", "enabled")},
                    false, Severity.HIGH, new String[0]),
            new Store(Kind.KINESIS_STREAM, new String[][]{p("StreamEncryption", "EncryptionType"), p("encryption_type")}, false,
                    Severity.MEDIUM, new String[0]),
            new Store(Kind.SNS_TOPIC, new String[][]{p("KmsMasterKeyId")}, false, Severity.LOW, new String[0]),
            new Store(Kind.SQS_QUEUE, new String[][]{p("SqsManagedSseEnabled")}, true, Severity.HIGH, new String[0]),
            new Store(Kind.RDS_GLOBAL_CLUSTER, new String[][]{p("StorageEncrypted")}, false, Severity.HIGH, new String[0]),
            new Store(Kind.DAX_CLUSTER, new String[][]{p("SSESpecification", "SSEEnabled"), p("server_side_encryption", "enabled")},
                    false, Severity.HIGH, new String[0]));

    @Override
    public void check(RuleContext ctx) {
        for (Store store : STORES) {
            for (Resource r : ctx.inScope(store.kind())) {
                if (!inherits(ctx, r)) {
                    judge(ctx, r, store);
                }
            }
        }
        for (Resource t : ctx.inScope(Kind.DYNAMODB_TABLE)) {
            Setting sse = Setting.at(t.attr("SSESpecification", "server_side_encryption").orElse(null), t.location(),
                    t.attr("SSESpecification").isPresent() ? "SSEEnabled" : "enabled");
            if (sse.bool() != Tri.TRUE && !sse.unknown()) {
                ctx.inform(t, sse.at(), Names.of(t) + " is encrypted with an AWS owned key (the default); "
                        + "a KMS key would let you control and audit its use", List.of());
            }
        }
        for (Resource b : ctx.inScope(Kind.S3_BUCKET)) {
            if (!usesKms(ctx, b)) {
                ctx.inform(b, b.locationOf("BucketEncryption", "server_side_encryption_configuration"), Names.of(b)
                        + " is encrypted with SSE-S3 (the default since January 2023); SSE-KMS would add key control and audit",
                        List.of());
            }
        }
        ctx.inScope(Kind.BACKUP_VAULT, Kind.LOG_GROUP);
    }

    /** Members of a cluster and read replicas take their encryption from elsewhere. */
    private static boolean inherits(RuleContext ctx, Resource r) {
        if (r.kind() == Kind.RDS_GLOBAL_CLUSTER) {
            return r.attr("SourceDBClusterIdentifier", "source_db_cluster_identifier").isPresent();
        }
        if (r.kind() != Kind.RDS_INSTANCE) {
            return false;
        }
        return r.attr("DBClusterIdentifier", "cluster_identifier", "SourceDBInstanceIdentifier", "replicate_source_db",
                "SourceDBClusterIdentifier").isPresent();
    }

    private static void judge(RuleContext ctx, Resource r, Store store) {
        String name = Names.of(r);
        Setting s = setting(r, store);
        if (r.kind() == Kind.AURORA_CLUSTER && r.attr("EngineMode", "engine_mode").flatMap(Value::asString)
                .filter("serverless"::equalsIgnoreCase).isPresent()) {
            return; // Aurora Serverless v1 is always encrypted
        }
        if (r.kind() == Kind.SQS_QUEUE && r.attr("KmsMasterKeyId", "kms_master_key_id").isPresent()) {
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
            if (store.encryptedWhenOmitted()) {
                return;
            }
            Optional<String> snapshot = snapshot(r, store);
            if (snapshot.isPresent()) {
                ctx.note(r, r.location(), name + " is restored from a snapshot (" + snapshot.get()
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

    private static Setting setting(Resource r, Store store) {
        boolean terraform = r.format() == io.atolint.model.Format.TERRAFORM;
        for (String[] path : store.paths()) {
            Setting s = path.length == 1 ? Setting.of(r, path[0]) : Setting.at(r.attributes(), r.location(), path.clone());
            if (!s.omitted()) {
                return s;
            }
        }
        // Omitted: name it as the resource's format spells it.
        String[] chosen = store.paths()[0];
        for (String[] path : store.paths()) {
            if (terraform == path[0].equals(path[0].toLowerCase(java.util.Locale.ROOT))) {
                chosen = path;
                break;
            }
        }
        if (chosen.length == 1) {
            return Setting.of(r, chosen[0]);
        }
        String[] shown = chosen.clone();
        if (terraform && shown[0].equals(store.paths()[0][0])) {
            for (int i = 0; i < shown.length; i++) {
                shown[i] = Setting.spelling(true, shown[i]);
            }
        }
        return new Setting(String.join(".", shown), null, r.location());
    }

    /** A boolean switch on, a Kinesis encryption type of KMS, an SNS key present. */
    private static boolean encrypted(Resource r, Setting s) {
        return switch (r.kind()) {
            case KINESIS_STREAM -> s.string().map(x -> x.equalsIgnoreCase("KMS")).orElse(false);
            case SNS_TOPIC -> true;
            default -> s.bool() == Tri.TRUE;
        };
    }

    private static Optional<String> snapshot(Resource r, Store store) {
        for (String k : store.snapshotKeys()) {
            Optional<Value> v = r.attr(k);
            if (v.isPresent()) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static boolean usesKms(RuleContext ctx, Resource bucket) {
        for (Resource cfg : S3Buckets.companions(ctx.graph(), bucket, Kind.S3_BUCKET_ENCRYPTION)) {
            if (mentionsKms(cfg.attributes())) {
                return true;
            }
        }
        return bucket.attr("BucketEncryption", "server_side_encryption_configuration").map(DataStoreEncryption::mentionsKms)
                .orElse(false);
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
