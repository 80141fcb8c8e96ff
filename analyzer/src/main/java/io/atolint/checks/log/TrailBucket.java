package io.atolint.checks.log;

import io.atolint.checks.support.Refs;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;

import java.util.Optional;

/**
 * The S3 bucket a trail delivers to, when the scanned files define it: by reference, or by a name
 * equal to a defined bucket's name (Terraform resolves {@code aws_s3_bucket.x.bucket} to the name).
 */
final class TrailBucket {
    private TrailBucket() {
    }

    static Setting setting(Resource trail) {
        return Setting.of(trail, "S3BucketName");
    }

    static Optional<Resource> local(ResourceGraph graph, Setting bucket) {
        if (bucket.omitted()) {
            return Optional.empty();
        }
        Optional<Resource> byRef = Refs.targets(graph, bucket.value(), Kind.S3_BUCKET).stream().findFirst();
        if (byRef.isPresent() || bucket.string().isEmpty()) {
            return byRef;
        }
        String name = bucket.string().get();
        for (Resource b : graph.resources(Kind.S3_BUCKET)) {
            if (Setting.of(b, "BucketName").string().filter(name::equals).isPresent()) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
