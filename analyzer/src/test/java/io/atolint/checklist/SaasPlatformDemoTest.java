package io.atolint.checklist;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-assessment of the saas-platform demo (CloudFormation workload + Terraform account settings)
 * end to end: the baseline and security items it satisfies are Met, its three deliberate gaps are Not
 * met with the rule that found each, and a customer-deployed assessment exempts what the checklist exempts.
 */
class SaasPlatformDemoTest {
    private static final String DEMO = "fixtures/demo/saas-platform";

    private static Analysis analysis() {
        FileSystemSourceTree tree = new FileSystemSourceTree(Repo.path(DEMO), DEMO, Limits.defaults());
        return Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1"));
    }

    private static Set<String> ids(Assessment a, Verdict v) {
        Set<String> out = new TreeSet<>();
        a.items().stream().filter(i -> i.verdict() == v).forEach(i -> out.add(i.item().id()));
        return out;
    }

    @Test
    void theBaselineAndSecurityItemsAreDecidedFromTheFiles() {
        Assessment a = analysis().forCategory(Category.MULTI_TENANT_SAAS).checklist();
        assertTrue(a.inputProblems().isEmpty(), a.inputProblems().toString());
        Set<String> met = ids(a, Verdict.MET);
        for (String id : List.of("TV-1.5", "TV-1.6", "TV-1.10", "TV-1.12", "TV-1.13", "TV-1.14", "TV-1.15", "TV-1.20",
                "TV-1.21", "TV-1.22", "TV-2.3", "TV-2.5", "TV-2.7", "TV-5.1", "TV-5.3")) {
            assertTrue(met.contains(id), id + " is Met: " + a.item(id).orElseThrow().reason());
        }
        assertEquals("LOG004", ruleOfOnlyFailure(a, "TV-1.7"));
        assertEquals("SG001", ruleOfOnlyFailure(a, "TV-2.2"));
        assertEquals("BAK004", ruleOfOnlyFailure(a, "TV-3.4"));
        ItemAssessment tv21 = a.item("TV-2.1").orElseThrow();
        assertEquals(EvidenceGap.NOTHING_IN_SCOPE, tv21.gap(), "no access key in the files proves nothing about keys in use");
        assertEquals(EvidenceGap.MANUAL, a.item("TV-3.3").orElseThrow().gap());
        assertTrue(a.item("TV-1.6").orElseThrow().informational().stream()
                .anyMatch(f -> f.message().contains("its owning account is not visible here")));
    }

    private static String ruleOfOnlyFailure(Assessment a, String id) {
        ItemAssessment i = a.item(id).orElseThrow();
        assertEquals(Verdict.NOT_MET, i.verdict(), id + ": " + i.reason());
        List<Finding> f = i.failures();
        assertEquals(1, f.size(), id + ": " + f);
        return f.get(0).ruleId();
    }

    @Test
    void customerDeployedExemptsExactlyWhatTheChecklistExempts() {
        Assessment a = analysis().forCategory(Category.CUSTOMER_DEPLOYED).checklist();
        assertEquals(new TreeSet<>(ChecklistDataTest.NOT_FOR_CUSTOMER_DEPLOYED), ids(a, Verdict.NOT_APPLICABLE));
        assertEquals("not applicable to Customer-Deployed solutions (checklist exemption)",
                a.item("TV-1.5").orElseThrow().reason());
        assertTrue(ids(a, Verdict.NOT_MET).contains("TV-2.2"), "TV-2.2 applies to every category");
    }
}
