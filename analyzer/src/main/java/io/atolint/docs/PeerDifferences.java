package io.atolint.docs;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.parse.SourceTree;
import io.atolint.rule.Check;
import io.atolint.rule.RuleRun;
import io.atolint.checks.Rules;
import io.atolint.suppress.PeerRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code docs/peer-differences.md}: for every checkov and cfn_nag check that {@code peer-rules.tsv} maps
 * onto atolint rules, the fixture cases where both tools' decisions are stated, atolint's decision as
 * the mapped rules give it today, and, where the two differ, why. A fixture case states what a peer
 * decides in its {@code case.yaml}:
 * <pre>
 * peers:
 *   - {check: CKV_AWS_27, resource: Queue, says: fail, why: "SQS queues are encrypted (SSE-SQS) by default since 2022"}
 *   - {check: CKV_AWS_90, resource: DocParams, via: Documents, says: fail}
 * </pre>
 * {@code via} names the resource atolint reports on when the peer judges another one (a parameter group
 * judged through the cluster that uses it).
 * {@code says} is {@code fail} or {@code pass}; {@code why} is required exactly when atolint's verdict
 * (a finding above info, or not) differs, so the document cannot go stale: {@link #render} fails on an
 * undocumented difference, on a documented one that no longer differs, and on a mapped peer check that
 * no fixture compares.
 */
public final class PeerDifferences {
    public static final String REGENERATE = "dev/update-goldens";
    static final List<String> COMPARED_TOOLS = List.of("checkov", "cfn_nag");

    private PeerDifferences() {
    }

    /** One comparison: a peer check on a resource of a fixture case. */
    public record Comparison(String tool, String check, String rules, String caseDir, String resource, boolean peerFails,
                             Verdict atolint, String why) {
        public boolean same() {
            return peerFails == (atolint.kind() == Verdict.Kind.FAIL);
        }
    }

    /** atolint's decision on the resource: a failing finding, a note (cannot prove), or a pass. */
    public record Verdict(Kind kind, String message) {
        public enum Kind { FAIL, NOTE, PASS }

        String shown() {
            return switch (kind) {
                case FAIL -> "fails: " + message;
                case NOTE -> "note (not a failure): " + message;
                case PASS -> message.isEmpty() ? "passes" : "passes: " + message;
            };
        }
    }

    /** Every comparison stated by the fixtures; throws when the data is inconsistent. */
    public static List<Comparison> compare(SourceTree fixtures, PeerRules peers) {
        Map<String, List<FixtureCases.Case>> cases = FixtureCases.of(fixtures);
        List<Comparison> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Analysis> analyses = new HashMap<>();
        for (List<FixtureCases.Case> list : cases.values()) {
            for (FixtureCases.Case c : list) {
                String dir = "fixtures/rules/" + c.ruleId() + "/" + c.name();
                for (Map<String, Object> p : c.peers()) {
                    String check = String.valueOf(p.get("check"));
                    String tool = p.get("tool") != null ? String.valueOf(p.get("tool")) : toolOf(check);
                    String resource = String.valueOf(p.get("resource"));
                    // the peer judges a parameter group, atolint the store that uses it: compare on the store
                    String via = p.get("via") == null ? resource : String.valueOf(p.get("via"));
                    String says = String.valueOf(p.get("says")).toLowerCase(Locale.ROOT);
                    String why = p.get("why") == null ? null : String.valueOf(p.get("why")).trim();
                    List<String> rules = peers.rulesFor(tool, check);
                    if (rules.isEmpty()) {
                        problems.add(dir + ": " + tool + " " + check + " is not mapped onto any atolint rule in peer-rules.tsv");
                        continue;
                    }
                    if (!says.equals("fail") && !says.equals("pass")) {
                        problems.add(dir + ": " + check + " says '" + says + "': write fail or pass");
                        continue;
                    }
                    Analysis a = analyses.computeIfAbsent(dir + "\u0000" + rules, k -> analyze(c, rules));
                    Optional<Verdict> v = verdict(a, rules, via);
                    if (v.isEmpty() || !exists(a, resource)) {
                        problems.add(dir + ": no resource named " + (v.isEmpty() ? via : resource) + " in the case");
                        continue;
                    }
                    Comparison cmp = new Comparison(tool, check, String.join(", ", rules), dir,
                            via.equals(resource) ? resource : resource + " via " + via, says.equals("fail"), v.get(), why);
                    if (!cmp.same() && (why == null || why.isEmpty())) {
                        problems.add(dir + ": " + tool + " " + check + " on " + resource + ": the peer says " + says
                                + ", atolint " + v.get().shown() + "; say why in the case's peers entry (why: ...) or fix the rule");
                    } else if (cmp.same() && why != null) {
                        problems.add(dir + ": " + tool + " " + check + " on " + resource
                                + " gives a why, but atolint now decides as the peer does: remove it");
                    }
                    out.add(cmp);
                }
            }
        }
        for (PeerRules.Mapping m : peers.mappings()) {
            if (COMPARED_TOOLS.contains(m.tool()) && !m.rules().isEmpty() && out.stream().noneMatch(c -> c.tool().equals(m.tool())
                    && c.check().equalsIgnoreCase(m.peerId()))) {
                problems.add(m.tool() + " " + m.peerId() + " (" + m.note() + ") is mapped onto " + m.rules()
                        + " but no fixture case states what it decides (peers: in a case.yaml)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("peer comparisons are inconsistent:\n  " + String.join("\n  ", problems));
        }
        return out;
    }

    static String toolOf(String check) {
        return check.toUpperCase(Locale.ROOT).startsWith("CKV") ? "checkov" : "cfn_nag";
    }

    private static Analysis analyze(FixtureCases.Case c, List<String> rules) {
        List<Check> checks = Rules.all().stream().filter(k -> rules.contains(k.meta().id())).toList();
        return new Analyzer(checks).analyze(List.of(c.tree()), c.options());
    }

    private static boolean exists(Analysis a, String resource) {
        if (resource.startsWith(FILE)) {
            return a.graph().models().stream().flatMap(m -> m.files().stream()).anyMatch(f -> f.endsWith("/" + resource.substring(FILE.length())));
        }
        return a.graph().resources().stream().anyMatch(r -> named(r, resource));
    }

    /** {@code resource: "file:main.tf"} compares a finding about a file (a Terraform provider block), not a resource. */
    private static final String FILE = "file:";

    private static boolean about(Finding f, String resource) {
        if (resource.startsWith(FILE)) {
            return f.resource() == null && f.location().file().endsWith("/" + resource.substring(FILE.length()));
        }
        return f.resource() != null && named(f.resource(), resource);
    }

    private static Optional<Verdict> verdict(Analysis a, List<String> rules, String resource) {
        if (!exists(a, resource)) {
            return Optional.empty();
        }
        Finding fail = null;
        Finding note = null;
        Finding info = null;
        for (Finding f : a.findings()) {
            if (!rules.contains(f.ruleId()) || !about(f, resource)) {
                continue;
            }
            RuleRun run = a.runs().get(f.ruleId());
            if (f.severity() != Severity.INFO) {
                fail = fail == null ? f : fail;
            } else if (run != null && run.isInformational(f)) {
                info = info == null ? f : info;
            } else {
                note = note == null ? f : note;
            }
        }
        if (fail != null) {
            return Optional.of(new Verdict(Verdict.Kind.FAIL, fail.ruleId() + " " + fail.severity().label() + " \u201c"
                    + fail.message() + "\u201d"));
        }
        if (note != null) {
            return Optional.of(new Verdict(Verdict.Kind.NOTE, note.ruleId() + " \u201c" + note.message() + "\u201d"));
        }
        return Optional.of(new Verdict(Verdict.Kind.PASS, info == null ? "" : info.ruleId() + " info \u201c" + info.message() + "\u201d"));
    }

    private static boolean named(Resource r, String name) {
        return r.name().equals(name) || r.displayName().equals(name);
    }

    /** The document. */
    public static String render(SourceTree fixtures, PeerRules peers) {
        List<Comparison> all = compare(fixtures, peers);
        StringBuilder b = new StringBuilder();
        b.append("# atolint and its peers: where the decisions differ\n\n")
                .append("<!-- Generated from analyzer/src/main/resources/io/atolint/suppress/peer-rules.tsv and the peers:\n")
                .append("     entries of fixtures/rules/*/*/case.yaml, by running the mapped atolint rules on each case.\n")
                .append("     Do not edit: regenerate with ").append(REGENERATE).append(" -->\n\n")
                .append("Teams that already run checkov or cfn_nag hold atolint's verdict against theirs. Every peer check\n")
                .append("below is mapped onto the atolint rule that judges the same concern (a suppression written for the\n")
                .append("peer check suppresses that rule too), and fixture cases in CloudFormation and Terraform state what the\n")
                .append("peer decides on a resource. atolint's decision is computed from the fixture; where it differs, the\n")
                .append("reason is stated. Most differences come from two principles: atolint follows AWS's **current**\n")
                .append("defaults (a service that now encrypts or backs up by default passes when the setting is omitted),\n")
                .append("and an **unresolved value is never a failure** (a note says what cannot be proven). The peers'\n")
                .append("decisions are those their published check titles and documented behaviour state.\n\n");
        List<Comparison> differ = all.stream().filter(c -> !c.same()).toList();
        for (io.atolint.rule.RuleInfo r : io.atolint.checks.RuleCatalog.all()) {
            List<PeerRules.Mapping> covered = peers.peersOf(r.id()).stream().filter(m -> COMPARED_TOOLS.contains(m.tool())).toList();
            if (r.optIn() && !covered.isEmpty()) {
                b.append("**").append(r.id()).append(" is opt-in.** With the default configuration atolint does not report what ")
                        .append(String.join(", ", covered.stream().map(m -> m.tool() + " " + m.peerId()).toList()))
                        .append(" fail; turn it on with `rules: {")
                        .append(r.id()).append(": on}` in `.atolint.yml` where your policy asks for it. The comparisons below run it.\n\n");
            }
        }
        b.append("## Differences\n\n");
        b.append("| peer check | fixture (resource) | the peer says | atolint says | why |\n|---|---|---|---|---|\n");
        for (Comparison c : sorted(differ)) {
            b.append("| ").append(c.tool()).append(' ').append(c.check()).append(" | `").append(c.caseDir()).append("` (")
                    .append(c.resource()).append(") | ").append(c.peerFails() ? "fails" : "passes").append(" | ")
                    .append(cell(c.atolint().shown())).append(" | ").append(cell(c.why())).append(" |\n");
        }
        b.append("\n## Every compared peer check\n\n")
                .append("| peer check | what it checks | atolint rules | cases compared | same decision | documented difference |\n")
                .append("|---|---|---|---:|---:|---:|\n");
        Map<String, List<Comparison>> byCheck = new TreeMap<>();
        for (Comparison c : all) {
            byCheck.computeIfAbsent(c.tool() + " " + c.check(), k -> new ArrayList<>()).add(c);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (PeerRules.Mapping m : peers.mappings()) {
            notes.putIfAbsent(m.tool() + " " + m.peerId(), m.note());
        }
        byCheck.forEach((k, list) -> {
            long same = list.stream().filter(Comparison::same).count();
            b.append("| ").append(k).append(" | ").append(cell(notes.getOrDefault(k, ""))).append(" | ")
                    .append(list.get(0).rules()).append(" | ").append(list.size()).append(" | ").append(same).append(" | ")
                    .append(list.size() - same).append(" |\n");
        });
        List<PeerRules.Mapping> uncovered = peers.uncovered();
        if (!uncovered.isEmpty()) {
            b.append("\n## Peer checks atolint does not cover\n\n| peer check | why |\n|---|---|\n");
            for (PeerRules.Mapping m : uncovered) {
                b.append("| ").append(m.tool()).append(' ').append(m.peerId()).append(" | ").append(cell(m.note())).append(" |\n");
            }
        }
        return b.toString();
    }

    private static List<Comparison> sorted(List<Comparison> list) {
        List<Comparison> out = new ArrayList<>(list);
        out.sort((x, y) -> {
            int c = (x.tool() + " " + x.check()).compareTo(y.tool() + " " + y.check());
            return c != 0 ? c : (x.caseDir() + x.resource()).compareTo(y.caseDir() + y.resource());
        });
        return out;
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
