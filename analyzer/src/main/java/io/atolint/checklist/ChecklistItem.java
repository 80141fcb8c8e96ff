package io.atolint.checklist;

import java.util.List;
import java.util.Set;

/**
 * One item of the checklist.
 *
 * @param applies  the solution categories the item applies to
 * @param rules    rule ids whose findings decide it; empty when the evidence is manual
 * @param manual   what an auditor expects instead, when no file can prove the item (else null)
 */
public record ChecklistItem(String id, String section, String title, String requirement, Set<String> applies,
                            List<String> rules, String manual) {

    public boolean appliesTo(String category) {
        return category == null || applies.contains(category);
    }

    public boolean isManual() {
        return rules.isEmpty();
    }
}
