package io.atolint.checks.s3;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * TV-1.22 wants a mechanism that notices a bucket becoming public. The files can show AWS Config rules
 * ({@code S3_BUCKET_PUBLIC_READ_PROHIBITED}, {@code ..._WRITE_PROHIBITED}, {@code S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED},
 * account-level public access checks), IAM Access Analyzer, Macie or Security Hub. One defined but
 * switched off (Macie {@code PAUSED}) is a low finding. None defined while buckets are in scope is a
 * note per unit: Trusted Advisor, which the checklist names, and organization-wide setups live
 * outside these files.
 */
@Rule(id = "S3004", title = "A mechanism detects public S3 buckets", severity = Severity.LOW, tags = {"s3", "monitoring"})
public final class PublicBucketDetection implements Check {
    private static final Set<String> CONFIG_RULES = Set.of("S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
            "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS",
            "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC");

    @Override
    public void check(RuleContext ctx) {
        List<Resource> buckets = ctx.inScope(Kind.S3_BUCKET);
        if (buckets.isEmpty()) {
            return;
        }
        List<Resource> mechanisms = new ArrayList<>();
        for (Resource r : ctx.graph().resources(Kind.CONFIG_RULE)) {
            Optional<String> id = Setting.of(r, "SourceIdentifier").string();
            if (id.isPresent() && CONFIG_RULES.contains(id.get().toUpperCase(Locale.ROOT))) {
                mechanisms.add(r);
            }
        }
        mechanisms.addAll(ctx.graph().resources(Kind.ACCESS_ANALYZER));
        mechanisms.addAll(ctx.graph().resources(Kind.SECURITY_HUB));
        boolean active = false;
        for (Resource m : mechanisms) {
            ctx.examined(m);
            active = true;
        }
        for (Resource macie : ctx.graph().resources(Kind.MACIE)) {
            ctx.examined(macie);
            Setting status = Setting.of(macie, "Status");
            if (status.string().filter("PAUSED"::equalsIgnoreCase).isPresent()) {
                ctx.report(macie, status.at(), Names.of(macie) + " is defined but paused: it does not watch the buckets", List.of());
            } else {
                active = true;
            }
        }
        if (active) {
            return;
        }
        for (Model m : ctx.graph().models()) {
            List<Resource> here = m.resources(Kind.S3_BUCKET);
            if (!here.isEmpty() && ctx.graph().resources(Kind.MACIE).isEmpty()) {
                ctx.note(here.get(0), here.get(0).location(), "No mechanism to detect public buckets (AWS Config S3 public "
                        + "access rules, IAM Access Analyzer, Macie, Security Hub) is defined in the scanned files for the "
                        + here.size() + (here.size() == 1 ? " bucket" : " buckets") + " of " + m.unit()
                        + "; Trusted Advisor or an organization-wide setup may provide it", List.of());
            }
        }
    }
}
