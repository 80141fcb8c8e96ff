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
 * A trail records the whole account only when it is multi-region and logging. Both formats default
 * to a single-region trail; CloudFormation requires {@code IsLogging}, Terraform's
 * {@code enable_logging} defaults to true.
 */
@Rule(id = "LOG001", title = "CloudTrail trail is multi-region and logging", severity = Severity.MEDIUM,
        tags = {"logging", "cloudtrail"})
public final class CloudTrailMultiRegion implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource trail : ctx.inScope(Kind.CLOUDTRAIL_TRAIL)) {
            String name = Names.of(trail);
            Setting multi = Setting.of(trail, "IsMultiRegionTrail");
            Tri isMulti = multi.boolOrDefault();
            if (isMulti.isFalse()) {
                ctx.report(trail, multi.at(), name + " records only its home Region: " + multi.name() + " is "
                        + multi.shownWithDefault(), List.of());
            } else if (!isMulti.isKnown()) {
                ctx.note(trail, multi.at(), name + ": cannot prove it is multi-region: " + multi.name() + " is "
                        + multi.shown(), List.of());
            }
            Setting logging = Setting.of(trail, "IsLogging");
            Tri on = logging.boolOrDefault();
            if (on.isFalse()) {
                ctx.report(Severity.HIGH, trail, logging.at(), name + " is not logging: " + logging.name() + " is "
                        + logging.shown(), List.of());
            } else if (!on.isKnown()) {
                ctx.note(trail, logging.at(), name + ": cannot prove it is logging: " + logging.name() + " is "
                        + logging.shown(), List.of());
            }
        }
    }
}
