package io.atolint.checklist;

import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.parse.ParseFindings;
import io.atolint.checks.RuleCatalog;
import io.atolint.rule.RuleInfo;
import io.atolint.rule.RuleRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the findings of an analysis, and what each rule examined, into the self-assessment: for each checklist item, Not applicable (the chosen
 * category is exempt), Needs evidence (manual item), or the verdict of its rules:
 * <ol>
 * <li>Not met when any rule of the item has an unsuppressed finding above info;</li>
 * <li>else Needs evidence (UNKNOWN results) when any rule left something undecided (a "cannot prove"
 * note, an internal error);</li>
 * <li>else Met when at least one rule examined something in scope;</li>
 * <li>else Needs evidence: nothing in scope (or the rules did not run).</li>
 * </ol>
 * A rule that found nothing because it had nothing to look at never makes an item Met.
 */
public final class ChecklistEvaluator {
    private final Checklist checklist;

    public ChecklistEvaluator(Checklist checklist) {
        this.checklist = checklist;
    }

    public static ChecklistEvaluator standard() {
        return new ChecklistEvaluator(Checklist.standard());
    }

    /**
     * The assessment of {@code findings} (after suppressions) for a category (null: every item applies);
     * {@code runs} says what each rule examined, by rule id.
     */
    public Assessment evaluate(List<Finding> findings, Map<String, RuleRun> runs, Category category) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        List<Finding> inputProblems = new ArrayList<>();
        for (Finding f : findings) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
            if (f.ruleId().equals(ParseFindings.INVALID) || f.ruleId().equals(ParseFindings.LIMIT)) {
                inputProblems.add(f);
            }
        }
        List<ItemAssessment> items = new ArrayList<>();
        for (ChecklistItem item : checklist.items()) {
            items.add(assess(item, category, runs, byRule));
        }
        return new Assessment(category, items, inputProblems);
    }

    private ItemAssessment assess(ChecklistItem item, Category category, Map<String, RuleRun> runs,
                                  Map<String, List<Finding>> byRule) {
        if (!item.appliesTo(category)) {
            return new ItemAssessment(item, Verdict.NOT_APPLICABLE, null,
                    "not applicable to " + category.label() + " solutions (checklist exemption)", List.of());
        }
        if (item.isManual()) {
            return new ItemAssessment(item, Verdict.NEEDS_EVIDENCE, EvidenceGap.MANUAL,
                    "manual evidence: " + item.expects(), List.of());
        }
        List<RuleEvidence> rules = new ArrayList<>();
        for (String id : item.rules()) {
            rules.add(evidence(id, runs.get(id), byRule.getOrDefault(id, List.of())));
        }
        return decide(item, rules);
    }

    private static RuleEvidence evidence(String ruleId, RuleRun run, List<Finding> findings) {
        List<Finding> failures = new ArrayList<>();
        List<Finding> undecided = new ArrayList<>();
        List<Finding> informational = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        Set<Resource> examined = new LinkedHashSet<>();
        if (run != null) {
            examined.addAll(run.examinedResources());
        }
        for (Finding f : findings) {
            if (f.resource() != null) {
                examined.add(f.resource());
            }
            if (f.isSuppressed()) {
                suppressed.add(f);
            } else if (f.severity() != Severity.INFO) {
                failures.add(f);
            } else if (run != null && run.isInformational(f)) {
                informational.add(f);
            } else {
                undecided.add(f);
            }
        }
        String title = RuleCatalog.find(ruleId).map(RuleInfo::title).orElse(ruleId);
        return new RuleEvidence(ruleId, title, run != null, List.copyOf(examined),
                run == null ? List.of() : run.examinedUnits(), failures, undecided, informational, suppressed);
    }

    private static ItemAssessment decide(ChecklistItem item, List<RuleEvidence> rules) {
        int failures = rules.stream().mapToInt(r -> r.failures().size()).sum();
        if (failures > 0) {
            return new ItemAssessment(item, Verdict.NOT_MET, null,
                    failures + (failures == 1 ? " finding" : " findings") + " from " + perRule(rules, RuleEvidence::failures), rules);
        }
        int undecided = rules.stream().mapToInt(r -> r.undecided().size()).sum();
        if (undecided > 0) {
            return new ItemAssessment(item, Verdict.NEEDS_EVIDENCE, EvidenceGap.UNKNOWN_RESULTS,
                    undecided + (undecided == 1 ? " result" : " results") + " could not be decided from the files ("
                            + perRule(rules, RuleEvidence::undecided) + ")", rules);
        }
        List<String> examined = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        for (RuleEvidence r : rules) {
            if (r.examinedAnything()) {
                examined.add(r.ruleId() + " examined " + r.examinedCount());
            } else if (r.ran()) {
                idle.add(r.ruleId());
            }
        }
        if (!examined.isEmpty()) {
            return new ItemAssessment(item, Verdict.MET, null, String.join(", ", examined) + "; no finding"
                    + (idle.isEmpty() ? "" : " (nothing in scope for " + String.join(", ", idle) + ")"), rules);
        }
        if (rules.stream().noneMatch(RuleEvidence::ran)) {
            return new ItemAssessment(item, Verdict.NEEDS_EVIDENCE, EvidenceGap.RULES_NOT_RUN,
                    "rules " + String.join(", ", item.rules()) + " did not run", rules);
        }
        return new ItemAssessment(item, Verdict.NEEDS_EVIDENCE, EvidenceGap.NOTHING_IN_SCOPE,
                "no resource in scope for " + String.join(", ", idle)
                        + (item.expects() == null ? "" : " (an auditor expects: " + item.expects() + ")"), rules);
    }

    private static String perRule(List<RuleEvidence> rules, java.util.function.Function<RuleEvidence, List<Finding>> which) {
        List<String> parts = new ArrayList<>();
        for (RuleEvidence r : rules) {
            int n = which.apply(r).size();
            if (n > 0) {
                parts.add(r.ruleId() + (n > 1 ? " x" + n : ""));
            }
        }
        return String.join(", ", parts);
    }
}
