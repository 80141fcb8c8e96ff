package io.atolint.checklist;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verdicts on real fixtures: what each rule examined and found decides Met, Not met and Needs evidence. */
class ChecklistEvaluatorTest {

    private static Analysis analyze(String dir, ParseOptions options, List<Check> checks) {
        FileSystemSourceTree tree = new FileSystemSourceTree(Repo.path(dir), dir, Limits.defaults());
        return new Analyzer(checks).analyze(List.of(tree), options);
    }

    private static Analysis standard(String dir, ParseOptions options) {
        return analyze(dir, options, io.atolint.checks.Rules.all());
    }

    /** The assessment of an analysis's findings and runs. */
    private static Assessment evaluate(ChecklistEvaluator e, Analysis a, Category category) {
        return e.evaluate(a.findings(), a.runs(), category);
    }

    private static ItemAssessment item(Assessment a, String id) {
        return a.item(id).orElseThrow();
    }

    @Test
    void findingsMakeAnItemNotMetAndListThem() {
        Assessment a = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/demo/three-tier", ParseOptions.defaults().withRegion("us-east-1")), null);
        ItemAssessment tv32 = item(a, "TV-3.2");
        assertEquals(Verdict.NOT_MET, tv32.verdict());
        assertNull(tv32.gap());
        // The demo's one-AZ load balancer (HA001), its one NAT gateway for two AZs (SPOF001) and its
        // single-AZ database behind a multi-AZ group (SPOF004).
        assertEquals(List.of("HA001", "SPOF001", "SPOF004"), tv32.failures().stream().map(f -> f.ruleId()).toList());
        assertTrue(tv32.failures().get(0).message().startsWith("ALB \"WebAlb\" has subnets in 1 AZ"));
        assertTrue(tv32.reason().startsWith("3 findings from "), tv32.reason());
        assertTrue(a.anyNotMet());
    }

    @Test
    void aStagingVpcDrawnInOneAzBesideAMultiAzProductionLeavesTheAvailabilityItemsMet() {
        Assessment a = evaluate(ChecklistEvaluator.standard(),
                standard("fixtures/rules/SPOF002/drawio-staging-vpc-in-one-az-beside-production", ParseOptions.defaults()),
                null);
        for (String id : List.of("AD-4", "TV-3.2")) {
            ItemAssessment it = item(a, id);
            assertEquals(Verdict.MET, it.verdict(), id + ": " + it.reason());
            assertTrue(it.informational().stream().anyMatch(f -> f.message().contains("Staging VPC")),
                    id + ": the staging copy's notes are shown as facts, not as results left undecided");
        }
    }

    @Test
    void aDiagramThatShowsEveryRequiredElementMeetsTheDiagramItems() {
        Assessment good = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/rules/HA002/drawio-web-tier-in-two-az-boxes", ParseOptions.defaults()), null);
        List<String> diagramItems = Checklist.standard().items().stream().map(ChecklistItem::id)
                .filter(id -> id.startsWith("AD-")).toList();
        assertFalse(diagramItems.isEmpty(), "the checklist has diagram (AD-) items");
        for (String id : diagramItems) {
            assertEquals(Verdict.MET, item(good, id).verdict(), id + ": " + item(good, id).reason());
        }
        Assessment demo = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/demo/three-tier-drawio", ParseOptions.defaults()), null);
        assertEquals(Verdict.NOT_MET, item(demo, "AD-4").verdict(), "NAT gateway and database drawn in one AZ");
        assertEquals(Verdict.MET, item(demo, "AD-3").verdict(), item(demo, "AD-3").reason());
        Assessment iacOnly = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/demo/three-tier", ParseOptions.defaults()), null);
        assertEquals(Verdict.NEEDS_EVIDENCE, item(iacOnly, "AD-1").verdict(), "no diagram: nothing to judge");
    }

