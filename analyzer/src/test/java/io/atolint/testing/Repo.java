package io.atolint.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where fixtures/ lives (set by surefire as {@code atolint.root}). */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        String prop = System.getProperty("atolint.root");
        Path p = prop != null ? Path.of(prop).toAbsolutePath().normalize() : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("fixtures/ not found");
        }
        return p;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
