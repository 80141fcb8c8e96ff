package io.atolint.checks.iam;

import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            Optional<Value> doc = r.attr("PolicyDocument", "policy");
            doc.ifPresent(d -> out.add(new Source(r, "", d, r.locationOf("PolicyDocument", "policy"))));
        }
        if (r.kind() == Kind.IAM_ROLE || r.kind() == Kind.IAM_USER || r.kind() == Kind.IAM_GROUP) {
            for (Value p : r.attr("Policies").map(Value::asList).orElse(List.of())) {
                String name = p.at("PolicyName").flatMap(Value::asString).orElse("?");
                p.at("PolicyDocument").ifPresent(d -> out.add(new Source(r, "inline policy \"" + name + "\"", d, d.location())));
            }
            for (Value p : r.attr("inline_policy").map(Value::asList).orElse(List.of())) {
                String name = p.at("name").flatMap(Value::asString).orElse("?");
                p.at("policy").ifPresent(d -> out.add(new Source(r, "inline policy \"" + name + "\"", d, d.location())));
            }
        }
        return out;
    }

    /** Kinds that may carry identity policies. */
    static final Kind[] KINDS = {Kind.IAM_POLICY, Kind.IAM_ROLE, Kind.IAM_USER, Kind.IAM_GROUP};
}
