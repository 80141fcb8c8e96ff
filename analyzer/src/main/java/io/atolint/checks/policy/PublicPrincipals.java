package io.atolint.checks.policy;

import io.atolint.model.Value;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an Allow statement opens a resource (bucket, key, queue) to anyone: a wildcard principal
 * with no condition that narrows who can use it. Conditions on the caller's identity, organization,
 * account, network origin or the calling service restrict it; a negated operator or a wildcard value
 * does not.
 */
public final class PublicPrincipals {
    private static final Set<String> RESTRICTING_KEYS = Set.of(
            "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourceip", "aws:vpcsourceip", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
            "aws:principalarn", "aws:userid", "aws:username", "aws:sourceorgid", "aws:sourceorgpaths",
            "aws:principalservicename", "aws:principalservicenameslist", "aws:principalisawsservice",
            "kms:calleraccount", "kms:viaservice", "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
            "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "aws:sourceidentity", "aws:principaltype");

    private PublicPrincipals() {
    }

    /** The verdict on one statement. */
    public enum Openness { NOT_PUBLIC, PUBLIC, UNKNOWN }

    public static Openness of(PolicyDocument.Statement s) {
        if (s.effect() == PolicyDocument.Effect.DENY || !s.hasPrincipal()) {
            return Openness.NOT_PUBLIC;
        }
        if (s.notPrincipal()) {
            // Allow with NotPrincipal grants everyone except the listed principals.
            return s.effect() == PolicyDocument.Effect.ALLOW && !restricted(s.conditions()) ? Openness.PUBLIC : Openness.NOT_PUBLIC;
        }
        boolean everyone = s.principals().stream().anyMatch(PolicyDocument.Principal::isEveryone);
        boolean unknownPrincipal = s.principals().stream().anyMatch(PolicyDocument.Principal::isUnknown);
        if (!everyone) {
            return unknownPrincipal ? Openness.UNKNOWN : Openness.NOT_PUBLIC;
        }
        if (restricted(s.conditions())) {
            return Openness.NOT_PUBLIC;
        }
        if (s.effect() == PolicyDocument.Effect.UNKNOWN || s.conditions().stream().anyMatch(c -> c.key().equals("?"))) {
            return Openness.UNKNOWN;
        }
        return Openness.PUBLIC;
    }

    static boolean restricted(List<PolicyDocument.Condition> conditions) {
        for (PolicyDocument.Condition c : conditions) {
            String op = c.operator().toLowerCase(Locale.ROOT);
            String key = c.key().toLowerCase(Locale.ROOT);
            if (!RESTRICTING_KEYS.contains(key) || op.contains("not") || op.startsWith("null")) {
                continue;
            }
            if (key.equals("aws:principalisawsservice") && !op.startsWith("bool")) {
                continue;
            }
            boolean wildcard = c.values().isEmpty() || c.values().stream().anyMatch(v -> v.asString().map(PublicPrincipals::isWildcard).orElse(false));
            if (!wildcard) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWildcard(String s) {
        String t = s.trim();
        return t.equals("*") || t.equals("0.0.0.0/0") || t.equals("::/0") || t.equalsIgnoreCase("false");
    }

    /** How messages show the condition situation. */
    public static String describe(PolicyDocument.Statement s) {
        return s.conditions().isEmpty() ? "without a condition" : "without a condition that restricts the caller";
    }

    static boolean isKnownString(Value v) {
        return v.asString().isPresent();
    }
}
