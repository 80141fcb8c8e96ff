package io.atolint.docs;

import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.rule.Check;
import io.atolint.checks.Rules;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** docs/rules.md is generated: it must equal what the rules, their docs, the checklist and the fixtures give now. */
class RulesDocTest {

    private static String generated;

    /** Generating runs every rule on its fixtures: once for both tests. */
    private static synchronized String generated() {
        if (generated == null) {
            generated = RulesReference.render(new FileSystemSourceTree(Repo.path("fixtures/rules"), "fixtures/rules",
                    Limits.defaults()));
        }
        return generated;
    }

    @Test
    void theCommittedRulesReferenceIsUpToDate() throws IOException {
        Path committed = Repo.path("docs/rules.md");
        String expected = generated();
        if (!Files.exists(committed)) {
            fail("docs/rules.md is missing; generate it from the repository root with:\n    " + RulesReference.REGENERATE);
        }
        String actual = Files.readString(committed, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            String[] a = actual.split("\n", -1);
            String[] e = expected.split("\n", -1);
            int line = 0;
            while (line < Math.min(a.length, e.length) && a[line].equals(e[line])) {
                line++;
            }
            fail("docs/rules.md is stale: a rule, its rules/<ID>.md, checklist.yaml or its fixtures changed since it was"
                    + " generated (first difference at line " + (line + 1) + ":\n    committed: "
                    + (line < a.length ? a[line] : "<end>") + "\n    expected:  " + (line < e.length ? e[line] : "<end>")
                    + ").\nRegenerate it from the repository root with:\n    " + RulesReference.REGENERATE
                    + "\nand commit it with your change.");
        }
    }

    @Test
    void everyRuleHasASectionAndEveryCheckAFailingExample() {
        String doc = generated();
        for (Check c : Rules.all()) {
            String id = c.meta().id();
            int at = doc.indexOf("\n## " + id + " ");
            assertTrue(at > 0, id + " has a section");
            int next = doc.indexOf("\n## ", at + 1);
            String section = doc.substring(at, next < 0 ? doc.length() : next);
            assertTrue(section.contains("**Non-compliant** (`fixtures/rules/" + id + "/"),
                    id + ": a non-compliant example from its own fixtures");
        }
    }
}
