package io.atolint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.analysis.Analysis;
import io.atolint.model.Az;
import io.atolint.model.Resource;
import io.atolint.reconcile.AzMap;
import io.atolint.reconcile.Discrepancy;
import io.atolint.reconcile.Match;
import io.atolint.reconcile.Reconciliation;
import io.atolint.reconcile.SideBySide;
import io.atolint.topology.Facts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of each configured diagram with its IaC, in every report: the match table (each drawn
 * element, what it stands for, the score and why), the elements with no counterpart, the deployed services
 * no element stands for, the disagreements, and (for {@code simulate}) both AZ-failure simulations side by
 * side.
 */
public final class ReconciliationReport {

    private ReconciliationReport() {
    }

    // ------------------------------------------------------------ text

    public static void text(Analysis a, PrintStream out) {
        for (Reconciliation r : a.reconciliations()) {
            out.println("diagram vs IaC: " + r.pair().display());
            if (!r.compared()) {
                out.println("  not compared: " + r.problem());
                out.println();
                continue;
            }
            List<String> azs = new ArrayList<>();
            for (AzMap.DrawnAz d : r.azs().drawn()) {
                List<Az> iac = r.azs().iacFor(d.az());
                azs.add("'" + d.display() + "' = " + (iac.isEmpty() ? "?" : String.join(" = ",
                        iac.stream().map(Az::value).toList())) + " (" + d.how() + ")");
            }
            if (!azs.isEmpty()) {
                out.println("  AZs: " + String.join("; ", azs));
            }
            int width = 30;
            for (Match m : r.matches()) {
                width = Math.max(width, Math.min(48, element(m.element()).length()));
            }
            out.println("  match table");
            out.printf("    %-" + width + "s  %-5s  %s%n", "diagram element", "score", "IaC resource(s) and why");
            for (Match m : r.matches()) {
                out.printf("    %-" + width + "s  %5.2f  %s%n", element(m.element()), m.score(), iacNames(m.iac()));
                for (String why : m.reasons()) {
                    out.printf("    %-" + width + "s         - %s%n", "", why);
                }
            }
            if (!r.unmatched().isEmpty()) {
                out.println("  drawn, with no counterpart in the IaC");
                for (Resource e : r.unmatched()) {
                    out.println("    " + element(e));
                }
            }
            if (!r.undrawn().isEmpty()) {
                out.println("  deployed, not drawn");
                for (Resource d : r.undrawn()) {
                    out.println("    " + d.displayName() + " [" + d.rawType() + "] " + d.location().display());
                }
            }
            if (!r.discrepancies().isEmpty()) {
                out.println("  disagreements");
                for (Discrepancy d : r.discrepancies()) {
                    out.println("    " + d.type().ruleId() + " " + d.type().kind() + (d.decided() ? "" : " (cannot check)")
                            + ": " + d.message());
                }
            }
            out.println();
        }
    }

    /** The simulations of each pair side by side, per AZ (for {@code simulate}). */
    public static void sideBySide(Analysis a, PrintStream out) {
        for (Reconciliation r : a.reconciliations()) {
            out.println();
            out.println("diagram vs IaC, AZ by AZ: " + r.pair().display());
            if (!r.compared()) {
                out.println("  not compared: " + r.problem());
                continue;
            }
            List<SideBySide.Zone> zones = SideBySide.of(r, a.facts());
            if (zones.isEmpty()) {
                out.println("  no AZ to compare: neither side places a tier in a known AZ");
            }
            for (SideBySide.Zone z : zones) {
                out.println();
                out.println(z.name() + " down (" + (z.drawn() == null ? "not drawn; " : "drawn; ") + "IaC: "
                        + (z.deployed().isEmpty() ? "no corresponding AZ" : String.join(" = ",
                        z.deployed().stream().map(Az::value).toList())) + ")");
                int width = 16;
                for (SideBySide.Row row : z.rows()) {
                    width = Math.max(width, row.tier().length());
                }
                out.println(String.format("  %-" + width + "s %-9s %s", "tier", "diagram", "IaC"));
                for (SideBySide.Row row : z.rows()) {
                    out.println(String.format("  %-" + width + "s %-9s %-9s %s", row.tier(), verdict(row.drawn()),
                            verdict(row.deployed()), row.says()).stripTrailing());
                }
            }
        }
    }

    private static String verdict(io.atolint.topology.Verdict v) {
        return v == null ? "-" : v.display();
    }

    private static String element(Resource e) {
        String label = e.meta().getOrDefault("label", "");
        String page = e.meta().getOrDefault("page", "?");
        return (label.isEmpty() ? "(unlabelled " + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"
                : "'" + label + "'") + " p" + page + " " + e.name();
    }

    private static String iacNames(List<Resource> rs) {
        List<String> names = new ArrayList<>();
        for (Resource r : rs) {
            names.add(r.displayName());
        }
        if (names.size() > 6) {
            return String.join(", ", names.subList(0, 6)) + " and " + (names.size() - 6) + " more";
        }
        return String.join(", ", names);
    }

