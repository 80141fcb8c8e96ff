package io.atolint.checks.kms;

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
import java.util.Locale;

/**
 * Symmetric encryption keys that KMS generates rotate their key material automatically only when
 * asked ({@code EnableKeyRotation} / {@code enable_key_rotation}, off by default). Asymmetric and HMAC
 * keys, and keys with imported material, cannot rotate automatically and are not judged.
 */
@Rule(id = "KMS001", title = "Symmetric KMS keys rotate automatically", severity = Severity.MEDIUM, tags = {"kms", "encryption"})
public final class KeyRotation implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource key : ctx.graph().resources(Kind.KMS_KEY)) {
            Setting specSetting = Setting.of(key, "KeySpec");
            Setting usageSetting = Setting.of(key, "KeyUsage");
            Setting originSetting = Setting.of(key, "Origin");
            Setting undecided = null;
            for (Setting s : List.of(specSetting, usageSetting, originSetting)) {
                if (!s.omitted() && s.string().isEmpty()) {
                    undecided = s;
                    break;
                }
            }
            if (undecided != null) {
                // Unresolved: it may be an asymmetric, HMAC or imported key, which cannot rotate automatically.
                ctx.examined(key);
                ctx.note(key, undecided.at(), Names.of(key) + ": cannot tell whether it must rotate automatically: "
                        + undecided.name() + " is " + undecided.shown(), List.of());
                continue;
            }
            String spec = specSetting.stringOrDefault().orElse("").toUpperCase(Locale.ROOT);
            String usage = usageSetting.stringOrDefault().orElse("").toUpperCase(Locale.ROOT);
            String origin = originSetting.stringOrDefault().orElse("").toUpperCase(Locale.ROOT);
            if (!spec.equals("SYMMETRIC_DEFAULT") || !usage.equals("ENCRYPT_DECRYPT") || !origin.equals("AWS_KMS")) {
                continue;
            }
            ctx.examined(key);
            Setting rotation = Setting.of(key, "EnableKeyRotation");
            Tri on = rotation.boolOrDefault();
            if (on == Tri.FALSE) {
                ctx.report(key, rotation.at(), Names.of(key) + " does not rotate its key material: " + rotation.name() + " is "
                        + rotation.shownWithDefault(), List.of());
            } else if (on == Tri.UNKNOWN) {
                ctx.note(key, rotation.at(), Names.of(key) + ": cannot prove it rotates: " + rotation.name() + " is "
                        + rotation.shown(), List.of());
            }
        }
    }
}
