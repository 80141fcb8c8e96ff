package io.atolint.checklist;

import java.util.List;
import java.util.Set;

/**
 * One item of the checklist.
 *
 * @param section     where the checklist puts it ("Technical validation / 1.0 Baseline")
 * @param requirement the requirement in one sentence, in our own words
 * @param applies     the solution categories the item applies to ({@link Category} ids)
 * @param rules       rule ids whose results decide it; empty when only manual evidence can
 * @param expects     what an auditor expects to see beyond the files (required when {@code rules} is
 *                    empty, else optional); null when not given
 */
public record ChecklistItem(String id, String section, String title, String requirement, Set<String> applies,
                            List<String> rules, String expects) {

    public ChecklistItem {
        applies = Set.copyOf(applies);
        rules = List.copyOf(rules);
    }

    /** Whether the item applies to a category; every item applies when no category is chosen. */
    public boolean appliesTo(Category category) {
        return category == null || applies.contains(category.id());
    }

    /** True when no rule can decide the item: only manual evidence can. */
    public boolean isManual() {
        return rules.isEmpty();
    }
}
