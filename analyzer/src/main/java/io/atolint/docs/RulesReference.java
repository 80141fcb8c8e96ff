package io.atolint.docs;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.checklist.Checklist;
import io.atolint.checklist.ChecklistItem;
import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.parse.SourceTree;
import io.atolint.report.RuleDocs;
import io.atolint.rule.Check;
import io.atolint.checks.RuleCatalog;
import io.atolint.rule.RuleInfo;
import io.atolint.rule.RuleRun;
import io.atolint.checks.Rules;
import io.atolint.rule.SourceText;
import io.atolint.suppress.BlockExtent;
import io.atolint.suppress.PeerRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code docs/rules.md}: every rule with its metadata (severity, tags, the checklist items it
 * evidences), its description ({@code rules/<ID>.md}) and a non-compliant and a compliant snippet taken
 * from its fixtures by running the rule on them (the resource a finding names, or one the rule examined
 * without finding anything). Generated, never edited by hand: {@code RulesDocTest} fails when the
 * committed file is stale.
 */
public final class RulesReference {
    public static final String REGENERATE = "./atolint rules --format md --fixtures fixtures/rules > docs/rules.md";
    private static final int MAX_SNIPPET_LINES = 26;
    private static final int MAX_LINE = 150;
    private static final Pattern MARKER = Pattern.compile(
            "\\s*(?:#|//)\\s*(?:Noncompliant|Note)(?::[a-z]+)?(?:@[+-]?\\d+)?(?:\\s*\\{\\{.*?}})?\\s*$|<!--\\s*(?:Noncompliant|Note).*?-->");

    private RulesReference() {
    }

    /**
     * @param fixtures the tree of {@code fixtures/rules} (its root is how file names are shown), or null
     *                 for a reference without examples
     */
    public static String render(SourceTree fixtures) {
        Map<String, List<FixtureCases.Case>> cases = fixtures == null ? Map.of() : FixtureCases.of(fixtures);
        StringBuilder b = new StringBuilder();
        b.append("# atolint rules\n\n")
                .append("<!-- Generated from the rule classes, analyzer/src/main/resources/rules/<ID>.md, checklist.yaml and\n")
                .append("     fixtures/rules. Do not edit: regenerate with\n     ").append(REGENERATE).append("\n-->\n\n")
                .append("Every rule atolint runs: what it checks, which items of the *ATO on AWS Partner Validation\n")
                .append("Checklist* it evidences, and an example from its test fixtures. Severities: `critical`, `high`,\n")
                .append("`medium`, `low`, and `info` (notes: what cannot be proven, never failing).\n\n");
        b.append("| rule | severity | title | checklist | peer checks |\n|---|---|---|---|---|\n");
        List<RuleInfo> all = RuleCatalog.all().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList();
        for (RuleInfo r : all) {
            b.append("| [").append(r.id()).append("](#").append(RuleDocs.anchor(r.id())).append(") | ")
                    .append(r.severity().label()).append(" | ").append(cell(r.title())).append(" | ")
                    .append(String.join(", ", Checklist.standard().itemsFor(r.id()))).append(" | ")
                    .append(String.join(", ", peerIds(r.id()))).append(" |\n");
        }
        for (RuleInfo r : all) {
            rule(b, r, cases.getOrDefault(r.id(), List.of()));
        }
        return b.toString();
    }

    private static void rule(StringBuilder b, RuleInfo r, List<FixtureCases.Case> cases) {
        b.append("\n<a id=\"").append(RuleDocs.anchor(r.id())).append("\"></a>\n\n## ").append(r.id()).append(' ')
                .append(r.title()).append("\n\n");
        b.append("Severity: **").append(r.severity().label()).append("**");
        if (!r.tags().isEmpty()) {
            b.append(" · tags: ").append(String.join(", ", r.tags()));
        }
        b.append("\n\n");
        List<String> items = Checklist.standard().itemsFor(r.id());
        if (items.isEmpty()) {
            b.append("Checklist: none.\n\n");
        } else {
            b.append("Checklist:\n");
            for (String id : items) {
                Optional<ChecklistItem> item = Checklist.standard().item(id);
                b.append("- ").append(id).append(item.map(i -> " " + i.title()).orElse("")).append('\n');
            }
            b.append('\n');
        }
        if (r.optIn()) {
            b.append("Opt-in: off unless `.atolint.yml` turns it on (`rules: {").append(r.id()).append(": on}`).\n\n");
        }
        List<PeerRules.Mapping> peers = PeerRules.standard().peersOf(r.id());
        if (!peers.isEmpty()) {
            b.append("Peer checks (a suppression written for one also suppresses this rule on the same resource;"
                    + " where the decisions differ: [peer-differences.md](peer-differences.md)):\n");
            for (PeerRules.Mapping m : peers) {
                b.append("- ").append(m.tool()).append(" `").append(m.peerId()).append("` ").append(m.note()).append('\n');
            }
            b.append('\n');
        }
        String doc = r.documentation();
        if (doc != null) {
            b.append(body(doc)).append("\n");
        }
        Optional<Check> check = Rules.all().stream().filter(c -> c.meta().id().equals(r.id())).findFirst();
        if (check.isEmpty() || cases.isEmpty()) {
            return;
        }
        Example bad = example(check.get(), cases, true, null);
        if (bad != null) {
            b.append("\n**Non-compliant** (`").append(bad.file()).append("`):\n\n").append(bad.fenced());
            Example good = example(check.get(), cases, false, bad);
            if (good != null) {
                b.append("\n**Compliant** (`").append(good.file()).append("`):\n\n").append(good.fenced());
            }
        }
    }

