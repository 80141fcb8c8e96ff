package io.atolint.reconcile;

import io.atolint.model.Resource;

import java.util.List;

/**
 * A diagram element and the IaC resource or resources it stands for: one resource, every instance of a
 * counted block, an Auto Scaling group for the EC2 icons drawn in it, a database for its drawn standby.
 * {@code score} (0..1) says how sure the match is; {@code reasons} say why (kind, label against a name,
 * containment, AZ).
 */
public record Match(Resource element, List<Resource> iac, double score, List<String> reasons) {
    public Match {
        iac = List.copyOf(iac);
        reasons = List.copyOf(reasons);
    }
}
