package io.atolint.checklist;

import io.atolint.model.Finding;
import io.atolint.model.Resource;

import java.util.List;

/**
 * What one rule contributed to an item's verdict.
 *
 * @param ran               whether the rule ran in the analysis
 * @param examinedResources what it examined (its scope in the scanned files)
 * @param examinedUnits     templates, stacks or pages it examined as a whole
 * @param failures          unsuppressed findings above info: they make the item Not met
 * @param undecided         "cannot prove" notes (UNKNOWN values, evidence not in the files) and internal errors
 * @param informational     info facts about passing resources
 * @param suppressed        findings suppressed with a justification (listed, never failing)
 */
public record RuleEvidence(String ruleId, String title, boolean ran, List<Resource> examinedResources,
                           List<String> examinedUnits, List<Finding> failures, List<Finding> undecided,
                           List<Finding> informational, List<Finding> suppressed) {

    public RuleEvidence {
        examinedResources = List.copyOf(examinedResources);
        examinedUnits = List.copyOf(examinedUnits);
        failures = List.copyOf(failures);
        undecided = List.copyOf(undecided);
        informational = List.copyOf(informational);
        suppressed = List.copyOf(suppressed);
    }

    public boolean examinedAnything() {
        return !examinedResources.isEmpty() || !examinedUnits.isEmpty();
    }

    /** How many things it examined: resources plus whole units. */
    public int examinedCount() {
        return examinedResources.size() + examinedUnits.size();
    }
}
