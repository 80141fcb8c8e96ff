package io.atolint.checks.iam;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.rule.Check;
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

    /** The character classes a strong policy requires, and how a message calls them. */
    private static final String[][] CLASSES = {{"RequireLowercaseCharacters", "lowercase characters"},
        {"RequireUppercaseCharacters", "uppercase characters"}, {"RequireNumbers", "numbers"}, {"RequireSymbols", "symbols"}};

    @Override
    public void check(RuleContext ctx) {
        for (Resource p : ctx.inScope(Kind.IAM_PASSWORD_POLICY)) {
            String name = Names.of(p);
            Setting length = Setting.of(p, "MinimumPasswordLength");
            atLeast(ctx, p, length, MIN_LENGTH, name + " requires passwords of only %s characters (at least 14 wanted)",
                    name + " does not set " + length.name() + " (default " + length.defaultValue().orElse("?")
                            + "; at least 14 wanted)");
            for (String[] cls : CLASSES) {
                Setting s = Setting.of(p, cls[0]);
                String what = cls[1];
                Tri on = s.boolOrDefault();
                if (on.isFalse()) {
                    ctx.report(p, s.at(), name + " does not require " + what + ": " + s.name() + " is "
                            + s.shownWithDefault(), List.of());
                } else if (!on.isKnown()) {
                    ctx.note(p, s.at(), name + ": cannot prove it requires " + what + ": " + s.name() + " is " + s.shown(), List.of());
                }
            }
            Setting reuse = Setting.of(p, "PasswordReusePrevention");
            atLeast(ctx, p, reuse, 1, name + " does not prevent password reuse: " + reuse.name() + " is %s",
                    name + " does not prevent password reuse: " + reuse.name() + " is omitted");
            Setting age = Setting.of(p, "MaxPasswordAge");
            if (age.unknown()) {
                ctx.note(p, age.at(), name + ": cannot prove passwords expire: " + age.name() + " is " + age.shown(), List.of());
            } else {
                int days = age.numberOrDefault().map(BigDecimal::intValue).orElse(0);
                if (days <= 0) {
                    ctx.report(p, age.at(), name + " never expires passwords: " + age.name() + " is " + age.shown(), List.of());
                } else if (days > MAX_AGE_DAYS) {
                    ctx.report(p, age.at(), name + " expires passwords only after " + days + " days (at most "
                            + MAX_AGE_DAYS + " wanted)", List.of());
                }
            }
        }
    }

    /** Judges a number against {@code min}; omitted, the table's AWS default counts. */
    private static void atLeast(RuleContext ctx, Resource p, Setting s, int min, String message, String omittedMessage) {
        if (s.unknown()) {
            ctx.note(p, s.at(), Names.of(p) + ": cannot judge " + s.name() + ": it is " + s.shown(), List.of());
            return;
        }
        int v = s.numberOrDefault().map(BigDecimal::intValue).orElse(0);
        if (s.omitted()) {
            if (v < min) {
                ctx.report(p, s.at(), omittedMessage, List.of());
            }
            return;
        }
        if (v < min) {
            ctx.report(p, s.at(), String.format(message, s.shown()), List.of());
        }
    }
}
