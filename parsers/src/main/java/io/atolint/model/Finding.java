package io.atolint.model;

import java.util.List;
import java.util.Objects;

/**
 * One result: a rule's verdict on a resource or attribute, or a parse problem.
 *
 * @param resource   the resource the finding is about; null for file-level findings (parse errors,
 *                   a diagram page that lacks an element)
 * @param related    other places that explain the finding (the subnets of a load balancer, the
 *                   resources on an offending path)
 * @param suppression why the finding is suppressed, or null when it is not
 */
public record Finding(String ruleId, Severity severity, String message, SourceLocation location,
                      Resource resource, List<Related> related, Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
        Objects.requireNonNull(location);
        related = related == null ? List.of() : List.copyOf(related);
    }

    public Finding(String ruleId, Severity severity, String message, SourceLocation location) {
        this(ruleId, severity, message, location, null, List.of(), null);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, severity, message, location, resource, related, s);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location, resource, related, suppression);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** A place that explains a finding, with a short note ("subnet SubnetA, AZ us-east-1a"). */
    public record Related(String message, SourceLocation location, String resourceId) {
    }

    /** Where and why a finding was suppressed ({@code kind}: inline, checkov, cfn-nag, baseline, ...). */
    public record Suppression(String kind, String justification, SourceLocation location) {
    }
}
