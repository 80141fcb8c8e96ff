package io.atolint.checklist;

import io.atolint.rule.Check;
import io.atolint.checks.RuleCatalog;
import io.atolint.rule.RuleInfo;
import io.atolint.checks.Rules;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * checklist.yaml against the checklist: every item id of the document is there and nothing else, with
 * the applicability the document states; and the mapping both ways against the rule registry.
 */
class ChecklistDataTest {

    /** Item ids as the checklist numbers them (facts from the document, in its order). */
    static final List<String> DOCUMENT_IDS = List.of(
            "PRQ-1.1", "PRQ-1.2", "PRQ-1.3", "PRQ-2.1", "PRQ-2.2", "PRQ-3.1", "PRQ-3.2", "PRQ-4.1", "PRQ-4.2",
            "PRQ-4.3", "PRQ-5.1",
            "AD-1", "AD-2", "AD-3", "AD-4", "AD-5",
            "TV-1.1", "TV-1.2", "TV-1.3", "TV-1.4", "TV-1.5", "TV-1.6", "TV-1.7", "TV-1.8", "TV-1.9", "TV-1.10",
            "TV-1.11", "TV-1.12", "TV-1.13", "TV-1.14", "TV-1.15", "TV-1.16", "TV-1.17", "TV-1.18", "TV-1.19",
            "TV-1.20", "TV-1.21", "TV-1.22",
            "TV-2.1", "TV-2.2", "TV-2.3", "TV-2.4", "TV-2.5", "TV-2.6", "TV-2.7", "TV-2.8",
            "TV-3.1", "TV-3.2", "TV-3.3", "TV-3.4",
            "TV-4.1",
            "TV-5.1", "TV-5.2", "TV-5.3", "TV-5.4");

    /** The items the document says are "Not applicable to Customer-Deployed"; all others apply to every category. */
    static final Set<String> NOT_FOR_CUSTOMER_DEPLOYED = Set.of("TV-1.1", "TV-1.5", "TV-1.6", "TV-1.7", "TV-1.8",
            "TV-1.9", "TV-1.10", "TV-1.11", "TV-1.12", "TV-1.22", "TV-2.3", "TV-2.8", "TV-3.1", "TV-3.4");

    private final Checklist checklist = Checklist.standard();

    @Test
    void holdsEveryItemOfTheDocumentInItsOrderAndNothingElse() {
        assertEquals(DOCUMENT_IDS, checklist.items().stream().map(ChecklistItem::id).toList());
    }

    @Test
    void applicabilityIsTheDocumentsOwn() {
        for (ChecklistItem i : checklist.items()) {
            Set<String> expected = new LinkedHashSet<>(Checklist.CATEGORIES);
            if (NOT_FOR_CUSTOMER_DEPLOYED.contains(i.id())) {
                expected.remove(Category.CUSTOMER_DEPLOYED.id());
            }
            assertEquals(expected, i.applies(), i.id());
            assertEquals(!NOT_FOR_CUSTOMER_DEPLOYED.contains(i.id()), i.appliesTo(Category.CUSTOMER_DEPLOYED), i.id());
            assertTrue(i.appliesTo(null), i.id() + " applies when no category is chosen");
        }
    }

    @Test
    void everyItemHasRulesOrSaysWhatManualEvidenceIsExpected() {
        for (ChecklistItem i : checklist.items()) {
            assertFalse(i.title().isBlank() || i.requirement().isBlank() || i.section().isBlank(), i.id());
            assertTrue(!i.rules().isEmpty() || (i.expects() != null && !i.expects().isBlank()),
                    i.id() + " has neither rules nor expected manual evidence");
            assertTrue(i.requirement().endsWith("."), i.id() + ": requirement is one sentence");
        }
    }

    @Test
    void everyReferencedRuleExistsAndEveryRuleMapsToAnItem() {
        Set<String> known = RuleCatalog.all().stream().map(RuleInfo::id).collect(Collectors.toSet());
        for (ChecklistItem i : checklist.items()) {
            for (String r : i.rules()) {
                assertTrue(known.contains(r), i.id() + " names unknown rule " + r);
            }
        }
        for (Check c : Rules.all()) {
            if (java.util.List.of(c.meta().tags()).contains("tooling")) {
                continue; // rules about atolint's own inputs (suppressions) evidence no item
            }
            assertFalse(checklist.itemsFor(c.meta().id()).isEmpty(), c.meta().id() + " evidences no checklist item");
        }
    }

