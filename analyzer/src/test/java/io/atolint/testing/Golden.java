package io.atolint.testing;

import io.atolint.report.Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden files under {@code analyzer/src/test/resources/golden/}: a report must equal its golden byte for
 * byte (the tool version is written as {@code <version>}). When a change is intended — a new rule that
 * fires on the fixture, a new report field — regenerate them with {@code dev/update-goldens} and review
 * the diff before committing.
 */
public final class Golden {
    public static final String REGENERATE = "dev/update-goldens";

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = Repo.path("analyzer/src/test/resources/golden/" + name);
        String normalised = normalise(actual);
        try {
            if (Boolean.getBoolean("atolint.updateGoldens")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + Repo.root().relativize(file) + " is missing; create it with " + REGENERATE);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(normalised)) {
                fail("the report differs from " + Repo.root().relativize(file) + firstDifference(expected, normalised)
                        + "\nIf the change is intended, regenerate the goldens with " + REGENERATE
                        + " and review the diff.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String normalise(String report) {
        return report.replace(Version.get(), "<version>");
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "\n  first difference at line " + (i + 1) + ":\n  golden: " + el + "\n  actual: " + al;
            }
        }
        return "";
    }
}
