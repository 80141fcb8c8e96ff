package io.atolint.rule;

import io.atolint.checklist.Checklist;
import io.atolint.checks.Rules;
import io.atolint.testing.FixtureCase;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fails when a check is missing from the registry, undocumented, untested, or mapped to no checklist item. */
class RulesMetaTest {

    /** Every class annotated {@link Rule} in the compiled main classes. */
    private static Set<String> annotatedClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of(Check.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> c = Class.forName(name, false, Check.class.getClassLoader());
                if (c.isAnnotationPresent(Rule.class)) {
                    out.add(c.getName());
                }
            }
        }
        return out;
    }

    @Test
    void everyAnnotatedCheckIsRegisteredOnce() throws Exception {
        Set<String> registered = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Check c : Rules.all()) {
            assertTrue(registered.add(c.getClass().getName()), "registered twice: " + c.getClass());
            assertTrue(ids.add(c.meta().id()), "duplicate rule id " + c.meta().id());
            assertTrue(c.meta().id().matches("(?:[A-Z]{2,6}|S3)\\d{3}"), "rule id must be AREA + 3 digits (areas are letters; S3 is the one exception): " + c.meta().id());
        }
        assertEquals(annotatedClasses(), registered, "classes annotated @Rule vs Rules.all()");
    }

    @Test
    void everyRuleHasDocumentationAndFixtureCasesBothWays() {
        List<String> problems = new ArrayList<>();
        for (Check c : Rules.all()) {
            String id = c.meta().id();
            RuleInfo info = RuleInfo.of(c);
            if (info.documentation() == null) {
                problems.add(id + ": no rules/" + id + ".md");
            } else if (!info.documentation().startsWith("# " + id)) {
                problems.add(id + ": rules/" + id + ".md must start with '# " + id + "'");
            }
            List<FixtureCase> cases = FixtureCase.of(id);
            if (cases.stream().noneMatch(FixtureCase::isCompliant)) {
                problems.add(id + ": no compliant fixture case in fixtures/rules/" + id);
            }
            if (cases.stream().allMatch(FixtureCase::isCompliant)) {
                problems.add(id + ": no non-compliant fixture case in fixtures/rules/" + id);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyFixtureFolderBelongsToARule() throws IOException {
        Set<String> ids = new HashSet<>();
        Rules.all().forEach(c -> ids.add(c.meta().id()));
        try (Stream<Path> dirs = Files.list(Repo.path("fixtures/rules"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(ids.contains(d.getFileName().toString()), "fixtures for an unknown rule: " + d);
            }
        }
    }

    /** Rules about atolint's own inputs (suppressions) evidence no checklist item; they carry the tag "tooling". */
    @Test
    void everyRuleMapsToAChecklistItem() {
        for (Check c : Rules.all()) {
            if (List.of(c.meta().tags()).contains("tooling")) {
                assertTrue(Checklist.standard().itemsFor(c.meta().id()).isEmpty(),
                        c.meta().id() + " is tagged tooling but evidences a checklist item");
                continue;
            }
            assertTrue(!Checklist.standard().itemsFor(c.meta().id()).isEmpty(),
                    c.meta().id() + " evidences no checklist item in checklist.yaml");
        }
    }
}
