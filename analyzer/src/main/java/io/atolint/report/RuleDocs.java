package io.atolint.report;

import io.atolint.rule.Check;
import io.atolint.rule.RuleInfo;
import io.atolint.checks.Rules;

import java.util.Locale;

/** Where a rule is documented and what reports call it. */
public final class RuleDocs {
    /**
     * The published rules reference ({@code docs/rules.md} of the repository), when the configuration
     * names no other ({@code docs-uri} in {@code .atolint.yml}). SARIF wants an absolute URI for
     * {@code helpUri}.
     */
    public static final String BASE_URI = "https://github.com/atolint/atolint/blob/main/docs/rules.md";

    private RuleDocs() {
    }

    /** The heading anchor of a rule in {@code docs/rules.md} (GitHub's slug of {@code ## HA001 ...}). */
    public static String anchor(String ruleId) {
        return ruleId.toLowerCase(Locale.ROOT);
    }

    /**
     * A short PascalCase name: the check's class name ({@code LoadBalancerAzSpread}), or for diagnostics
     * that have no class the title in PascalCase.
     */
    public static String name(RuleInfo rule) {
        for (Check c : Rules.all()) {
            if (c.meta().id().equals(rule.id())) {
                return c.getClass().getSimpleName();
            }
        }
        StringBuilder b = new StringBuilder();
        for (String w : rule.title().split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.toString();
    }
}
