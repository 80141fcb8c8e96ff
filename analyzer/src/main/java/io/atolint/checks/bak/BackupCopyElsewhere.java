package io.atolint.checks.bak;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Disaster recovery to another account (TV-3.4) needs the backups there: an AWS Backup plan rule with a
 * copy action to a vault in another account or Region. A copy to a vault defined next to the plan, or
 * to an ARN built from this account and Region, stays in the same place: a low finding. A plan without
 * any copy action is a note: the recovery strategy may use other means, which the files do not show.
 */
@Rule(id = "BAK004", title = "Backup plans copy to another account or Region", severity = Severity.LOW,
        tags = {"backup", "disaster-recovery"})
public final class BackupCopyElsewhere implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource plan : ctx.inScope(Kind.BACKUP_PLAN)) {
            List<Value> copies = copyDestinations(plan);
            if (copies.isEmpty()) {
                ctx.note(plan, plan.location(), Names.of(plan) + " copies no backup to another account or Region: "
                        + "recovery to another account needs other evidence", List.of());
                continue;
            }
            boolean elsewhere = false;
            List<Value> local = new ArrayList<>();
            for (Value dest : copies) {
                List<Resource> vaults = Refs.targets(ctx.graph(), dest, Kind.BACKUP_VAULT);
                boolean sameAccountAndRegion = !vaults.isEmpty() || (dest instanceof Value.Unknown u && u.raw() != null
                        && mentionsBoth(u.raw()));
                if (sameAccountAndRegion) {
                    local.add(dest);
                } else if (dest.asString().isPresent() || dest instanceof Value.Unknown) {
                    elsewhere = true;
                }
            }
            if (!elsewhere && !local.isEmpty()) {
                Value d = local.get(0);
                Optional<Resource> vault = Refs.targets(ctx.graph(), d, Kind.BACKUP_VAULT).stream().findFirst();
                ctx.report(plan, d.location(), Names.of(plan) + " copies backups only to "
                        + vault.map(Names::of).orElse("a vault of this account and Region") + ", in the same account and Region: "
                        + "that is not a copy for disaster recovery", List.of());
            }
        }
    }

    private static boolean mentionsBoth(String raw) {
        boolean account = raw.contains("AWS::AccountId") || raw.contains("aws_caller_identity");
        boolean region = raw.contains("AWS::Region") || raw.contains("aws_region");
        return account && region;
    }

    /** CloudFormation {@code BackupPlan.BackupPlanRule[].CopyActions[]}, Terraform {@code rule[].copy_action[]}. */
    private static List<Value> copyDestinations(Resource plan) {
        List<Value> out = new ArrayList<>();
        for (Value rule : Setting.of(plan, "Rules").blocks()) {
            for (Value c : Setting.in(plan, "@BackupRule", rule, "CopyActions").blocks()) {
                Setting destination = Setting.in(plan, "@CopyAction", c, "DestinationVaultArn");
                if (destination.present()) {
                    out.add(destination.value());
                }
            }
        }
        return out;
    }
}
