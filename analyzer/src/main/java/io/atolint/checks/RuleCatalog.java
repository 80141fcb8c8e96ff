package io.atolint.checks;

import io.atolint.model.Severity;
import io.atolint.parse.ParseFindings;
import io.atolint.rule.Check;
import io.atolint.rule.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every rule id a finding may carry: the checks of {@link Rules} and the parse diagnostics. */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<RuleInfo> parseRules() {
        return List.of(
                new RuleInfo(ParseFindings.INVALID, "Input file or part of it cannot be read", Severity.HIGH, List.of("parse")),
                new RuleInfo(ParseFindings.LIMIT, "Analysis cut short by a safety limit", Severity.MEDIUM, List.of("parse")),
                new RuleInfo(ParseFindings.UNSUPPORTED, "Construct read but not analysed", Severity.INFO, List.of("parse")));
    }

    public static List<RuleInfo> all() {
        List<RuleInfo> out = new ArrayList<>();
        for (Check c : Rules.all()) {
            out.add(RuleInfo.of(c));
        }
        out.addAll(parseRules());
        return out;
    }

    public static Optional<RuleInfo> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** True when a finding may carry {@code id}. */
    public static boolean isRule(String id) {
        return find(id).isPresent();
    }
}
