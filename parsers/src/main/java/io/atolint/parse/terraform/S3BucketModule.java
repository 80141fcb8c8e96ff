package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code s3-bucket} module, whose defaults for the public access block changed at its version 4. */
final class S3BucketModule extends ModelledCall {
    private static final List<String> PUBLIC_ACCESS = List.of("block_public_acls", "block_public_policy",
            "ignore_public_acls", "restrict_public_buckets");

    S3BucketModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                   SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    /**
     * The bucket and the resources the module attaches to it: its ACL, versioning, default encryption, public
     * access block (on by default from version 4, off before: UNKNOWN when the version does not tell) and the
     * bucket policy that denies requests without TLS ({@code attach_deny_insecure_transport_policy}).
     */
    Modelled s3Bucket() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create_bucket", true);
        if (create.isFalse()) {
            return new Modelled("s3-bucket", out);
        }
        String maybe = maybe(create, "create_bucket");
        Map<String, Value> b = new LinkedHashMap<>();
        for (String k : List.of("bucket", "bucket_prefix", "force_destroy", "object_lock_enabled", "tags")) {
            in(k).filter(v -> !Values.isNull(v)).ifPresent(v -> b.put(k, v));
        }
        Value.Ref bucket = addIn("", "aws_s3_bucket", "this", 0, b, keysAt(b, "bucket"), where("bucket", "bucket_prefix"), maybe);
        Value bucketId = id(bucket);
        Optional<Value> acl = in("acl").filter(v -> !Values.isNull(v));
        if (acl.isPresent()) {
            Map<String, Value> a = new LinkedHashMap<>(Map.of("bucket", bucketId, "acl", acl.get()));
            addIn("", "aws_s3_bucket_acl", "this", 0, a, keysAt(a, "acl"), where("acl"), maybe);
        }
        if (in("versioning").orElse(null) instanceof Value.MapV v && v.size() > 0) {
            Tri enabled = v.get("enabled").map(Evaluator::truth).orElse(Tri.UNKNOWN);
            String status = Values.asText(v.get("status").orElse(Values.nul(at)));
            Value st = enabled.isKnown() ? Values.str(enabled.isTrue() ? "Enabled" : "Suspended", v.location())
                    : status != null ? Values.str(status.equalsIgnoreCase("true") || status.equalsIgnoreCase("enabled")
                    ? "Enabled" : "Suspended", v.location()) : unknown("versioning of " + address + " is not known");
            Map<String, Value> ver = new LinkedHashMap<>();
            ver.put("bucket", bucketId);
            ver.put("versioning_configuration", Values.list(List.of(Values.map(Map.of("status", st), v.location())), v.location()));
            addIn("", "aws_s3_bucket_versioning", "this", 0, ver, keysAt(ver, "versioning"), where("versioning"), maybe);
        }
        if (in("server_side_encryption_configuration").orElse(null) instanceof Value.MapV sse && sse.size() > 0) {
            Map<String, Value> e = new LinkedHashMap<>();
            e.put("bucket", bucketId);
            e.put("rule", asBlock(sse.get("rule").orElse(Values.map(Map.of(), sse.location()))));
            addIn("", "aws_s3_bucket_server_side_encryption_configuration", "this", 0, e,
                    keysAt(e, "server_side_encryption_configuration"), where("server_side_encryption_configuration"), maybe);
        }
        if (!bool("attach_public_policy", true).isFalse()) {
            Tri v4 = versionAtLeast(4);
            Map<String, Value> pab = new LinkedHashMap<>();
            pab.put("bucket", bucketId);
            for (String k : PUBLIC_ACCESS) {
                pab.put(k, in(k).filter(v -> !Values.isNull(v)).orElse(v4.isKnown() ? Values.bool(v4.isTrue(), where("version"))
                        : unknown(k + " of " + address + " is not given: the module's default is false before version 4"
                        + " and true from it, and its version is not pinned to one side")));
            }
            SourceLocation pabAt = where(PUBLIC_ACCESS.get(0), "attach_public_policy", "bucket");
            addIn("", "aws_s3_bucket_public_access_block", "this", 0, pab, keysOf(pab, pabAt), pabAt, maybe);
        }
        Tri denyInsecure = bool("attach_deny_insecure_transport_policy", false);
        Tri attachPolicy = bool("attach_policy", false);
        if (!denyInsecure.isFalse() || attachPolicy.isTrue()) {
            Value policy;
            if (denyInsecure.isTrue() && !attachPolicy.isTrue()) {
                policy = denyInsecureTransport(bucket);
            } else if (attachPolicy.isTrue() && denyInsecure.isFalse()) {
                policy = in("policy").orElse(unknown("policy of " + address + " is not given"));
            } else {
                policy = unknown("the policy of " + address + " combines its inputs' documents");
            }
            Map<String, Value> p = new LinkedHashMap<>();
            p.put("bucket", bucketId);
            p.put("policy", policy);
            addIn("", "aws_s3_bucket_policy", "this", 0, p, keysAt(p, "attach_deny_insecure_transport_policy", "attach_policy"),
                    where("attach_deny_insecure_transport_policy", "attach_policy"), maybe);
        }
        out.put("s3_bucket_id", bucketId);
        out.put("s3_bucket_arn", attr(bucket, "arn"));
        out.put("s3_bucket_bucket_domain_name", attr(bucket, "bucket_domain_name"));
        out.put("s3_bucket_bucket_regional_domain_name", attr(bucket, "bucket_regional_domain_name"));
        return new Modelled("s3-bucket", out);
    }

    /** The statement the module writes for {@code attach_deny_insecure_transport_policy}. */
    private Value denyInsecureTransport(Value.Ref bucket) {
        SourceLocation l = where("attach_deny_insecure_transport_policy");
        Map<String, Value> st = new LinkedHashMap<>();
        st.put("Sid", Values.str("denyInsecureTransport", l));
        st.put("Effect", Values.str("Deny", l));
        st.put("Principal", Values.str("*", l));
        st.put("Action", Values.str("s3:*", l));
        st.put("Resource", Values.list(List.of(attr(bucket, "arn"),
                new Value.Unknown("the bucket's objects (ARN/*)", null, List.of(attr(bucket, "arn")), l)), l));
        st.put("Condition", Values.map(Map.of("Bool", Values.map(Map.of("aws:SecureTransport", Values.str("false", l)), l)), l));
        Map<String, Value> doc = new LinkedHashMap<>();
        doc.put("Version", Values.str("2012-10-17", l));
        doc.put("Statement", Values.list(List.of(Values.map(st, l)), l));
        return Values.map(doc, l);
    }
}
