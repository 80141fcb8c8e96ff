package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bucket settings wherever the format keeps them: on the bucket (CloudFormation, Terraform provider v3
 * blocks) or in the separate resources Terraform provider v4+ uses ({@code aws_s3_bucket_versioning},
 * {@code aws_s3_bucket_acl}, {@code aws_s3_bucket_public_access_block}, {@code aws_s3_bucket_policy}),
 * which name their bucket by reference or by name.
 */
public final class S3Buckets {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private S3Buckets() {
    }

    /** Resources of {@code kind} that configure {@code bucket} through their {@code bucket} argument. */
    public static List<Resource> companions(ResourceGraph graph, Resource bucket, Kind kind) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : graph.resources(kind)) {
            if (configures(graph, bucket, r) == Tri.TRUE) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Resources of {@code kind} in the bucket's own template or module whose {@code bucket} argument is
     * unresolved (a parameter without a value, an expression of one) and may therefore name it.
     */
    public static List<Resource> possibleCompanions(ResourceGraph graph, Resource bucket, Kind kind) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : graph.resources(kind)) {
            if (configures(graph, bucket, r) == Tri.UNKNOWN) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Whether {@code companion}'s {@code bucket} argument names {@code bucket}: by reference, by the same
     * literal name, or, within one template, by the very expression the bucket's name is written with
     * (a bucket policy written {@code Bucket: !Sub ${AppName}-logs} for a bucket named
     * {@code !Sub ${AppName}-logs}, as Rain and many templates write them). UNKNOWN when the argument is
     * unresolved and references no resource, in the bucket's own model, and the bucket has a name it
     * could equal; a name the stack generates is reachable only by reference.
     */
    static Tri configures(ResourceGraph graph, Resource bucket, Resource companion) {
        Tri t = names(graph, bucket, companion);
        if (t == Tri.UNKNOWN) {
            // Bucket names are unique: an argument that provably names another bucket does not name this one.
            for (Resource other : graph.resources(Kind.S3_BUCKET)) {
                if (other != bucket && names(graph, other, companion) == Tri.TRUE) {
                    return Tri.FALSE;
                }
            }
        }
        return t;
    }

    private static Tri names(ResourceGraph graph, Resource bucket, Resource companion) {
        Setting b = Setting.of(companion, "Bucket");
        if (b.omitted()) {
            return Tri.FALSE;
        }
        Set<String> refs = Refs.targetIds(b.value());
        if (refs.contains(bucket.id())) {
            return Tri.TRUE;
        }
        Setting name = Setting.of(bucket, "BucketName");
        if (name.omitted() || !refs.isEmpty()) {
            return Tri.FALSE;
        }
        Optional<String> literal = b.string();
        if (literal.isPresent() && name.string().isPresent()) {
            return Tri.of(literal.get().equals(name.string().get()));
        }
        if (graph.modelOf(companion) != graph.modelOf(bucket)) {
            return Tri.FALSE;
        }
        if (sameExpression(bucket, name.value(), b.value())) {
            return Tri.TRUE;
        }
        if (otherExpression(bucket, name.value(), b.value())) {
            return Tri.FALSE;
        }
        return literal.isPresent() && name.value() instanceof Value.Scalar ? Tri.FALSE : Tri.UNKNOWN;
    }

    /** How a message shows an unresolved bucket argument: the parameter, or the text of the expression. */
    public static String shownName(Value v) {
        if (v instanceof Value.Symbol s) {
            return s.display() + " (no value given)";
        }
        if (v instanceof Value.Unknown u && u.raw() != null && !u.raw().isBlank()) {
            String raw = u.raw().strip();
            return raw.startsWith("\"") && raw.endsWith("\"") ? raw : "\"" + raw + "\"";
        }
        return v.describe();
    }

    /**
     * Two unresolved values of one template that are provably equal: the same parameter, or the same
     * unresolved {@code Fn::Sub}/{@code Fn::Join} text. Terraform expressions are not compared: the same
     * text names different buckets in two module instances or two {@code count} instances.
     */
    private static boolean sameExpression(Resource bucket, Value a, Value b) {
        if (bucket.format() != Format.CLOUDFORMATION && bucket.format() != Format.CDK) {
            return false;
        }
        if (a instanceof Value.Symbol x && b instanceof Value.Symbol y) {
            return x.family().equals(y.family()) && x.index() == y.index();
        }
        if (a instanceof Value.Unknown x && b instanceof Value.Unknown y) {
            return x.raw() != null && !x.raw().isBlank() && x.raw().equals(y.raw());
        }
        return false;
    }

    /**
     * Two unresolved texts of one template built from the same placeholders in the same order whose
     * literal parts differ ({@code ${Prefix}-logs} and {@code ${Prefix}-content}): two different names,
     * as every template that names its buckets this way means them.
     */
    private static boolean otherExpression(Resource bucket, Value a, Value b) {
        if (bucket.format() != Format.CLOUDFORMATION && bucket.format() != Format.CDK) {
            return false;
        }
        if (a instanceof Value.Unknown x && b instanceof Value.Unknown y && x.raw() != null && y.raw() != null) {
            return !x.raw().equals(y.raw()) && placeholders(x.raw()).equals(placeholders(y.raw()))
                    && !placeholders(x.raw()).isEmpty();
        }
        return false;
    }

    private static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
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
        for (Resource bucket : graph.resources(Kind.S3_BUCKET)) {
            if (configures(graph, bucket, companion) == Tri.TRUE) {
                return Optional.of(bucket);
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
