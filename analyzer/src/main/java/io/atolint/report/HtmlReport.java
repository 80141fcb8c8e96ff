package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.Checklist;
import io.atolint.checklist.ItemAssessment;
import io.atolint.checklist.Verdict;
import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Severity;
import io.atolint.report.html.ArchitectureLayout;
import io.atolint.report.html.ArchitectureSvg;
import io.atolint.report.html.ArchitectureView;
import io.atolint.topology.AzSimulation;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Outcome;
import io.atolint.topology.Tier;
import io.atolint.topology.TrafficPath;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML file (inline CSS and SVG; no script, font, image or link to anything outside
 * it) for an auditor or a partner: the architecture as atolint understood it, the checklist with its
 * verdicts, the AZ-failure simulation, the findings grouped by checklist item and resource, and the
 * suppressed findings with their reasons. Deterministic: no timestamp, no absolute path.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(Analysis a, ReportSettings settings, OutputStream out) throws IOException {
        out.write(render(a, settings).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(Analysis a, ReportSettings settings) {
        Assessment assessment = a.checklist();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>atolint report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(a, assessment, b);
        architecture(a, b);
        ReconciliationReport.html(a, b);
        checklist(assessment, b);
        simulation(a, b);
        findings(a, assessment, b);
        suppressed(a, b);
        b.append("<footer>atolint ").append(e(Version.get()))
                .append(" · ATO on AWS Partner Validation Checklist self-assessment. Verdicts come from the files scanned; ")
                .append("items that need evidence list what an auditor expects.</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void header(Analysis a, Assessment assessment, StringBuilder b) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int suppressed = 0;
        for (Finding f : a.findings()) {
            if (f.isSuppressed()) {
                suppressed++;
            } else {
                counts.merge(f.severity(), 1, Integer::sum);
            }
        }
        b.append("<header>\n<h1>atolint report</h1>\n<p class=\"scope\">").append(e(TextReport.scope(a)))
                .append(a.options().regionOpt().map(r -> " · region " + r).orElse(" · no region given"))
                .append(assessment.category() == null ? " · no solution category chosen (every item applies)"
                        : " · " + e(assessment.category().label()) + " solution").append("</p>\n<ul class=\"counts\">");
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            b.append("<li class=\"sev-").append(s.label()).append("\"><b>").append(counts.getOrDefault(s, 0)).append("</b> ")
                    .append(s == Severity.INFO ? "notes" : s.label()).append("</li>");
        }
        b.append("<li class=\"suppressed\"><b>").append(suppressed).append("</b> suppressed</li></ul>\n");
        Map<Verdict, Integer> v = assessment.counts();
        b.append("<ul class=\"counts verdicts\">");
        for (Verdict verdict : Verdict.values()) {
            b.append("<li class=\"v-").append(verdict.id()).append("\"><b>").append(v.get(verdict)).append("</b> ")
                    .append(e(verdict.label())).append("</li>");
        }
        b.append("</ul>\n<nav><a href=\"#architecture\">Architecture</a> · ")
                .append(a.reconciliations().isEmpty() ? "" : "<a href=\"#reconciliation\">Diagram vs IaC</a> · ")
                .append("<a href=\"#checklist\">Checklist</a> · ")
                .append("<a href=\"#simulation\">AZ-failure simulation</a> · ")
                .append("<a href=\"#findings\">Findings</a> · <a href=\"#suppressed\">Suppressed</a></nav>\n</header>\n");
    }

    /** One picture per model: resources of different templates, stacks or pages are never related. */
    private static void architecture(Analysis a, StringBuilder b) {
        b.append("<section id=\"architecture\">\n<h2>Architecture</h2>\n");
        b.append("<p class=\"legend\"><span class=\"lg-traffic\">traffic</span> <span class=\"lg-uses\">uses</span> ")
                .append("<span class=\"lg-ingress\">from the internet</span> <span class=\"lg-outside\">outside AWS / attached</span> ")
                .append("<span class=\"lg-failing\">failing</span> <span class=\"lg-spof\">single point of failure</span> ")
                .append("<span class=\"lg-note\">cannot be proven</span> <span class=\"lg-unknown\">placement UNKNOWN</span></p>\n");
        b.append("<p class=\"hint\">Resources are drawn where atolint resolved them to run (a resource spanning several subnets")
                .append(" sits in the box that holds them all). A picture fits the page; \"Full size\" shows it at its own size")
                .append(" (scroll to move around). The table under each picture gives every drawn resource with its details")
                .append(" and findings (hovering a resource shows them too).</p>\n");
        int pictures = 0;
        List<Model> models = a.graph().models();
        for (Model m : models) {
            ArchitectureView view = ArchitectureView.of(a, m);
            if (view.drawnCount() == 0) {
                continue;
            }
            pictures++;
            if (models.size() > 1) {
                b.append("<h3>").append(e(m.unit())).append(" <span class=\"section\">").append(e(m.format().title()))
                        .append("</span></h3>\n");
            }
            String zoom = "zoom-" + pictures;
            b.append("<input type=\"checkbox\" class=\"zoom\" id=\"").append(zoom).append("\"><label class=\"zoom\" for=\"")
                    .append(zoom).append("\">Full size</label>\n");
            b.append("<div class=\"diagram\">\n").append(ArchitectureSvg.render(ArchitectureLayout.layout(view))).append("</div>\n");
            b.append("<p class=\"hint\">").append(view.drawnCount()).append(view.drawnCount() == 1 ? " resource" : " resources")
                    .append(" drawn");
            if (!view.notDrawn().isEmpty()) {
                List<String> parts = new ArrayList<>();
                view.notDrawn().forEach((k, n) -> parts.add(n + " " + k));
                b.append("; not drawn (supporting resources): ").append(e(String.join(", ", parts)));
            }
            b.append(".</p>\n");
            drawnResources(view, b);
        }
        if (pictures == 0) {
            b.append("<p>No resource to draw.</p>\n");
        }
        b.append("</section>\n");
    }

    /**
     * What hovering a resource of the picture shows, in the page (so that a printed report keeps it): every
     * drawn resource with its whole name, type, placement, source and findings, the marked ones first.
     */
    private static void drawnResources(ArchitectureView view, StringBuilder b) {
        List<ArchitectureView.Node> nodes = new ArrayList<>();
        for (ArchitectureView.Node n : view.nodes()) {
            if (n.resource() != null) {
                nodes.add(n);
            }
        }
        nodes.sort(java.util.Comparator.comparing((ArchitectureView.Node n) -> -n.mark().ordinal()));
        b.append("<table class=\"drawn\">\n<thead><tr><th>Resource</th><th>Type</th><th>Placement</th><th>Source</th>")
                .append("<th>Findings</th></tr></thead>\n<tbody>\n");
        for (ArchitectureView.Node n : nodes) {
            io.atolint.model.Resource r = n.resource();
            b.append("<tr class=\"mark-").append(n.mark().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                    .append(e(r.displayName())).append("</td><td>").append(e(n.kindLabel()))
                    .append("<div class=\"section\">").append(e(r.rawType())).append("</div></td><td>")
                    .append(e(r.placement().display())).append("</td><td class=\"where\">").append(e(r.location().display()))
                    .append("</td><td>");
            if (!n.spof().isEmpty()) {
                b.append("<div class=\"spof\">single point of failure: ").append(e(n.spof())).append("</div>");
            }
            for (String p : n.problems()) {
                b.append("<div>").append(e(p)).append("</div>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /**
     * The checklist in the order a reader acts on it: Not met, then Needs evidence that a file could give
     * (nothing in scope, UNKNOWN results), then Needs evidence no file gives (manual), then Met, then Not
     * applicable; checklist order within each.
     */
    private static void checklist(Assessment assessment, StringBuilder b) {
        b.append("<section id=\"checklist\">\n<h2>Checklist</h2>\n<table class=\"checklist\">\n<thead><tr><th>Item</th>")
                .append("<th>Title</th><th>Verdict</th><th>Why</th></tr></thead>\n<tbody>\n");
        List<ItemAssessment> ordered = new ArrayList<>(assessment.items());
        ordered.sort(java.util.Comparator.comparingInt(HtmlReport::readingOrder));
        for (ItemAssessment i : ordered) {
            b.append("<tr class=\"v-").append(i.verdict().id()).append("\"><td class=\"id\">")
                    .append(i.verdict() == Verdict.NOT_MET ? "<a href=\"#item-" + e(i.item().id()) + "\">" + e(i.item().id()) + "</a>"
                            : e(i.item().id()))
                    .append("</td><td>").append(e(i.item().title())).append("<div class=\"section\">").append(e(i.item().section()))
                    .append("</div></td><td class=\"verdict\">").append(e(i.verdict().label()))
                    .append(i.gap() == null ? "" : "<div class=\"gap\">" + e(i.gap().label()) + "</div>")
                    .append("</td><td>").append(e(i.reason())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static int readingOrder(ItemAssessment i) {
        return switch (i.verdict()) {
            case NOT_MET -> 0;
            case NEEDS_EVIDENCE -> i.gap() == io.atolint.checklist.EvidenceGap.MANUAL ? 2 : 1;
            case MET -> 3;
            case NOT_APPLICABLE -> 4;
        };
    }

    /**
     * The AZ-failure simulation of the topology engine: per model, a row per tier and per path from an
     * ingress point to the data, a column per Availability Zone lost, the verdict and what causes it.
     */
    private static void simulation(Analysis a, StringBuilder b) {
        b.append("<section id=\"simulation\">\n<h2>AZ-failure simulation</h2>\n");
        boolean any = false;
        for (ModelTopology t : SimulationReport.models(a)) {
            if (t.tiers().isEmpty()) {
                continue;
            }
            any = true;
            List<AzSimulation.Scenario> scenarios = a.facts().simulation(t);
            b.append("<h3>").append(e(t.model().unit())).append(" <span class=\"section\">")
                    .append(e(t.model().format().title())).append("</span></h3>\n");
            if (scenarios.isEmpty()) {
                b.append("<p>No Availability Zone is known: every placement is UNKNOWN.</p>\n");
                continue;
            }
            b.append("<table class=\"simulation\">\n<thead><tr><th>Tier or path</th>");
            for (AzSimulation.Scenario s : scenarios) {
                b.append("<th>").append(e(s.az().value())).append(" down")
                        .append(s.az().how().isEmpty() || s.az().how().equals("literal") ? ""
                                : "<div class=\"section\">" + e(s.az().how()) + "</div>").append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (Tier tier : t.tiers()) {
                row(b, e(tier.name()), scenarios, s -> s.tiers().stream().filter(to -> to.tier().equals(tier))
                        .map(AzSimulation.TierOutcome::outcome).findFirst().orElse(null));
            }
            for (int i = 0; i < t.paths().size(); i++) {
                TrafficPath path = t.paths().get(i);
                row(b, "path " + (i + 1) + "<div class=\"section\">" + e(path.display()) + "</div>", scenarios,
                        s -> s.paths().stream().filter(po -> po.path().equals(path))
                                .map(AzSimulation.PathOutcome::outcome).findFirst().orElse(null));
            }
            b.append("<tr class=\"worst\"><td>solution</td>");
            for (AzSimulation.Scenario s : scenarios) {
                b.append("<td class=\"sim-").append(s.worst().label()).append("\">").append(e(s.worst().display())).append("</td>");
            }
            b.append("</tr>\n</tbody>\n</table>\n");
            if (t.pathsTruncated()) {
                b.append("<p class=\"hint\">Path enumeration stopped at its bound: more paths exist.</p>\n");
            }
        }
        String failure = SimulationReport.failure(a);
        if (failure != null) {
            b.append("<p>Nothing simulated: ").append(e(failure)).append(".</p>\n");
        } else if (!any) {
            b.append("<p>Nothing to simulate: no load balancer, compute, data or egress resource was read.</p>\n");
        }
        b.append("</section>\n");
    }

    private static void row(StringBuilder b, String head, List<AzSimulation.Scenario> scenarios,
                            java.util.function.Function<AzSimulation.Scenario, Outcome> outcome) {
        b.append("<tr><td>").append(head).append("</td>");
        for (AzSimulation.Scenario s : scenarios) {
            Outcome o = outcome.apply(s);
            if (o == null) {
                b.append("<td></td>");
                continue;
            }
            b.append("<td class=\"sim-").append(o.verdict().label()).append("\">").append(e(o.verdict().display()));
            for (Outcome.Cause c : o.causes()) {
                b.append("<div class=\"cause\">").append(e(c.message())).append("</div>");
            }
            b.append("</td>");
        }
        b.append("</tr>\n");
    }

    /** Findings by checklist item, then by resource; findings of no item (input problems) last. */
    private static void findings(Analysis a, Assessment assessment, StringBuilder b) {
        b.append("<section id=\"findings\">\n<h2>Findings by checklist item and resource</h2>\n");
        boolean any = false;
        for (ItemAssessment i : assessment.items()) {
            List<Finding> fs = new ArrayList<>(i.failures());
            fs.addAll(i.undecided());
            if (fs.isEmpty()) {
                continue;
            }
            any = true;
            b.append("<h3 id=\"item-").append(e(i.item().id())).append("\">").append(e(i.item().id())).append(' ')
                    .append(e(i.item().title())).append(" <span class=\"badge v-").append(i.verdict().id()).append("\">")
                    .append(e(i.verdict().label())).append("</span></h3>\n");
            byResource(fs, b);
        }
        List<Finding> other = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (!f.isSuppressed() && Checklist.standard().itemsFor(f.ruleId()).isEmpty()) {
                other.add(f);
            }
        }
        if (!other.isEmpty()) {
            any = true;
            b.append("<h3>Findings of no checklist item (input problems, suppressions)</h3>\n");
            byResource(other, b);
        }
        if (!any) {
            b.append("<p>No finding.</p>\n");
        }
        b.append("</section>\n");
    }

    private static void byResource(List<Finding> fs, StringBuilder b) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : fs) {
            String key = f.resource() == null ? f.location().file() : f.resource().displayName() + " (" + f.resource().rawType() + ")";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        b.append("<dl class=\"findings\">\n");
        groups.forEach((resource, list) -> {
            b.append("<dt>").append(e(resource)).append("</dt>\n");
            for (Finding f : list) {
                b.append("<dd class=\"sev-").append(f.severity().label()).append("\"><span class=\"sev\">")
                        .append(f.severity().name()).append("</span> <code>").append(e(f.ruleId())).append("</code> ")
                        .append(e(f.message())).append(" <span class=\"where\">").append(e(f.location().display())).append("</span></dd>\n");
            }
        });
        b.append("</dl>\n");
    }

    private static void suppressed(Analysis a, StringBuilder b) {
        List<Finding> fs = a.findings().stream().filter(Finding::isSuppressed).toList();
        b.append("<section id=\"suppressed\">\n<h2>Suppressed findings</h2>\n");
        if (fs.isEmpty()) {
            b.append("<p>None.</p>\n</section>\n");
            return;
        }
        b.append("<table>\n<thead><tr><th>Rule</th><th>Finding</th><th>Suppressed by</th><th>Reason</th></tr></thead>\n<tbody>\n");
        for (Finding f : fs) {
            b.append("<tr><td><code>").append(e(f.ruleId())).append("</code></td><td>").append(e(f.message()))
                    .append(" <span class=\"where\">").append(e(f.location().display())).append("</span></td><td>")
                    .append(e(f.suppression().kind()))
                    .append(f.suppression().location() == null ? "" : " <span class=\"where\">" + e(f.suppression().location().display()) + "</span>")
                    .append("</td><td>").append(e(f.suppression().justification())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    static String e(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; margin: 0 auto;
                   max-width: 1400px; padding: 16px 24px 48px; color: #16191f; background: #ffffff; line-height: 1.4; }
            h1 { margin: 0 0 4px; font-size: 24px; }
            h2 { margin-top: 32px; border-bottom: 2px solid #eaeded; padding-bottom: 4px; font-size: 19px; }
            h3 { font-size: 15px; margin: 20px 0 6px; }
            .scope, .hint, footer { color: #545b64; font-size: 13px; }
            footer { margin-top: 40px; border-top: 1px solid #eaeded; padding-top: 8px; }
            nav { font-size: 14px; margin-top: 6px; }
            ul.counts { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 8px; }
            ul.counts li { border: 1px solid #d5dbdb; border-radius: 14px; padding: 2px 12px; font-size: 13px; }
            .sev-critical b, .sev-high b { color: #d13212; } .sev-medium b { color: #b7791f; } .sev-low b { color: #0073bb; }
            .v-not-met b, tr.v-not-met .verdict { color: #d13212; font-weight: 600; }
            .v-met b, tr.v-met .verdict { color: #1d8102; font-weight: 600; }
            .v-needs-evidence b, tr.v-needs-evidence .verdict { color: #7d5a00; }
            .v-not-applicable b, tr.v-not-applicable .verdict { color: #687078; }
            .diagram { overflow: auto; border: 1px solid #d5dbdb; border-radius: 6px; background: #ffffff; }
            .diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
            input.zoom { position: absolute; opacity: 0; }
            label.zoom { display: inline-block; font-size: 12px; border: 1px solid #aab7b8; border-radius: 4px; padding: 1px 8px;
                         margin: 0 0 4px; cursor: pointer; color: #16191f; background: #f2f3f3; }
            input.zoom:checked + label.zoom { background: #16191f; color: #ffffff; }
            input.zoom:checked + label.zoom + .diagram { max-height: 85vh; }
            input.zoom:checked + label.zoom + .diagram svg { max-width: none; margin: 0; }
            input.zoom:focus-visible + label.zoom { outline: 2px solid #0073bb; }
            table.drawn { font-size: 12px; margin-top: 4px; table-layout: fixed; }
            table.drawn th:nth-child(1) { width: 19%; } table.drawn th:nth-child(2) { width: 13%; }
            table.drawn th:nth-child(3) { width: 18%; } table.drawn th:nth-child(4) { width: 14%; }
            table.drawn td { padding: 3px 8px; overflow-wrap: anywhere; }
            table.drawn tr.mark-failing td:first-child, table.drawn tr.mark-spof td:first-child { border-left: 3px solid #d13212; }
            table.drawn tr.mark-note td:first-child { border-left: 3px solid #b7791f; }
            .spof { color: #d13212; font-weight: 600; }
            .legend span { display: inline-block; margin-right: 14px; font-size: 12px; padding-left: 22px; position: relative; }
            .legend span::before { content: ''; position: absolute; left: 0; top: 8px; width: 18px; border-top: 2px solid; }
            .legend .lg-traffic::before { border-color: #232f3e; }
            .legend .lg-uses::before { border-top-style: dashed; border-color: #6b6b6b; }
            .legend .lg-ingress::before { border-color: #1d8102; } .legend .lg-outside::before { border-color: #8c4fff; }
            .legend .lg-failing::before { border-color: #d13212; border-top-width: 3px; }
            .legend .lg-spof::before { border-top: 3px dashed #d13212; }
            .legend .lg-note::before { border-color: #b7791f; } .legend .lg-unknown::before { border-top: 2px dotted #999999; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { border-bottom: 1px solid #eaeded; padding: 5px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f3f3; }
            td.id { white-space: nowrap; font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
            .section, .gap { color: #687078; font-size: 11.5px; }
            tr.v-not-met { background: #fff5f3; }
            .badge { font-size: 11.5px; border-radius: 10px; padding: 1px 8px; border: 1px solid currentColor; font-weight: 600; }
            .badge.v-not-met { color: #d13212; } .badge.v-needs-evidence { color: #7d5a00; } .badge.v-met { color: #1d8102; }
            dl.findings dt { font-weight: 600; margin-top: 8px; font-size: 13.5px; }
            dl.findings dd { margin: 3px 0 3px 18px; font-size: 13px; }
            .sev { font-size: 11px; font-weight: 700; }
            dd.sev-critical .sev, dd.sev-high .sev { color: #d13212; } dd.sev-medium .sev { color: #b7791f; }
            dd.sev-low .sev { color: #0073bb; } dd.sev-info .sev { color: #687078; }
            .where { color: #687078; font-size: 11.5px; font-family: ui-monospace, Menlo, Consolas, monospace; }
            code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 12px; }
            table.simulation { table-layout: fixed; } table.simulation th:first-child { width: 24%; }
            .sim-survives { color: #1d8102; font-weight: 600; } .sim-degraded { color: #7d5a00; font-weight: 600; }
            .sim-unknown { color: #687078; font-weight: 600; } .sim-at-risk { color: #b7791f; font-weight: 600; }
            .sim-down { color: #ffffff; background: #d13212; font-weight: 700; }
            .sim-down .cause { color: #ffffff; }
            tr.worst td { border-top: 2px solid #aab7b8; }
            .cause { font-weight: 400; font-size: 11.5px; color: #545b64; margin-top: 2px; }
            @media print { .diagram { max-height: none; overflow: visible; } input.zoom, label.zoom { display: none; }
                           .diagram svg { max-width: 100% !important; } }
            """;
}
