package io.atolint.checks.cred;

import io.atolint.model.Format;
import io.atolint.model.Resource;
import io.atolint.model.Value;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a secret value arrives, which decides whether it is hard-coded: a literal or a parameter/variable
 * default is written in the files; a CloudFormation dynamic reference to {@code ssm-secure} or
 * {@code secretsmanager}, a reference to a secret resource, or a value given at deploy time is not; a
 * plain {@code {{resolve:ssm:...}}} reads an unencrypted String parameter.
 */
final class SecretValues {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\\b");

    private SecretValues() {
    }

    /**
     * LITERAL, DEFAULT (a parameter or variable value written in the files), PLAIN_SSM, SAFE, or
     * PLANNED: a concrete value in Terraform plan JSON, which resolves variables, so the plan alone does
     * not say whether the configuration writes the value.
     */
    enum Origin { LITERAL, DEFAULT, PLAIN_SSM, SAFE, PLANNED }

    /** Terraform's description of a variable's value: {@code var.x}, {@code module.m.var.x}, {@code var.x[0]}. */
    private static final Pattern TF_VARIABLE = Pattern.compile("^(module\\.\\S+\\.)?var\\.([A-Za-z0-9_-]+)(\\[.*)?$");

    /**
     * Where a value written for a secret comes from. A Terraform variable's concrete value comes from the
     * files (a default, a {@code .tfvars} in the tree, a module argument) unless it was given on the
     * command line for the root module.
     */
    static Origin origin(Value v, Set<String> givenVariables, Resource owner) {
        if (v instanceof Value.Scalar s) {
            if (s.value() == null || s.value() instanceof Boolean || String.valueOf(s.value()).isBlank()) {
                return Origin.SAFE;
            }
            if (owner.format() == Format.TERRAFORM_PLAN) {
                return Origin.PLANNED;
            }
            if (s.isLiteral()) {
                return Origin.LITERAL;
            }
            String how = s.how();
            if (how.contains(" (default ")) {
                return Origin.DEFAULT;
            }
            var m = TF_VARIABLE.matcher(how);
            if (m.matches()) {
                boolean given = m.group(1) == null && givenVariables.contains(m.group(2));
                return given ? Origin.SAFE : Origin.DEFAULT;
            }
            return Origin.SAFE;
        }
        if (v instanceof Value.Unknown u && u.raw() != null) {
            String raw = u.raw();
            if (raw.contains("{{resolve:ssm:")) {
                return Origin.PLAIN_SSM;
            }
        }
        return Origin.SAFE;
    }

    /**
     * The parameter or variable a value written in the files came from, without the value the resolver
     * put in its description ("parameter DbPassword (default s3cr3t)" becomes "the default of parameter
     * DbPassword").
     */
    static String writtenSource(Value v) {
        String how = v instanceof Value.Scalar s ? s.how() : "a parameter";
        int i = how.indexOf(" (default");
        if (i >= 0) {
            return "the default of " + how.substring(0, i);
        }
        return how + " (a default, .tfvars or module argument)";
    }

    /** An AWS access key id in a text, unless it is the documentation's example key. */
    static Optional<String> accessKeyId(String text) {
        // every prefix holds "IA" or "CCA": most texts (every string of every resource is asked) have neither,
        // and two indexOf calls cost far less than the pattern's attempt at each position
        if (text.indexOf("IA") < 0 && text.indexOf("CCA") < 0) {
            return Optional.empty();
        }
        var m = ACCESS_KEY_ID.matcher(text);
        while (m.find()) {
            if (!m.group(1).endsWith("EXAMPLE")) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** A key id shown without most of its characters: enough to find it, not to use it. */
    static String masked(String keyId) {
        return keyId.substring(0, 4) + "..." + keyId.substring(keyId.length() - 4);
    }

    /** The text a value holds: a literal string, or the written template of an unresolved value. */
    static Optional<String> text(Value v) {
        if (v instanceof Value.Scalar s && s.value() instanceof String str) {
            return Optional.of(str);
        }
        if (v instanceof Value.Unknown u && u.raw() != null) {
            return Optional.of(u.raw());
        }
        return Optional.empty();
    }
}
