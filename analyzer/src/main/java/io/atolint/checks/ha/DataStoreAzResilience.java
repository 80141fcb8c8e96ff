package io.atolint.checks.ha;

import io.atolint.model.Finding;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Evidence;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;
import io.atolint.topology.Spof;

import java.util.ArrayList;
import java.util.List;

/**
 * A data store must survive the loss of an AZ: RDS Multi-AZ, an Aurora/DocumentDB/Neptune cluster with
 * instances in two AZs, ElastiCache with Multi-AZ automatic failover and two nodes, EFS mount targets
 * in two AZs, OpenSearch zone awareness, MSK brokers over two AZs, FSx Multi-AZ, Redshift Multi-AZ.
 * Decided on the placement {@code PlacementResolver} computes. A single-AZ store that a multi-AZ tier
 * depends on is reported once, by SPOF004.
 */
@Rule(id = "HA003", title = "Data store survives the loss of an Availability Zone", severity = Severity.HIGH,
        tags = {"availability", "topology", "data"})
public final class DataStoreAzResilience implements Check {
    @Override
    public void check(RuleContext ctx) {
        for (ModelTopology topo : ctx.facts().topology().models()) {
            for (ReplicaSet s : topo.sets()) {
                if (s.role().orElse(null) == Role.DATA && !dependencyReported(topo, s)) {
                    checkOne(ctx, topo, s);
                }
            }
        }
    }

    private static boolean dependencyReported(ModelTopology topo, ReplicaSet s) {
        return topo.spofs().stream().anyMatch(x -> x.set() == s && x.category() == Spof.Category.SINGLE_AZ_DEPENDENCY);
    }

    private void checkOne(RuleContext ctx, ModelTopology topo, ReplicaSet s) {
        s.vertices().forEach(ctx::examined);
        Tri multi = s.multiAz();
        if (multi.isTrue()) {
            return;
        }
        Resource r = s.primary();
        List<Finding.Related> related = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Resource replica : s.replicas()) {
            Placement p = replica.placement();
            if (!p.reason().isEmpty() && !reasons.contains(p.reason())) {
                reasons.add(p.reason());
            }
            for (Resource m : topo.traffic().members(replica)) {
                related.add(new Finding.Related("member " + Names.of(m) + " (" + m.placement().display() + ")",
                        m.location(), m.id()));
            }
        }
        related.addAll(Evidence.path(topo, s, r));
        SourceLocation at = Evidence.dataSetting(r);
        String what = topo.context(s) + ": " + s.describe();
        String why = reasons.isEmpty() ? "" : ": " + String.join("; ", reasons);
        if (multi.isFalse()) {
            ctx.report(r, at, what + " runs in one AZ (" + s.where() + ")" + why
                    + "; it does not survive the loss of that AZ", related);
        } else {
            ctx.note(r, at, what + ": cannot prove it survives the loss of an AZ (" + s.where() + ")", related);
        }
    }
}
