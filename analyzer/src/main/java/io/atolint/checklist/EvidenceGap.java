package io.atolint.checklist;

/** Why an item needs evidence beyond what the files decide. */
public enum EvidenceGap {
    /** No rule can decide the item; an auditor expects other evidence ({@link ChecklistItem#expects()}). */
    MANUAL("manual", "manual evidence"),
    /** The item's rules ran but nothing in the scanned files was in their scope. */
    NOTHING_IN_SCOPE("nothing-in-scope", "no resource in scope"),
    /** The rules met values they could not resolve (UNKNOWN) and found nothing failing. */
    UNKNOWN_RESULTS("unknown-results", "UNKNOWN results"),
    /** None of the item's rules ran in this analysis. */
    RULES_NOT_RUN("rules-not-run", "rules not run");

    private final String id;
    private final String label;

    EvidenceGap(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