    @Test
    void ruleAppliesFollowsItsItems() {
        assertTrue(checklist.ruleApplies("HA001", Category.CUSTOMER_DEPLOYED));
        assertTrue(checklist.ruleApplies("PARSE001", Category.CUSTOMER_DEPLOYED), "unmapped ids always apply");
        Checklist onlySaas = Checklist.parse("""
                items:
                  - id: X-1
                    section: s
                    title: t
                    requirement: r.
                    applies: [multi-tenant-saas]
                    rules: [R001]
                """);
        assertFalse(onlySaas.ruleApplies("R001", Category.CUSTOMER_DEPLOYED));
        assertTrue(onlySaas.ruleApplies("R001", Category.MULTI_TENANT_SAAS));
        assertTrue(onlySaas.ruleApplies("R001", null));
    }

    @Test
    void malformedDataFailsLoudlyNamingTheItem() {
        String base = """
                items:
                  - id: X-1
                    section: s
                    title: t
                    requirement: r.
                """;
        assertMessage(base + "    applies: [customer-deployed]\n", "X-1 has neither rules nor 'evidence: manual'");
        assertMessage(base + "    applies: [customer-deployed]\n    evidence: manual\n", "X-1 is manual but says nothing");
        assertMessage(base + "    applies: [on-prem]\n    rules: [A001]\n", "unknown category on-prem");
        assertMessage(base + "    applies: [customer-deployed]\n    rule: [A001]\n", "unknown key 'rule'");
        assertMessage(base + "    applies: []\n    rules: [A001]\n", "'applies' names no category");
        assertMessage(base + "    applies: [customer-deployed]\n    evidence: automatic\n    expects: x\n", "evidence must be 'manual'");
        assertMessage(base + "    applies: [customer-deployed]\n    rules: [A001]\n" + base.substring("items:\n".length())
                + "    applies: [customer-deployed]\n    rules: [A001]\n", "duplicate item X-1");
    }

    private static void assertMessage(String yaml, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checklist.parse(yaml));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    // ------------------------------------------------------------------ cross-check with the document

    private static final Path DOCUMENT = Path.of("/work/shared/reference/ato-on-aws-partner-validation-checklist.txt");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d)\\.(\\d{1,2}) \\S");
    private static final Pattern DIAGRAM = Pattern.compile("^(\\d)\\. (Shows|Includes) ");

    /**
     * Reads ids and "Not applicable to Customer-Deployed" straight from the document when it is present
     * (developer machines), so the tables above cannot drift from it.
     */
    @Test
    void tablesAboveMatchTheDocumentText() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(DOCUMENT), "the checklist document is not on this machine");
        List<String> lines = Files.readAllLines(DOCUMENT);
        Map<String, StringBuilder> blocks = new LinkedHashMap<>();
        String prefix = "PRQ-";
        boolean diagrams = false;
        StringBuilder current = null;
        for (String line : lines) {
            if (line.contains("Technology Partner Validation Checklist") && !line.contains("Self-")) {
                prefix = "TV-";
            }
            if (line.startsWith("The architecture diagram(s) must meet")) {
                diagrams = true;
            }
            Matcher d = DIAGRAM.matcher(line);
            if (diagrams && d.find()) {
                blocks.put("AD-" + d.group(1), new StringBuilder());
                current = null;
                continue;
            }
            Matcher m = NUMBERED.matcher(line);
            if (m.find()) {
                diagrams = false;
                if (m.group(2).equals("0")) {
                    current = null;
                } else {
                    current = new StringBuilder();
                    blocks.put(prefix + m.group(1) + "." + m.group(2), current);
                }
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        List<String> ids = new ArrayList<>(blocks.keySet());
        assertEquals(new LinkedHashSet<>(DOCUMENT_IDS), new LinkedHashSet<>(ids));
        Set<String> exempt = new LinkedHashSet<>();
        blocks.forEach((id, text) -> {
            String flat = text.toString().replaceAll("\\s+", " ");
            if (flat.contains("Not applicable to Customer-Deployed") || flat.contains("Not applicable to Customer- Deployed")) {
                exempt.add(id);
            }
        });
        assertEquals(NOT_FOR_CUSTOMER_DEPLOYED, exempt);
    }
}
