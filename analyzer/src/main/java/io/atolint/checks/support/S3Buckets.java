package io.atolint.checks.support;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        List<Resource> out = new ArrayList<>();
        for (Resource r : candidates(graph, bucket, kind)) {
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
        for (Resource r : candidates(graph, bucket, kind)) {
            if (configures(graph, bucket, r) == Tri.UNKNOWN) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The resources of {@code kind} whose {@code bucket} argument may name {@code bucket} (every other one
     * provably does not: see {@link #names}), in graph order: those that refer to it, and when it has a
     * name, those without a reference that write the same literal or sit in its model. Asked per bucket,
     * so from an index made once per graph and kind (a scan of every companion per bucket was quadratic).
     */
    private static List<Resource> candidates(ResourceGraph graph, Resource bucket, Kind kind) {
        CompanionIndex index = graph.derived(new CompanionKey(kind), g -> CompanionIndex.of(g, kind));
        SortedSet<Integer> at = new TreeSet<>(index.byRef().getOrDefault(bucket.id(), List.of()));
        Setting name = Setting.of(bucket, "BucketName");
        if (!name.omitted()) {
            name.string().ifPresent(n -> at.addAll(index.byLiteral().getOrDefault(n, List.of())));
            at.addAll(index.unreferencedByModel().getOrDefault(graph.modelOf(bucket), List.of()));
        }
        List<Resource> all = graph.resources(kind);
        List<Resource> out = new ArrayList<>(at.size());
        for (int i : at) {
            out.add(all.get(i));
        }
        return out;
    }

    private record CompanionKey(Kind kind) {
        // equals and hashCode written out: a record's own are linked through method handles on first use
        // (see RuleRun.Key)
        @Override
        public boolean equals(Object o) {
            return o instanceof CompanionKey k && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return kind.hashCode();
        }
    }

    /**
     * Positions in {@code graph.resources(kind)} of the resources whose {@code bucket} argument is given:
     * by each id it refers to; and of those that refer to none, by their literal value and by their model.
     */
    private record CompanionIndex(Map<String, List<Integer>> byRef, Map<String, List<Integer>> byLiteral,
                                  Map<Model, List<Integer>> unreferencedByModel) {
        static CompanionIndex of(ResourceGraph graph, Kind kind) {
            Map<String, List<Integer>> byRef = new HashMap<>();
            Map<String, List<Integer>> byLiteral = new HashMap<>();
            Map<Model, List<Integer>> byModel = new IdentityHashMap<>();
            List<Resource> all = graph.resources(kind);
            for (int i = 0; i < all.size(); i++) {
                Setting b = Setting.of(all.get(i), "Bucket");
                if (b.omitted()) {
                    continue;
                }
                int at = i;
                Set<String> refs = Refs.targetIds(b.value());
                for (String id : refs) {
                    byRef.computeIfAbsent(id, k -> new ArrayList<>()).add(at);
                }
                if (refs.isEmpty()) {
                    b.string().ifPresent(n -> byLiteral.computeIfAbsent(n, k -> new ArrayList<>()).add(at));
                    byModel.computeIfAbsent(graph.modelOf(all.get(i)), k -> new ArrayList<>()).add(at);
                }
            }
            return new CompanionIndex(byRef, byLiteral, byModel);
        }
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

    /** The matches of {@code \$\{[^}]*}}, in one pass (the expression rescanned the text from each "${"). */
    private static List<String> placeholders(String text) {
        return io.atolint.model.TextScans.spans(text, "${", '}');
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
        for (Resource bucket : bucketCandidates(graph, companion, b)) {
            if (configures(graph, bucket, companion) == Tri.TRUE) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }

    /** One instance, compared by identity: a record would link its equals and hashCode on first use. */
    private static final Object BUCKET_KEY = new Object();

    /**
     * The buckets an argument that refers to no resource may name, in graph order: those named with its
     * literal, and the named ones of its model (every other bucket provably is not: see {@link #names}).
     */
    private static List<Resource> bucketCandidates(ResourceGraph graph, Resource companion, Setting argument) {
        BucketIndex index = graph.derived(BUCKET_KEY, BucketIndex::of);
        SortedSet<Integer> at = new TreeSet<>(index.namedByModel().getOrDefault(graph.modelOf(companion), List.of()));
        argument.string().ifPresent(n -> at.addAll(index.byLiteral().getOrDefault(n, List.of())));
        List<Resource> all = graph.resources(Kind.S3_BUCKET);
        List<Resource> out = new ArrayList<>(at.size());
        for (int i : at) {
            out.add(all.get(i));
        }
        return out;
    }

    /** Positions in {@code graph.resources(S3_BUCKET)} of the named buckets, by literal name and by model. */
    private record BucketIndex(Map<String, List<Integer>> byLiteral, Map<Model, List<Integer>> namedByModel) {
        static BucketIndex of(ResourceGraph graph) {
            Map<String, List<Integer>> byLiteral = new HashMap<>();
            Map<Model, List<Integer>> byModel = new IdentityHashMap<>();
            List<Resource> all = graph.resources(Kind.S3_BUCKET);
            for (int i = 0; i < all.size(); i++) {
                Setting name = Setting.of(all.get(i), "BucketName");
                if (name.omitted()) {
                    continue;
                }
                int at = i;
                name.string().ifPresent(n -> byLiteral.computeIfAbsent(n, k -> new ArrayList<>()).add(at));
                byModel.computeIfAbsent(graph.modelOf(all.get(i)), k -> new ArrayList<>()).add(at);
            }
            return new BucketIndex(byLiteral, byModel);
        }
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
