package io.atolint.checklist;

/** The answer for one checklist item, as the self-assessment's "Met Y/N" column would hold it. */
public enum Verdict {
    /** Rules examined resources in scope and found nothing. */
    MET("Met", "met"),
    /** At least one finding (above info) from the item's rules. */
    NOT_MET("Not met", "not-met"),
    /** The files cannot decide: see {@link EvidenceGap} for why. */
    NEEDS_EVIDENCE("Needs evidence", "needs-evidence"),
    /** The checklist exempts the chosen solution category. */
    NOT_APPLICABLE("Not applicable", "not-applicable");

    private final String label;
    private final String id;

    Verdict(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** As people read it: "Needs evidence". */
    public String label() {
        return label;
    }

    /** As machines read it: "needs-evidence". */
    public String id() {
        return id;
    }
}
