package io.atolint.checks.diagram;

import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AD-2: every AWS service is drawn with its AWS icon. A plain shape that only its label makes a
 * service ("EC2" in a rectangle) is a finding; an icon of a retired palette (aws2, aws3, the oldest
 * stencils, aws3d) and a label that names another service than its icon (a CloudWatch icon labelled
 * "AWS Single Sign-On") are lower-severity findings.
 */
@Rule(id = "DIAG002", title = "AWS services are drawn with their current AWS icons",
        severity = Severity.MEDIUM, tags = {"diagram", "icons"})
public final class ServiceIcons implements Check {
    private static final Set<String> RETIRED = Set.of("aws2", "aws3", "aws", "aws3d");

    @Override
    public void check(RuleContext ctx) {
        for (List<Model> pages : DiagramFiles.examinedByFile(ctx).values()) {
            for (Resource r : DiagramFiles.resources(pages)) {
                if (!DiagramFiles.isElement(r) || r.kind().isOutsideAws()) {
                    continue;
                }
                String drawnAs = r.meta("drawnAs").orElse("");
                String set = r.meta("iconSet").orElse("");
                if (drawnAs.equals("label")) {
                    ctx.report(r, r.location(), DiagramFiles.label(r) + " is drawn as a plain shape ("
                            + r.meta("shape").orElse("shape") + "), not with the AWS icon for "
                            + r.meta("service").orElse(r.kind().name()), List.of());
                    continue;
                }
                if (RETIRED.contains(set)) {
                    ctx.report(Severity.LOW, r, r.location(), DiagramFiles.label(r) + " uses an icon of the retired "
                            + set + " palette (" + r.rawType() + "); current AWS icons are the mxgraph.aws4 set", List.of());
                }
                String iconService = r.meta("service").orElse("");
                String labelService = r.meta("labelService").orElse("");
                if (!iconService.isEmpty() && !labelService.isEmpty() && !same(iconService, labelService)) {
                    ctx.report(Severity.LOW, r, r.location(), DiagramFiles.label(r) + " is labelled as "
                            + labelService + " but drawn with the " + iconService + " icon (" + r.rawType() + ")", List.of());
                }
            }
        }
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
