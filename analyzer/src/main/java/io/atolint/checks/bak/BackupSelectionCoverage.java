package io.atolint.checks.bak;

import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * When the files define AWS Backup selections, every stateful resource (databases, tables, file
 * systems, volumes) should be in one: a resource left out is a low finding naming the selections. When
 * no selection is defined, EFS file systems without their backup policy and EBS volumes have no
 * backup the files can show: a note (a plan may live in another stack or an organization policy).
 * Databases keep their automated backups (BAK001) and tables their PITR (BAK002).
 */
@Rule(id = "BAK003", title = "AWS Backup selections cover the stateful resources", severity = Severity.LOW,
        tags = {"backup", "reliability"})
public final class BackupSelectionCoverage implements Check {

    @Override
    public void check(RuleContext ctx) {
        List<Resource> selections = Backups.selections(ctx.graph());
        for (Resource r : Backups.stateful(ctx.graph())) {
            if (selections.isEmpty()) {
                withoutSelections(ctx, r);
                continue;
            }
            ctx.examined(r);
            Tri covered = Tri.FALSE;
            for (Resource sel : selections) {
                covered = covered.or(Backups.covers(ctx.graph(), sel, r));
            }
            String names = String.join(", ", selections.stream().map(Names::of).toList());
            if (covered == Tri.FALSE && r.attributes().unknownRest() != null) {
                // A drawn store states neither its ARN nor its tags: a selection may well cover it.
                ctx.note(r, r.location(), Names.of(r) + ": cannot tell whether " + names + " cover it (its tags and "
                        + "identity are not stated)", List.of());
            } else if (covered == Tri.FALSE) {
                ctx.report(r, Names.of(r) + " is not covered by any AWS Backup selection (" + names + ")");
            } else if (covered == Tri.UNKNOWN) {
                ctx.note(r, r.location(), Names.of(r) + ": cannot tell whether " + names + " cover it (unresolved resources or tags)", List.of());
            }
        }
    }

    private static void withoutSelections(RuleContext ctx, Resource r) {
        if (r.kind() == Kind.EFS_FILE_SYSTEM) {
            Setting policy = Setting.of(r, "BackupPolicyStatus");
            boolean efsPolicy = policy.string().filter("ENABLED"::equalsIgnoreCase).isPresent()
                    || ctx.graph().resources().stream().anyMatch(b -> b.rawType().equals("aws_efs_backup_policy")
                    && io.atolint.checks.support.Refs.targetIds(b.attributes()).contains(r.id()));
            ctx.examined(r);
            if (!efsPolicy) {
                // Terraform sets the policy in a resource of its own; CloudFormation in the file system's BackupPolicy
                String policyWhere = r.format() == Format.TERRAFORM || r.format() == Format.TERRAFORM_PLAN
                        ? "no aws_efs_backup_policy with status ENABLED" : "BackupPolicy not ENABLED";
                ctx.note(r, r.location(), Names.of(r) + ": no backup is defined for it in the scanned files "
                        + "(no AWS Backup selection, " + policyWhere + ")", List.of());
            }
        } else if (r.kind() == Kind.EBS_VOLUME) {
            ctx.examined(r);
            ctx.note(r, r.location(), Names.of(r) + ": no backup is defined for it in the scanned files "
                    + "(no AWS Backup selection or snapshot policy)", List.of());
        }
    }
}