    @Test
    void rulesThatExaminedResourcesAndFoundNothingMakeItMet() {
        Assessment a = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/rules/HA001/cfn-yaml-distinct-az-parameters", ParseOptions.defaults()), null);
        ItemAssessment tv32 = item(a, "TV-3.2");
        assertEquals(Verdict.MET, tv32.verdict(), tv32.reason());
        RuleEvidence ha = tv32.rules().get(0);
        assertTrue(ha.ran());
        assertTrue(ha.examinedResources().stream().allMatch(r -> r.kind() == Kind.LOAD_BALANCER));
        assertTrue(tv32.reason().startsWith("HA001 examined " + ha.examinedCount() + "; no finding"), tv32.reason());
        assertTrue(ha.examinedCount() >= 1);
    }

    @Test
    void onlyCannotProveNotesGiveNeedsEvidenceForUnknownResults() {
        Assessment a = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/rules/HA001/cfn-yaml-literal-and-getazs-without-region", ParseOptions.defaults()), null);
        ItemAssessment tv32 = item(a, "TV-3.2");
        assertEquals(Verdict.NEEDS_EVIDENCE, tv32.verdict());
        assertEquals(EvidenceGap.UNKNOWN_RESULTS, tv32.gap());
        assertEquals(1, tv32.undecided().size());
        assertTrue(tv32.undecided().get(0).message().contains("cannot prove"));
    }

    @Test
    void aRuleWithNothingToLookAtNeverMakesAnItemMet() {
        Assessment a = evaluate(ChecklistEvaluator.standard(), 
                standard("fixtures/checklist/no-load-balancer", ParseOptions.defaults()), null);
        ItemAssessment tv32 = item(a, "TV-3.2");
        assertEquals(Verdict.NEEDS_EVIDENCE, tv32.verdict());
        assertEquals(EvidenceGap.NOTHING_IN_SCOPE, tv32.gap());
        assertTrue(tv32.reason().startsWith("no resource in scope for HA001"), tv32.reason());
        assertTrue(a.inputProblems().isEmpty());
    }

    @Test
    void unreadableInputsAreCarriedAsInputProblems() {
        Assessment a = evaluate(ChecklistEvaluator.standard(), standard("fixtures/cli/mixed", ParseOptions.defaults()), null);
        assertTrue(a.inputProblems().stream().anyMatch(f -> f.location().file().endsWith("broken.yaml")), a.inputProblems().toString());
    }

    @Test
    void rulesThatDidNotRunAreSaidSo() {
        Assessment a = evaluate(ChecklistEvaluator.standard(), 
                analyze("fixtures/demo/three-tier", ParseOptions.defaults(), List.of()), null);
        assertEquals(EvidenceGap.RULES_NOT_RUN, item(a, "TV-3.2").gap());
    }

    @Test
    void theCategoryExemptsWhatTheChecklistExemptsAndManualItemsNeedEvidence() {
        Analysis analysis = standard("fixtures/demo/three-tier", ParseOptions.defaults().withRegion("us-east-1"));
        Assessment cd = evaluate(ChecklistEvaluator.standard(), analysis, Category.CUSTOMER_DEPLOYED);
        for (String id : ChecklistDataTest.NOT_FOR_CUSTOMER_DEPLOYED) {
            ItemAssessment i = item(cd, id);
            assertEquals(Verdict.NOT_APPLICABLE, i.verdict(), id);
            assertTrue(i.reason().contains("Customer-Deployed"), i.reason());
        }
        assertEquals(ChecklistDataTest.NOT_FOR_CUSTOMER_DEPLOYED.size(), cd.counts().get(Verdict.NOT_APPLICABLE));
        ItemAssessment tv33 = item(cd, "TV-3.3");
        assertEquals(EvidenceGap.MANUAL, tv33.gap());
        assertTrue(tv33.reason().contains("game day"), tv33.reason());

        Assessment saas = evaluate(ChecklistEvaluator.standard(), analysis, Category.MULTI_TENANT_SAAS);
        assertEquals(0, saas.counts().get(Verdict.NOT_APPLICABLE));
        assertEquals(cd.items().size(), saas.items().size());
    }

