package io.atolint.checks.iam;

import io.atolint.checks.support.Setting;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.rule.Check;
import io.atolint.rule.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * The account password policy ({@code aws_iam_account_password_policy}; CloudFormation has no native
 * resource for it) is strong when it asks for at least 14 characters, every character class, prevents
 * reuse and expires passwords within 90 days. Each weak setting is its own finding, at the setting.
 * Terraform's defaults are weak: length 6, no class required, no reuse prevention, no expiry.
 */
@Rule(id = "IAM001", title = "Account password policy is strong", severity = Severity.MEDIUM,
        tags = {"iam", "password-policy"})
public final class PasswordPolicyStrength implements Check {
    static final int MIN_LENGTH = 14;
    static final int MAX_AGE_DAYS = 90;

    @Override
    public void check(RuleContext ctx) {
        for (Resource p : ctx.inScope(Kind.IAM_PASSWORD_POLICY)) {
            String name = Names.of(p);
            Setting length = Setting.of(p, "minimum_password_length", "MinimumPasswordLength");
            atLeast(ctx, p, length, MIN_LENGTH, 6, name + " requires passwords of only %s characters (at least 14 wanted)",
                    name + " does not set minimum_password_length (default 6; at least 14 wanted)");
            for (String cls : new String[]{"lowercase_characters", "uppercase_characters", "numbers", "symbols"}) {
                Setting s = Setting.of(p, "require_" + cls);
                String what = cls.replace("_characters", " characters");
                Tri on = s.boolOr(false);
                if (on.isFalse()) {
                    ctx.report(p, s.at(), name + " does not require " + what + ": " + s.name() + " is "
                            + (s.omitted() ? "omitted (default false)" : s.shown()), List.of());
                } else if (!on.isKnown()) {
                    ctx.note(p, s.at(), name + ": cannot prove it requires " + what + ": " + s.name() + " is " + s.shown(), List.of());
                }
            }
            Setting reuse = Setting.of(p, "password_reuse_prevention", "PasswordReusePrevention");
            atLeast(ctx, p, reuse, 1, 0, name + " does not prevent password reuse: password_reuse_prevention is %s",
                    name + " does not prevent password reuse: password_reuse_prevention is omitted");
            Setting age = Setting.of(p, "max_password_age", "MaxPasswordAge");
            if (age.unknown()) {
                ctx.note(p, age.at(), name + ": cannot prove passwords expire: " + age.name() + " is " + age.shown(), List.of());
            } else {
                int days = age.number().map(BigDecimal::intValue).orElse(0);
                if (days <= 0) {
                    ctx.report(p, age.at(), name + " never expires passwords: " + age.name() + " is "
                            + (age.omitted() ? "omitted" : age.shown()), List.of());
                } else if (days > MAX_AGE_DAYS) {
                    ctx.report(p, age.at(), name + " expires passwords only after " + days + " days (at most "
                            + MAX_AGE_DAYS + " wanted)", List.of());
                }
            }
        }
    }

    private static void atLeast(RuleContext ctx, Resource p, Setting s, int min, int whenOmitted, String message,
                                String omittedMessage) {
        if (s.unknown()) {
            ctx.note(p, s.at(), Names.of(p) + ": cannot judge " + s.name() + ": it is " + s.shown(), List.of());
            return;
        }
        if (s.omitted()) {
            if (whenOmitted < min) {
                ctx.report(p, s.at(), omittedMessage, List.of());
            }
            return;
        }
        int v = s.number().map(BigDecimal::intValue).orElse(whenOmitted);
        if (v < min) {
            ctx.report(p, s.at(), String.format(message, s.shown()), List.of());
        }
    }
}