    /** The rule doc without its title line (the reference writes its own heading). */
    private static String body(String doc) {
        List<String> lines = new ArrayList<>(List.of(doc.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(0).startsWith("# ")) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            // the rule doc's own sections become sub-sections of the rule
            out.append(l.startsWith("#") ? "##" + l : l).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** A snippet and where it comes from. */
    private record Example(String file, String language, List<String> lines, String kind) {
        String fenced() {
            return "```" + language + "\n" + String.join("\n", lines) + "\n```\n";
        }
    }

    /**
     * The first case, in order of readability of its format, that fails the rule (or, for a compliant
     * example, that passes it while examining a resource, preferably of the kind of the failing one).
     */
    private static Example example(Check check, List<FixtureCases.Case> cases, boolean failing, Example like) {
        Example best = null;
        int bestRank = Integer.MAX_VALUE;
        for (FixtureCases.Case c : cases) {
            Analysis a = new Analyzer(List.of(check)).withPairs(c.pairs()).analyze(List.of(c.tree()), c.options());
            List<Finding> fails = a.findings().stream().filter(f -> f.ruleId().equals(check.meta().id())
                    && f.severity() != Severity.INFO).toList();
            Resource subject;
            int line;
            if (failing) {
                if (fails.isEmpty()) {
                    continue;
                }
                subject = fails.get(0).resource();
                line = Math.max(1, fails.get(0).location().startLine()); // a file-level finding shows the file's head
            } else {
                if (!fails.isEmpty()) {
                    continue;
                }
                RuleRun run = a.runs().get(check.meta().id());
                subject = run == null ? null : run.examinedResources().stream()
                        .filter(res -> like == null || like.kind().equals(res.kind().name()))
                        .findFirst().orElse(run.examinedResources().isEmpty() ? null : run.examinedResources().get(0));
                if (subject == null) {
                    continue;
                }
                line = subject.location().startLine();
            }
            String file = subject != null ? subject.location().file() : fails.get(0).location().file();
            int rank = rank(file) * 2 + (like != null && subject != null && !like.kind().equals(subject.kind().name()) ? 1 : 0);
            if (rank >= bestRank) {
                continue;
            }
            List<String> text = new SourceText(List.of(c.tree())).lines(file);
            if (text.isEmpty()) {
                continue;
            }
            int start = subject != null && subject.location().file().equals(file) && subject.location().hasLine()
                    ? subject.location().startLine() : Math.max(1, line - 3);
            if (subject == null && fails.get(0).location().startLine() <= 0) {
                start = 1;
            }
            List<String> snippet = subject == null ? head(text, start) : snippet(text, start, Math.max(line, start));
            if (snippet.isEmpty()) {
                continue;
            }
            best = new Example(file, language(file), snippet, subject == null ? "" : subject.kind().name());
            bestRank = rank;
        }
        return best;
    }

    private static int rank(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".yaml") || f.endsWith(".yml") || f.endsWith(".template")) {
            return 0;
        }
        if (f.endsWith(".tf")) {
            return 1;
        }
        if (f.endsWith(".json")) {
            return 2;
        }
        return 3;
    }

    private static String language(String file) {
        return switch (rank(file)) {
            case 0 -> "yaml";
            case 1 -> "hcl";
            case 2 -> "json";
            default -> "xml";
        };
    }

    /** The block that starts at {@code start}, cut after the focus line when long, markers removed. */
    private static List<String> snippet(List<String> text, int start, int focus) {
        int end = Math.min(BlockExtent.end(text, start), text.size());
        boolean cut = false;
        if (end - start + 1 > MAX_SNIPPET_LINES) {
            end = Math.min(end, Math.max(focus + 4, start + MAX_SNIPPET_LINES - 1));
            cut = end < BlockExtent.end(text, start);
        }
        List<String> out = new ArrayList<>();
        for (int i = start; i <= end; i++) {
            String raw = text.get(i - 1);
            String l = MARKER.matcher(raw).replaceAll("");
            if (l.isBlank() && !raw.isBlank()) {
                continue; // a line that held only a test marker
            }
            out.add(l.length() > MAX_LINE ? l.substring(0, MAX_LINE - 1) + "\u2026" : l.stripTrailing());
        }
        if (cut) {
            out.add("  ...");
        }
        return out;
    }

    /** A finding about a file or page (no resource): the lines around it, long lines cut. */
    private static List<String> head(List<String> text, int start) {
        List<String> out = new ArrayList<>();
        for (int i = start; i <= Math.min(text.size(), start + 13); i++) {
            String raw = text.get(i - 1);
            String l = MARKER.matcher(raw).replaceAll("");
            if (l.isBlank() && !raw.isBlank()) {
                continue;
            }
            out.add(l.length() > MAX_LINE ? l.substring(0, MAX_LINE - 1) + "\u2026" : l.stripTrailing());
        }
        return out;
    }

    /** The peer check ids a rule covers, as the summary table shows them ({@code checkov CKV_AWS_2}). */
    private static List<String> peerIds(String ruleId) {
        return PeerRules.standard().peersOf(ruleId).stream().map(m -> m.peerId()).toList();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
