package io.atolint.checks.spof;

import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Role;
import io.atolint.topology.Spof;

import java.util.Set;

/**
 * A multi-AZ tier that sends its requests to a single-AZ data store is as available as that store:
 * the loss of the store's AZ takes the whole path down.
 */
@Rule(id = "SPOF004", title = "No multi-AZ tier depends on a single-AZ data store", severity = Severity.HIGH,
        tags = {"availability", "spof", "topology", "data"})
public final class SingleAzDependency implements Check {
    @Override
    public void check(RuleContext ctx) {
        SpofFindings.report(ctx, Set.of(Spof.Category.SINGLE_AZ_DEPENDENCY), topo -> SpofFindings.setsOf(topo, Role.DATA));
    }
}
