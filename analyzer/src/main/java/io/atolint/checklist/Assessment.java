package io.atolint.checklist;

import io.atolint.model.Finding;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The self-assessment: one verdict per checklist item, in checklist order, for a solution category
 * (null when none was chosen: every item then applies). Plain data for the report writers.
 *
 * @param inputProblems findings that say some input could not be read or was cut short (PARSE001,
 *                      PARSE002): the verdicts do not cover what those files hold
 */
public record Assessment(Category category, List<ItemAssessment> items, List<Finding> inputProblems) {

    public Assessment {
        items = List.copyOf(items);
        inputProblems = List.copyOf(inputProblems);
    }

    public Optional<ItemAssessment> item(String id) {
        return items.stream().filter(i -> i.item().id().equals(id)).findFirst();
    }

    /** How many items got each verdict (every verdict present, possibly 0). */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> out = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            out.put(v, 0);
        }
        items.forEach(i -> out.merge(i.verdict(), 1, Integer::sum));
        return out;
    }

    /** How many Needs-evidence items have each gap. */
    public Map<EvidenceGap, Integer> gaps() {
        Map<EvidenceGap, Integer> out = new EnumMap<>(EvidenceGap.class);
        for (ItemAssessment i : items) {
            if (i.gap() != null) {
                out.merge(i.gap(), 1, Integer::sum);
            }
        }
        return out;
    }

    public boolean anyNotMet() {
        return items.stream().anyMatch(i -> i.verdict() == Verdict.NOT_MET);
    }
}
