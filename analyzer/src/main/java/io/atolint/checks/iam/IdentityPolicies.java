package io.atolint.checks.iam;

import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The identity-based policy documents a resource carries, whatever the format: a policy resource's
 * document ({@code AWS::IAM::Policy}, {@code AWS::IAM::ManagedPolicy}, {@code aws_iam_policy},
 * {@code aws_iam_role_policy}, ...) and the inline policies of roles, users and groups
 * ({@code Policies[].PolicyDocument}, {@code inline_policy { policy }}). Trust policies are not
 * identity policies and are left out.
 */
final class IdentityPolicies {
    private IdentityPolicies() {
    }

    /** A document and what to call it in a message. */
    record Source(Resource owner, String label, Value document, SourceLocation at) {
    }

    static List<Source> of(Resource r) {
        List<Source> out = new ArrayList<>();
        if (r.kind() == Kind.IAM_POLICY) {
            Setting doc = Setting.of(r, "PolicyDocument");
            if (doc.present()) {
                out.add(new Source(r, "", doc.value(), doc.at()));
            }
        }
        if (r.kind() == Kind.IAM_ROLE || r.kind() == Kind.IAM_USER || r.kind() == Kind.IAM_GROUP) {
            for (Value p : Setting.of(r, "Policies").blocks()) {
                String name = Setting.in(r, "@InlinePolicy", p, "PolicyName").string().orElse("?");
                Setting d = Setting.in(r, "@InlinePolicy", p, "PolicyDocument");
                if (d.present()) {
                    out.add(new Source(r, "inline policy \"" + name + "\"", d.value(), d.value().location()));
                }
            }
        }
        return out;
    }

    /** Kinds that may carry identity policies. */
    static final Kind[] KINDS = {Kind.IAM_POLICY, Kind.IAM_ROLE, Kind.IAM_USER, Kind.IAM_GROUP};
}
