package io.atolint.triage;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.report.Fingerprints;
import io.atolint.rule.SourceText;
import io.atolint.suppress.Declaration;
import io.atolint.suppress.Declarations;
import io.atolint.suppress.PeerRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each finding becomes before it is reported: dropped (its rule is disabled in the
 * configuration), re-severitied (a configured override), suppressed by a declaration in the files
 * (atolint's or a peer tool's syntax) or by the baseline. Suppressed findings are kept, marked, so that
 * JSON and SARIF show them and text counts them; nothing is dropped silently except disabled rules.
 */
public final class Triage {
    /**
     * @param disabled   rule ids whose findings are dropped
     * @param severities configured severity per rule id
     * @param baseline   known findings, or null
     * @param peers      the peer-tool id table
     */
    public record Settings(Set<String> disabled, Map<String, Severity> severities, Baseline baseline, PeerRules peers) {
        public Settings {
            disabled = Set.copyOf(disabled);
            severities = Map.copyOf(severities);
        }

        public Settings(Set<String> disabled, Map<String, Severity> severities, Baseline baseline) {
            this(disabled, severities, baseline, PeerRules.standard());
        }

        public static Settings none() {
            return new Settings(Set.of(), Map.of(), null);
        }

        public Settings withPeers(PeerRules p) {
            return new Settings(disabled, severities, baseline, p);
        }
    }

    private Triage() {
    }

    public static Analysis apply(Analysis a, SourceText sources, Settings settings) {
        Map<String, List<Declaration>> declarations = byRule(Declarations.collect(a.graph(), sources, settings.peers()));
        Map<String, Integer> budget = settings.baseline() == null ? Map.of() : settings.baseline().budget();
        List<Finding> out = new ArrayList<>();
        // fingerprints are only compared with a baseline (hashing them loads the JDK's security providers)
        Map<Finding, String> fingerprints = settings.baseline() == null ? Map.of() : Fingerprints.of(a.findings());
        List<String> keys = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (settings.disabled().contains(f.ruleId())) {
                continue;
            }
            Finding g = f;
            Severity override = settings.severities().get(f.ruleId());
            if (override != null) {
                g = g.withSeverity(override);
            }
            if (!g.isSuppressed()) {
                g = suppressByDeclaration(g, declarations);
            }
            out.add(g);
            keys.add(settings.baseline() == null ? null : settings.baseline().keyOf(f, fingerprints.get(f)));
        }
        // the baseline absorbs what is left, so a finding suppressed in the file never uses up an entry
        if (settings.baseline() != null) {
            Map<String, Integer> left = new java.util.HashMap<>(budget);
            for (int i = 0; i < out.size(); i++) {
                Finding f = out.get(i);
                if (f.isSuppressed() || f.severity() == Severity.INFO) {
                    continue;
                }
                String fp = keys.get(i);
                int n = left.getOrDefault(fp, 0);
                if (n > 0) {
                    left.put(fp, n - 1);
                    out.set(i, f.withSuppression(new Finding.Suppression("baseline",
                            "known finding, listed in the baseline " + settings.baseline().name(), null)));
                }
            }
        }
        out.sort(Analyzer.ORDER);
        return a.withFindings(out);
    }

    /**
     * The declarations naming each rule, in the order they were collected: a finding is compared only with
     * those that name its rule (a corpus can hold thousands of declarations and findings), and the first
     * one that covers it is still the first of them all.
     */
    private static Map<String, List<Declaration>> byRule(List<Declaration> declarations) {
        Map<String, List<Declaration>> out = new HashMap<>();
        for (Declaration d : declarations) {
            for (String rule : d.rules()) {
                List<Declaration> naming = out.computeIfAbsent(rule, k -> new ArrayList<>());
                // a declaration naming the same rule twice is compared once
                if (naming.isEmpty() || naming.get(naming.size() - 1) != d) {
                    naming.add(d);
                }
            }
        }
        return out;
    }

    private static Finding suppressByDeclaration(Finding f, Map<String, List<Declaration>> declarations) {
        for (Declaration d : declarations.getOrDefault(f.ruleId(), List.of())) {
            if (d.covers(f)) {
                String why = d.hasReason() ? d.reason() : "no reason given (" + d.written() + ")";
                return f.withSuppression(new Finding.Suppression(d.tool(), why, d.at()));
            }
        }
        return f;
    }
}
