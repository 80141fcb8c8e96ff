package io.atolint.checklist;

import io.atolint.model.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one checklist item with what decided it.
 *
 * @param gap    why evidence is needed; non-null exactly when the verdict is {@link Verdict#NEEDS_EVIDENCE}
 * @param reason one line saying why, for people ("2 findings from HA001", "no resource in scope for LOG001")
 * @param rules  per rule of the item: what it examined and found (empty for manual items)
 */
public record ItemAssessment(ChecklistItem item, Verdict verdict, EvidenceGap gap, String reason,
                             List<RuleEvidence> rules) {

    public ItemAssessment {
        rules = List.copyOf(rules);
        if ((verdict == Verdict.NEEDS_EVIDENCE) != (gap != null)) {
            throw new IllegalArgumentException(item.id() + ": a gap goes with Needs evidence and only with it");
        }
    }

    /** The findings that make the item Not met, across its rules. */
    public List<Finding> failures() {
        List<Finding> out = new ArrayList<>();
        rules.forEach(r -> out.addAll(r.failures()));
        return out;
    }

    /** The "cannot prove" notes of its rules. */
    public List<Finding> undecided() {
        List<Finding> out = new ArrayList<>();
        rules.forEach(r -> out.addAll(r.undecided()));
        return out;
    }

    /** Informational facts about passing resources. */
    public List<Finding> informational() {
        List<Finding> out = new ArrayList<>();
        rules.forEach(r -> out.addAll(r.informational()));
        return out;
    }
}
