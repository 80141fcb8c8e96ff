package io.atolint.checks.diagram;

import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import io.atolint.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            for (Model page : pages) {
                retired(ctx, page);
            }
            for (Resource r : DiagramFiles.resources(pages)) {
                if (!DiagramFiles.isElement(r) || r.kind().isOutsideAws()) {
                    continue;
                }
                String drawnAs = r.meta("drawnAs").orElse("");
                String set = r.meta("iconSet").orElse("");
                String shape = r.meta("shape").orElse("");
                boolean awsStencil = shape.startsWith("mxgraph.aws");
                boolean picture = shape.equals("image") || shape.matches("(?i).*\\.(svg|png|jpe?g|gif)$");
                if (drawnAs.equals("label") && !awsStencil && !picture) {
                    ctx.report(r, r.location(), DiagramFiles.label(r) + " is drawn as a plain shape ("
                            + r.meta("shape").orElse("shape") + "), not with the AWS icon for "
                            + r.meta("service").orElse(r.kind().name()), List.of());
                    continue;
                }
                String iconService = r.meta("service").orElse("");
                String labelService = r.meta("labelService").orElse("");
                // "DynamoDB Table" under the Table icon names the icon's own resource by its service
                boolean namesTheIcon = DiagramFiles.label(r).toLowerCase(Locale.ROOT)
                        .contains(iconService.toLowerCase(Locale.ROOT).replaceAll("\\b(aws|amazon)\\b", "").trim());
                if (!iconService.isEmpty() && !labelService.isEmpty() && !same(iconService, labelService) && !namesTheIcon) {
                    ctx.report(Severity.LOW, r, r.location(), DiagramFiles.label(r) + " is labelled as "
                            + labelService + " but drawn with the " + iconService + " icon (" + r.rawType() + ")", List.of());
                }
            }
        }
    }

    /**
     * Retired palettes are a matter of the whole drawing: one finding per page, at its first such icon,
     * naming them all, rather than one per icon.
     */
    private static void retired(RuleContext ctx, Model page) {
        Map<String, List<Resource>> bySet = new TreeMap<>();
        for (Resource r : page.resources()) {
            String set = r.meta("iconSet").orElse("");
            if (DiagramFiles.isElement(r) && !r.kind().isOutsideAws() && RETIRED.contains(set)
                    && !r.meta("drawnAs").orElse("").equals("label")) {
                bySet.computeIfAbsent(set, k -> new ArrayList<>()).add(r);
            }
        }
        if (bySet.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        Resource first = null;
        int n = 0;
        for (Map.Entry<String, List<Resource>> e : bySet.entrySet()) {
            List<String> names = new ArrayList<>();
            for (Resource r : e.getValue()) {
                first = first == null ? r : first;
                n++;
                if (names.size() < 5) {
                    names.add(DiagramFiles.label(r));
                }
                related.add(new Finding.Related(DiagramFiles.label(r) + ": " + r.rawType(), r.location(), r.id()));
            }
            parts.add(e.getKey() + ": " + String.join(", ", names) + (e.getValue().size() > 5 ? " and "
                    + (e.getValue().size() - 5) + " more" : ""));
        }
        ctx.report(Severity.LOW, first, first.location(), n + (n == 1 ? " icon uses" : " icons use")
                + " a retired AWS palette (" + String.join("; ", parts) + "); current AWS icons are the mxgraph.aws4 set",
                related);
    }

    /** "AWS Cloud" and "Cloud", "Amazon RDS" and "RDS" name one service. */
    private static boolean same(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replaceAll("\\b(aws|amazon)\\b", "").trim();
        String y = b.toLowerCase(Locale.ROOT).replaceAll("\\b(aws|amazon)\\b", "").trim();
        return x.equals(y);
    }
}