    // ------------------------------------------------------------ JSON

    /**
     * The {@code reconciliation} section: {@code pairs[]}, and over every pair {@code matches[]} = {@code
     * {pair, diagram: {file, page, cell, label}, iac: [{id, type, file, line}], score, reasons[]}},
     * {@code findings[]} = {@code {pair, kind, ruleId, severity, decided, message, diagram | null, iac: [...]}},
     * {@code unmatched[]} and {@code undrawn[]}.
     */
    public static ObjectNode json(Analysis a) {
        ObjectNode root = PrettyJson.NODES.objectNode();
        ArrayNode pairs = root.putArray("pairs");
        ArrayNode matches = root.putArray("matches");
        ArrayNode findings = root.putArray("findings");
        ArrayNode unmatched = root.putArray("unmatched");
        ArrayNode undrawn = root.putArray("undrawn");
        for (int i = 0; i < a.reconciliations().size(); i++) {
            Reconciliation r = a.reconciliations().get(i);
            ObjectNode p = pairs.addObject();
            p.put("diagram", r.pair().diagram());
            if (r.pair().page() == null) {
                p.putNull("page");
            } else {
                p.put("page", r.pair().page());
            }
            ArrayNode iac = p.putArray("iac");
            r.pair().iac().forEach(iac::add);
            p.put("compared", r.compared());
            if (r.problem() != null) {
                p.put("problem", r.problem());
            }
            ArrayNode azs = p.putArray("azs");
            for (AzMap.DrawnAz d : r.azs().drawn()) {
                ObjectNode z = azs.addObject();
                z.put("diagram", d.display());
                z.put("how", d.how());
                ArrayNode to = z.putArray("iac");
                r.azs().iacFor(d.az()).forEach(x -> to.add(x.value()));
            }
            for (Match m : r.matches()) {
                ObjectNode o = matches.addObject();
                o.put("pair", i);
                o.set("diagram", diagram(m.element()));
                o.set("iac", iac(m.iac()));
                o.put("score", m.score());
                ArrayNode why = o.putArray("reasons");
                m.reasons().forEach(why::add);
            }
            for (Discrepancy d : r.discrepancies()) {
                ObjectNode o = findings.addObject();
                o.put("pair", i);
                o.put("kind", d.type().kind());
                o.put("ruleId", d.type().ruleId());
                io.atolint.model.Finding f = findingOf(a, d);
                o.put("severity", f == null ? null : f.severity().label());
                o.put("decided", d.decided());
                if (f != null && f.isSuppressed()) {
                    o.put("suppressed", true);
                }
                o.put("message", d.message());
                if (d.element() == null) {
                    o.putNull("diagram");
                } else {
                    o.set("diagram", diagram(d.element()));
                }
                o.set("iac", iac(d.iac()));
            }
            for (Resource e : r.unmatched()) {
                ObjectNode o = unmatched.addObject();
                o.put("pair", i);
                o.set("diagram", diagram(e));
            }
            for (Resource d : r.undrawn()) {
                ObjectNode o = undrawn.addObject();
                o.put("pair", i);
                o.set("iac", iac(List.of(d)).get(0));
            }
        }
        return root;
    }

    /** The side-by-side simulation of every pair, for {@code simulate --format json}. */
    public static ArrayNode sideBySideJson(Analysis a) {
        ArrayNode out = PrettyJson.NODES.arrayNode();
        Facts facts = a.facts();
        for (Reconciliation r : a.reconciliations()) {
            ObjectNode p = out.addObject();
            p.put("diagram", r.pair().diagram());
            ArrayNode iac = p.putArray("iac");
            r.pair().iac().forEach(iac::add);
            ArrayNode zones = p.putArray("zones");
            for (SideBySide.Zone z : SideBySide.of(r, facts)) {
                ObjectNode zo = zones.addObject();
                zo.put("az", z.name());
                zo.put("drawn", z.drawn() != null);
                ArrayNode to = zo.putArray("iacAzs");
                z.deployed().forEach(x -> to.add(x.value()));
                ArrayNode rows = zo.putArray("tiers");
                for (SideBySide.Row row : z.rows()) {
                    ObjectNode ro = rows.addObject();
                    ro.put("tier", row.tier());
                    ro.put("diagram", row.drawn() == null ? null : row.drawn().label());
                    ro.put("iac", row.deployed() == null ? null : row.deployed().label());
                    ro.put("diagramWhy", row.drawnWhy());
                    ro.put("iacWhy", row.deployedWhy());
                    ro.put("says", row.says());
                }
            }
        }
        return out;
    }

    /** The finding a rule reported for a disagreement (null when the rule did not run). */
    private static io.atolint.model.Finding findingOf(Analysis a, Discrepancy d) {
        for (io.atolint.model.Finding f : a.findings()) {
            if (f.ruleId().equals(d.type().ruleId()) && f.message().equals(d.message())
                    && f.location().equals(d.location())) {
                return f;
            }
        }
        return null;
    }

