package io.atolint.checks.sg;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every VPC has a default security group that anything launched without a group joins; AWS gives it
 * rules that admit all traffic from its own members and all egress. It should allow nothing, so that a
 * forgotten group fails closed: a rule written into it ({@code aws_default_security_group} blocks, a
 * standalone rule on {@code !GetAtt Vpc.DefaultSecurityGroup} or {@code default_security_group_id})
 * is a finding. A Terraform VPC whose default group is not managed keeps AWS's rules: an informational
 * fact (nothing joins the group unless a resource names no group; declare {@code aws_default_security_group}
 * without rules to empty it). CloudFormation cannot empty the default group, so its VPCs are judged only
 * on rules added to it.
 */
@Rule(id = "SG003", title = "The default security group allows no traffic", severity = Severity.MEDIUM,
        tags = {"network", "security-group"})
public final class DefaultSecurityGroup implements Check {

    @Override
    public void check(RuleContext ctx) {
        List<Resource> managedVpcs = new ArrayList<>();
        for (Resource sg : ctx.graph().resources(Kind.SECURITY_GROUP)) {
            if (!sg.rawType().equals("aws_default_security_group")) {
                continue;
            }
            ctx.examined(sg);
            managedVpcs.addAll(Refs.from(ctx.graph(), sg, Kind.VPC));
            Setting ingress = Setting.of(sg, "Ingress");
            int rules = ingress.items().size() + Setting.of(sg, "Egress").items().size();
            if (rules > 0) {
                ctx.report(sg, ingress.present() ? ingress.at() : Setting.of(sg, "Egress").at(), Names.of(sg) + " is a VPC's default security group and "
                        + "keeps " + rules + (rules == 1 ? " rule" : " rules") + "; remove them and give each workload its own group",
                        List.of());
            }
        }
        List<Resource> standalone = new ArrayList<>(ctx.graph().resources(Kind.SECURITY_GROUP_INGRESS));
        standalone.addAll(ctx.graph().resources(Kind.SECURITY_GROUP_EGRESS));
        for (Resource rule : standalone) {
            Value group = Setting.of(rule, "GroupId").value();
            if (group == null) {
                continue;
            }
            boolean viaVpc = Refs.targets(ctx.graph(), group, Kind.VPC).size() > 0 && refersToDefaultGroup(group);
            boolean viaResource = Refs.targets(ctx.graph(), group, Kind.SECURITY_GROUP).stream()
                    .anyMatch(g -> g.rawType().equals("aws_default_security_group"));
            if (viaVpc || viaResource) {
                ctx.examined(rule);
                ctx.report(rule, Setting.of(rule, "GroupId").at(), Names.of(rule)
                        + " adds a rule to a VPC's default security group; give the workload its own group", List.of());
            }
        }
        for (Resource vpc : ctx.inScope(Kind.VPC)) {
            if (!vpc.rawType().equals("aws_vpc") && !vpc.rawType().equals("aws_default_vpc")
                    || managedVpcs.contains(vpc) || vpc.attributes().unknownRest() != null) {
                continue;
            }
            ctx.inform(vpc, vpc.location(), Names.of(vpc) + " leaves its default security group with AWS's rules (all "
                    + "traffic between its members, all egress), which only a resource naming no group joins; declare "
                    + "aws_default_security_group for it without rules to empty it", List.of());
        }
    }

    /** {@code !GetAtt Vpc.DefaultSecurityGroup}, {@code aws_vpc.x.default_security_group_id}. */
    private static boolean refersToDefaultGroup(Value v) {
        if (v instanceof Value.Ref r) {
            return r.attribute() != null && r.attribute().replace("_", "").toLowerCase(Locale.ROOT).startsWith("defaultsecuritygroup");
        }
        if (v instanceof Value.Unknown u) {
            return u.raw() != null && u.raw().replace("_", "").toLowerCase(Locale.ROOT).contains("defaultsecuritygroup")
                    || u.refs().stream().anyMatch(DefaultSecurityGroup::refersToDefaultGroup);
        }
        if (v instanceof Value.ListV l) {
            return l.items().stream().anyMatch(DefaultSecurityGroup::refersToDefaultGroup);
        }
        return false;
    }
}
