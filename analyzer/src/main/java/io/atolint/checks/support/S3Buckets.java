package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<Resource> out = new ArrayList<>();
        Optional<String> bucketName = Setting.of(bucket, "BucketName").string();
        for (Resource r : graph.resources(kind)) {
            Setting b = Setting.of(r, "Bucket");
            if (b.omitted()) {
                continue;
            }
            boolean byRef = Refs.targetIds(b.value()).contains(bucket.id());
            boolean byName = bucketName.isPresent() && b.string().filter(bucketName.get()::equals).isPresent();
            if (byRef || byName) {
                out.add(r);
            }
        }
        return out;
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
        Optional<String> name = b.string();
        if (name.isPresent()) {
            for (Resource bucket : graph.resources(Kind.S3_BUCKET)) {
                if (Setting.of(bucket, "BucketName").string().filter(name.get()::equals).isPresent()) {
                    return Optional.of(bucket);
                }
            }
        }
        return Optional.empty();
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
