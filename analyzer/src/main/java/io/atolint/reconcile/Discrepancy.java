package io.atolint.reconcile;

import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;

import java.util.List;

/**
 * Something the diagram and the IaC disagree on, or that cannot be checked. {@code element} is the diagram
 * element concerned (null when nothing is drawn), {@code iac} the resources concerned. {@code decided} is
 * false when an UNKNOWN value kept it from being checked: the message then says what could not be checked
 * and the rule reports a note. {@code severity} is null for the rule's default. {@code at} is where to
 * report when it is not the element or resource itself (a drawn connector).
 */
public record Discrepancy(Type type, Resource element, List<Resource> iac, String message, boolean decided,
                          Severity severity, SourceLocation at, List<Finding.Related> related) {

    /** What kind of disagreement, with the rule that reports it. */
    public enum Type {
        DEPLOYED_NOT_DRAWN("deployed-not-drawn", "RECON001"),
        DRAWN_NOT_DEPLOYED("drawn-not-deployed", "RECON002"),
        AZ_CLAIM("claim-not-backed", "RECON003"),
        LINK_CLAIM("claim-not-backed", "RECON004"),
        OUTSIDE_LINK("outside-link", "RECON005");

        private final String kind;
        private final String ruleId;

        Type(String kind, String ruleId) {
            this.kind = kind;
            this.ruleId = ruleId;
        }

        /** The {@code kind} of the JSON reconciliation section. */
        public String kind() {
            return kind;
        }

        public String ruleId() {
            return ruleId;
        }
    }

    public Discrepancy {
        iac = List.copyOf(iac);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** The resource a finding is about: the element when there is one, else the first IaC resource. */
    public Resource subject() {
        return element != null ? element : iac.isEmpty() ? null : iac.get(0);
    }

    /** Where a finding points. */
    public SourceLocation location() {
        if (at != null) {
            return at;
        }
        Resource s = subject();
        return s == null ? SourceLocation.ofFile("") : s.location();
    }
}
