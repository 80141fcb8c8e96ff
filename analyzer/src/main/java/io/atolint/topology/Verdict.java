package io.atolint.topology;

import java.util.Locale;

/** What the loss of one AZ does to a resource, a tier or a path; declared from best to worst. */
public enum Verdict {
    /** Nothing it needs runs in the lost AZ. */
    SURVIVES,
    /** It keeps serving from the other AZs with less capacity (or loses part of its egress). */
    DEGRADED,
    /** The files do not say where it runs, or the lost AZ cannot be compared with its AZs. */
    UNKNOWN,
    /** It runs in one AZ that AWS chooses: down if that is the lost one. */
    AT_RISK,
    /** Everything that serves it runs in the lost AZ. */
    DOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** As the text report writes it: {@code AT RISK}. */
    public String display() {
        return name().replace('_', ' ');
    }

    public Verdict worst(Verdict o) {
        return o.ordinal() > ordinal() ? o : this;
    }
}
