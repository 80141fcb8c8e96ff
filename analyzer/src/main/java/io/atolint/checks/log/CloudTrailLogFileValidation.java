package io.atolint.checks.log;

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
 * Log file integrity validation lets an auditor prove that delivered log files were not modified or
 * deleted. Off by default in both CloudFormation and Terraform.
 */
@Rule(id = "LOG004", title = "CloudTrail log file validation is enabled", severity = Severity.LOW,
        tags = {"logging", "cloudtrail"})
public final class CloudTrailLogFileValidation implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource trail : ctx.inScope(Kind.CLOUDTRAIL_TRAIL)) {
            Setting v = Setting.of(trail, "EnableLogFileValidation");
            Tri on = v.boolOrDefault();
            if (on.isFalse()) {
                ctx.report(trail, v.at(), Names.of(trail) + " does not validate its log files: " + v.name() + " is "
                        + v.shownWithDefault(), List.of());
            } else if (!on.isKnown()) {
                ctx.note(trail, v.at(), Names.of(trail) + ": cannot prove log file validation is on: "
                        + v.name() + " is " + v.shown(), List.of());
            }
        }
    }
}
