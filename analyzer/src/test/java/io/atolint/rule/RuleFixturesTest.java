package io.atolint.rule;

import io.atolint.analysis.Analysis;
import io.atolint.checks.Rules;
import io.atolint.analysis.Analyzer;
import io.atolint.model.Finding;
import io.atolint.parse.ParseFindings;
import io.atolint.testing.FixtureCase;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generic fixture harness: every case folder of every registered rule is scanned as one tree, that
 * rule alone runs, and its findings must be exactly the ones the case's markers announce. Discovered,
 * never hand-listed.
 */
class RuleFixturesTest {

    @TestFactory
    List<DynamicNode> everyRuleMatchesItsFixtures() {
        List<DynamicNode> rules = new ArrayList<>();
        for (Check check : Rules.all()) {
            String id = check.meta().id();
            List<DynamicNode> cases = new ArrayList<>();
            for (FixtureCase c : FixtureCase.of(id)) {
                cases.add(DynamicTest.dynamicTest(c.dir().getFileName().toString(), c.dir().toUri(), () -> run(check, c)));
            }
            rules.add(DynamicContainer.dynamicContainer(id, cases));
        }
        return rules;
    }

    private static void run(Check check, FixtureCase c) {
        Analysis a = new Analyzer(List.of(check)).withPairs(c.pairs()).analyze(List.of(c.tree()), c.parseOptions());
        assertTrue(!a.graph().models().isEmpty() || !c.expected().isEmpty() || c.option("emptyOk") != null,
                c.display() + ": nothing was read from the case folder");
        List<Finding> parseErrors = a.findings().stream()
                .filter(f -> f.ruleId().equals(ParseFindings.INVALID) || f.ruleId().equals(ParseFindings.LIMIT)).toList();
        if (!parseErrors.isEmpty()) {
            fail(c.display() + ": the fixture does not read cleanly: " + parseErrors);
        }
        List<Finding> mine = a.findings().stream().filter(f -> f.ruleId().equals(check.meta().id())).toList();
        String diff = c.compare(mine);
        if (!diff.isEmpty()) {
            fail(c.display() + ":" + diff);
        }
    }
}
