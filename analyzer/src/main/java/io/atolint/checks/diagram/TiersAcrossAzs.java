package io.atolint.checks.diagram;

import io.atolint.model.Az;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AD-4: a diagram shows the system highly available: every tier it draws (load balancing, compute,
 * databases and caches, NAT) sits in at least two Availability Zones, counted over all the tier's
 * icons in the same VPC. A tier provably in one AZ is a finding; one whose AZs cannot be told apart
 * (icons in a VPC but in no AZ box) is a note. SPOF and AZ-failure analysis on the same model is the
 * topology rules' job.
 */
@Rule(id = "DIAG004", title = "Every drawn tier is placed in at least two Availability Zones",
        severity = Severity.HIGH, tags = {"diagram", "availability"})
public final class TiersAcrossAzs implements Check {
    enum Tier {
        LOAD_BALANCING("load balancing", EnumSet.of(Kind.LOAD_BALANCER)),
        COMPUTE("compute", EnumSet.of(Kind.EC2_INSTANCE, Kind.AUTOSCALING_GROUP, Kind.ECS_SERVICE, Kind.EKS_CLUSTER,
                Kind.EKS_NODE_GROUP, Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.EMR_CLUSTER)),
        DATA("database", EnumSet.of(Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.DOCDB_CLUSTER, Kind.DOCDB_INSTANCE,
                Kind.NEPTUNE_CLUSTER, Kind.NEPTUNE_INSTANCE, Kind.REDSHIFT_CLUSTER, Kind.OPENSEARCH_DOMAIN,
                Kind.MSK_CLUSTER, Kind.ELASTICACHE_CLUSTER, Kind.ELASTICACHE_REPLICATION_GROUP)),
        NAT("NAT", EnumSet.of(Kind.NAT_GATEWAY));

        final String title;
        final Set<Kind> kinds;

        Tier(String title, Set<Kind> kinds) {
            this.title = title;
            this.kinds = kinds;
        }

        static Tier of(Kind k) {
            for (Tier t : values()) {
                if (t.kinds.contains(k)) {
                    return t;
                }
            }
            return null;
        }
    }

    @Override
    public void check(RuleContext ctx) {
        // Only drawn tiers are in scope: a page with none says nothing about AD-4 either way.
        Map<Resource, ReplicaSet> copies = new java.util.IdentityHashMap<>();
        for (ModelTopology topo : ctx.facts().topology().models()) {
            for (ReplicaSet set : topo.sets()) {
                set.vertices().forEach(v -> copies.put(v, set));
            }
        }
        for (List<Model> pages : DiagramFiles.byFile(ctx.graph()).values()) {
            for (Model page : pages) {
                Map<String, List<Resource>> tiers = new LinkedHashMap<>();
                Map<String, Tier> tierOf = new LinkedHashMap<>();
                for (Resource r : page.resources()) {
                    Tier t = Tier.of(r.kind());
                    if (t == null || r.placement().scope() == Placement.Scope.OUTSIDE_AWS
                            || copyOfAStoreInAnotherVpc(ctx, r, copies)) {
                        continue;
                    }
                    String key = t.name() + "|" + vpcOf(ctx, r);
                    tiers.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                    tierOf.put(key, t);
                }
                for (Map.Entry<String, List<Resource>> e : tiers.entrySet()) {
                    e.getValue().forEach(ctx::examined);
                    checkTier(ctx, page, tierOf.get(e.getKey()), e.getValue());
                }
            }
        }
    }

    /**
     * A replica drawn in another VPC or region than the store it copies (a cross-region read replica, a
     * disaster-recovery standby), one set with it: that store's tier is judged where the store is, and the copy
     * is no tier of its own.
     */
    private static boolean copyOfAStoreInAnotherVpc(RuleContext ctx, Resource r, Map<Resource, ReplicaSet> copies) {
        ReplicaSet set = copies.get(r);
        if (set == null || set.vertices().size() < 2 || set.role().orElse(null) != Role.DATA) {
            return false;
        }
        // the store copied is the set's first member; the copy stands alone in its own VPC
        String vpc = vpcOf(ctx, r);
        return !vpcOf(ctx, set.vertices().get(0)).equals(vpc)
                && set.vertices().stream().noneMatch(o -> o != r && vpcOf(ctx, o).equals(vpc));
    }

    /** The VPC a drawn resource is in (one tier per VPC), as the facts define VPC membership. */
    private static String vpcOf(RuleContext ctx, Resource r) {
        Resource vpc = ctx.facts().vpcs().of(r).vpc();
        return vpc == null ? "" : vpc.name();
    }

    private void checkTier(RuleContext ctx, Model page, Tier tier, List<Resource> members) {
        List<Az> azs = new ArrayList<>();
        List<Resource> unknown = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        for (Resource r : members) {
            Placement p = r.placement();
            if (p.scope() == Placement.Scope.ZONAL || p.scope() == Placement.Scope.ONE_OF) {
                azs.addAll(p.azs());
                related.add(new Finding.Related(DiagramFiles.label(r) + ": " + p.display(), r.location(), r.id()));
            } else if (p.scope() == Placement.Scope.UNKNOWN) {
                unknown.add(r);
            }
        }
        Resource first = members.get(0);
        String what = "The " + tier.title + " tier (" + names(members) + ")";
        if (azs.isEmpty()) {
            if (!unknown.isEmpty()) {
                ctx.note(first, first.location(), what + ": cannot tell its Availability Zones: "
                        + unknown.get(0).placement().reason(), related);
            }
            return;
        }
        Placement.AzCount count = Placement.AzCount.of(azs);
        if (count.provablySingle() && unknown.isEmpty() && tier == Tier.LOAD_BALANCING) {
            ctx.report(Severity.LOW, first, first.location(), what + " is drawn in one Availability Zone only ("
                    + distinct(azs) + "); a load balancer runs in the AZs of its subnets, so this is the drawing's "
                    + "shorthand or a real gap: drawing it across the AZs it serves would settle it", related);
        } else if (count.provablySingle() && unknown.isEmpty()) {
            ctx.report(first, first.location(), what + " is drawn in one Availability Zone only ("
                    + distinct(azs) + "): the diagram does not show it surviving the loss of that AZ", related);
        } else if (!count.provablyMulti()) {
            ctx.note(first, first.location(), what + ": cannot prove it is drawn in two distinct Availability Zones ("
                    + distinct(azs) + (unknown.isEmpty() ? "" : "; " + unknown.size() + " icon(s) in no AZ") + ")", related);
        }
    }

    private static String names(List<Resource> rs) {
        List<String> out = new ArrayList<>();
        for (Resource r : rs) {
            out.add(DiagramFiles.label(r));
            if (out.size() == 4 && rs.size() > 4) {
                out.add("and " + (rs.size() - 4) + " more");
                break;
            }
        }
        return String.join(", ", out);
    }

    private static String distinct(List<Az> azs) {
        Set<String> s = new LinkedHashSet<>();
        for (Az a : azs) {
            s.add(a.how().isEmpty() ? a.value() : a.how());
        }
        return String.join("; ", s);
    }
}
