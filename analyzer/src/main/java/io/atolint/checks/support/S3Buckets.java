package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bucket settings wherever the format keeps them: on the bucket (CloudFormation, Terraform provider v3
 * blocks) or in the separate resources Terraform provider v4+ uses ({@code aws_s3_bucket_versioning},
 * {@code aws_s3_bucket_acl}, {@code aws_s3_bucket_public_access_block}, {@code aws_s3_bucket_policy}),
 * which name their bucket by reference or by name.
 */
public final class S3Buckets {
    private S3Buckets() {
    }

    /** Resources of {@code kind} that configure {@code bucket} through their {@code bucket} argument. */
    public static List<Resource> companions(ResourceGraph graph, Resource bucket, Kind kind) {
        Companions index = graph.derived(new CompanionsKey(kind), g -> Companions.of(g, kind));
        Optional<String> bucketName = Setting.of(bucket, "BucketName").string();
        SortedSet<Integer> at = new TreeSet<>(index.byRef().getOrDefault(bucket.id(), List.of()));
        bucketName.ifPresent(n -> at.addAll(index.byName().getOrDefault(n, List.of())));
        List<Resource> all = graph.resources(kind);
        List<Resource> out = new ArrayList<>(at.size());
        for (int i : at) {
            out.add(all.get(i));
        }
        return out;
    }

    private record CompanionsKey(Kind kind) {
    }

    /**
     * The resources of one kind by the bucket their {@code bucket} argument names: by the ids it refers to
     * and by its literal value; positions in {@code graph.resources(kind)}, ascending.
     */
    private record Companions(Map<String, List<Integer>> byRef, Map<String, List<Integer>> byName) {
        static Companions of(ResourceGraph graph, Kind kind) {
            Map<String, List<Integer>> byRef = new HashMap<>();
            Map<String, List<Integer>> byName = new HashMap<>();
            List<Resource> all = graph.resources(kind);
            for (int i = 0; i < all.size(); i++) {
                Setting b = Setting.of(all.get(i), "Bucket");
                if (b.omitted()) {
                    continue;
                }
                int at = i;
                for (String id : Refs.targetIds(b.value())) {
                    byRef.computeIfAbsent(id, k -> new ArrayList<>()).add(at);
                }
                b.string().ifPresent(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(at));
            }
            return new Companions(byRef, byName);
        }
    }

    private record BucketsByNameKey() {
    }

    /** The first bucket of each literal {@code BucketName}. */
    private static Map<String, Resource> bucketsByName(ResourceGraph graph) {
        return graph.derived(new BucketsByNameKey(), g -> {
            Map<String, Resource> out = new HashMap<>();
            for (Resource bucket : g.resources(Kind.S3_BUCKET)) {
                Setting.of(bucket, "BucketName").string().ifPresent(n -> out.putIfAbsent(n, bucket));
            }
            return out;
        });
    }

    /** The bucket a companion resource or bucket policy configures, when it is in the scanned files. */
    public static Optional<Resource> bucketOf(ResourceGraph graph, Resource companion) {
        Setting b = Setting.of(companion, "Bucket");
        if (b.omitted()) {
            return Optional.empty();
        }
        List<Resource> refs = Refs.targets(graph, b.value(), Kind.S3_BUCKET);
        if (!refs.isEmpty()) {
            return Optional.of(refs.get(0));
        }
        return b.string().map(bucketsByName(graph)::get);
    }

    /** Whether versioning (or MFA Delete) is on, where that is said, and why when it is not. */
    public record Versioning(Tri enabled, SourceLocation at, String why) {
    }

    public static Versioning versioning(ResourceGraph graph, Resource bucket) {
        // Terraform provider v4+: a separate resource wins over the deprecated inline block.
        for (Resource v : companions(graph, bucket, Kind.S3_BUCKET_VERSIONING)) {
            Setting status = Setting.of(v, "Status");
            Setting mfa = Setting.of(v, "MfaDelete");
            if (isEnabled(status) || isEnabled(mfa)) {
                return new Versioning(Tri.TRUE, status.at(), "");
            }
            if (status.unknown() || status.omitted()) {
                return new Versioning(Tri.UNKNOWN, status.at(), v.name() + " status is " + status.shown());
            }
            return new Versioning(Tri.FALSE, status.at(), v.name() + " sets status " + status.shown());
        }
        if (Setting.of(bucket, "Versioning").present()) {
            // CloudFormation states a status (Enabled, Suspended); Terraform's v3 block two switches.
            Setting status = Setting.of(bucket, "VersioningStatus");
            if (status.defined()) {
                if (isEnabled(status)) {
                    return new Versioning(Tri.TRUE, status.at(), "");
                }
                String why = status.name().replace('.', ' ') + " is " + status.shown();
                return new Versioning(status.unknown() ? Tri.UNKNOWN : Tri.FALSE, status.at(), why);
            }
            Setting enabled = Setting.of(bucket, "VersioningEnabled");
            Setting mfa = Setting.of(bucket, "VersioningMfaDelete");
            Tri on = enabled.boolOrDefault().or(mfa.boolOrDefault());
            return new Versioning(on, enabled.at(), enabled.name() + " is " + enabled.shown());
        }
        if (bucket.attributes().unknownRest() != null) {
            return new Versioning(Tri.UNKNOWN, bucket.location(), "its properties are " + bucket.attributes().unknownRest());
        }
        return new Versioning(Tri.FALSE, bucket.location(), "versioning is not configured (default: off)");
    }

    private static boolean isEnabled(Setting s) {
        return s.string().map(x -> x.equalsIgnoreCase("Enabled")).orElse(false);
    }
}