    // ------------------------------------------------------------------ scope, notes and facts

    /** Examines every subnet; reports the first as failing, notes the second, informs about the rest. */
    @Rule(id = "TST001", title = "test", severity = Severity.MEDIUM)
    static final class Graded implements Check {
        @Override
        public void check(RuleContext ctx) {
            List<Resource> subnets = ctx.inScope(Kind.SUBNET);
            for (int i = 0; i < subnets.size(); i++) {
                Resource s = subnets.get(i);
                if (i == 0 && ctx.options().parameters().containsKey("fail")) {
                    ctx.report(s, "failing");
                } else if (i == 1 && ctx.options().parameters().containsKey("note")) {
                    ctx.note(s, s.location(), "cannot prove", List.of());
                } else {
                    ctx.inform(s, s.location(), "a fact", List.of());
                }
            }
        }
    }

    private static final Checklist ONE_ITEM = Checklist.parse("""
            items:
              - id: X-1
                section: s
                title: t
                requirement: r.
                applies: [managed-service]
                rules: [TST001]
            """);

    private static Assessment graded(ParseOptions options) {
        return evaluate(new ChecklistEvaluator(ONE_ITEM), 
                analyze("fixtures/demo/three-tier", options, List.of(new Graded())), Category.MANAGED_SERVICE);
    }

    @Test
    void informationalFactsPassWhileNotesLeaveTheItemUndecided() {
        ItemAssessment facts = graded(ParseOptions.defaults()).items().get(0);
        assertEquals(Verdict.MET, facts.verdict(), facts.reason());
        assertTrue(facts.informational().size() >= 2);
        assertTrue(facts.undecided().isEmpty());

        ItemAssessment noted = graded(ParseOptions.defaults().withParameters(java.util.Map.of("note", "1"))).items().get(0);
        assertEquals(EvidenceGap.UNKNOWN_RESULTS, noted.gap());
        assertEquals(List.of("cannot prove"), noted.undecided().stream().map(Finding::message).toList());

        ItemAssessment failed = graded(ParseOptions.defaults().withParameters(java.util.Map.of("fail", "1", "note", "1")))
                .items().get(0);
        assertEquals(Verdict.NOT_MET, failed.verdict(), "a failure outweighs notes");
        assertEquals(1, failed.undecided().size());
    }

    @Test
    void suppressedFindingsAreListedButNeverFail() {
        Analysis a = analyze("fixtures/demo/three-tier", ParseOptions.defaults().withParameters(java.util.Map.of("fail", "1")),
                List.of(new Graded()));
        Analysis suppressed = a.withFindings(a.findings().stream().map(f -> f.severity() == Severity.INFO ? f
                : f.withSuppression(new Finding.Suppression("inline", "accepted risk", f.location()))).toList());
        ItemAssessment i = evaluate(new ChecklistEvaluator(ONE_ITEM), suppressed, null).items().get(0);
        assertEquals(Verdict.MET, i.verdict());
        assertEquals(1, i.rules().get(0).suppressed().size());
    }

    @Test
    void scanForACategoryDropsOnlyFindingsOfExemptRules() {
        Analysis a = analyze("fixtures/demo/three-tier", ParseOptions.defaults().withParameters(java.util.Map.of("fail", "1")),
                List.of(new Graded()));
        assertTrue(ONE_ITEM.applicable(a.findings(), Category.CUSTOMER_DEPLOYED).stream().noneMatch(f -> f.ruleId().equals("TST001")));
        assertEquals(a.findings(), ONE_ITEM.applicable(a.findings(), Category.MANAGED_SERVICE));
        assertEquals(a.findings(), ONE_ITEM.applicable(a.findings(), null));
    }
}