    private static ObjectNode diagram(Resource e) {
        ObjectNode d = PrettyJson.NODES.objectNode();
        d.put("file", e.location().file());
        String page = e.meta().get("page");
        if (page == null) {
            d.putNull("page");
        } else {
            d.put("page", Integer.parseInt(page));
        }
        d.put("cell", e.name());
        d.put("label", e.meta().getOrDefault("label", ""));
        return d;
    }

    private static ArrayNode iac(List<Resource> rs) {
        ArrayNode out = PrettyJson.NODES.arrayNode();
        for (Resource r : rs) {
            ObjectNode o = out.addObject();
            o.put("id", r.name());
            o.put("type", r.rawType());
            o.put("file", r.location().file());
            o.put("line", r.location().startLine());
        }
        return out;
    }

    // ------------------------------------------------------------ Markdown and HTML

    public static void markdown(Analysis a, StringBuilder b) {
        for (Reconciliation r : a.reconciliations()) {
            b.append("### Diagram vs IaC: `").append(r.pair().diagram()).append("` ↔ `")
                    .append(String.join("`, `", r.pair().iac())).append("`\n\n");
            if (!r.compared()) {
                b.append("Not compared: ").append(MarkdownReport.cell(r.problem())).append("\n\n");
                continue;
            }
            b.append(r.matches().size()).append(" matched · ").append(r.unmatched().size())
                    .append(" drawn with no counterpart · ").append(r.undrawn().size()).append(" deployed, not drawn · ")
                    .append(r.discrepancies().size()).append(" disagreements\n\n");
            if (!r.discrepancies().isEmpty()) {
                b.append("| rule | kind | disagreement |\n|---|---|---|\n");
                for (Discrepancy d : r.discrepancies()) {
                    b.append("| ").append(d.type().ruleId()).append(" | ").append(d.type().kind())
                            .append(d.decided() ? "" : " (cannot check)").append(" | ")
                            .append(MarkdownReport.cell(d.message())).append(" |\n");
                }
                b.append('\n');
            }
            b.append("<details><summary>Match table</summary>\n\n| diagram element | IaC | score | why |\n|---|---|---:|---|\n");
            for (Match m : r.matches()) {
                b.append("| ").append(MarkdownReport.cell(element(m.element()))).append(" | ")
                        .append(MarkdownReport.cell(iacNames(m.iac()))).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", m.score())).append(" | ")
                        .append(MarkdownReport.cell(String.join("; ", m.reasons()))).append(" |\n");
            }
            b.append("\n</details>\n\n");
        }
    }

    public static void html(Analysis a, StringBuilder b) {
        if (a.reconciliations().isEmpty()) {
            return;
        }
        b.append("<section id=\"reconciliation\">\n<h2>Diagram vs IaC</h2>\n");
        for (Reconciliation r : a.reconciliations()) {
            b.append("<h3>").append(HtmlReport.e(r.pair().diagram())).append(" ↔ ")
                    .append(HtmlReport.e(String.join(", ", r.pair().iac()))).append("</h3>\n");
            if (!r.compared()) {
                b.append("<p>Not compared: ").append(HtmlReport.e(r.problem())).append("</p>\n");
                continue;
            }
            if (!r.discrepancies().isEmpty()) {
                b.append("<ul class=\"disagreements\">\n");
                for (Discrepancy d : r.discrepancies()) {
                    b.append("<li><b>").append(d.type().ruleId()).append("</b> ").append(HtmlReport.e(d.type().kind()))
                            .append(d.decided() ? "" : " (cannot check)").append(": ").append(HtmlReport.e(d.message()))
                            .append("</li>\n");
                }
                b.append("</ul>\n");
            }
            b.append("<table class=\"matches\">\n<thead><tr><th>Diagram element</th><th>IaC</th><th>Score</th><th>Why</th></tr></thead>\n<tbody>\n");
            for (Match m : r.matches()) {
                b.append("<tr><td>").append(HtmlReport.e(element(m.element()))).append("</td><td>")
                        .append(HtmlReport.e(iacNames(m.iac()))).append("</td><td>")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", m.score())).append("</td><td>")
                        .append(HtmlReport.e(String.join("; ", m.reasons()))).append("</td></tr>\n");
            }
            for (Resource e : r.unmatched()) {
                b.append("<tr><td>").append(HtmlReport.e(element(e))).append("</td><td colspan=\"3\">no counterpart in the IaC</td></tr>\n");
            }
            for (Resource d : r.undrawn()) {
                b.append("<tr><td>(not drawn)</td><td>").append(HtmlReport.e(d.displayName())).append("</td><td></td><td>")
                        .append(HtmlReport.e(d.rawType() + " at " + d.location().display())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");
    }
}
