package io.atolint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Access to the repository's fixtures/ folder from parser tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("fixtures/ not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Loads a fixture directory into a memory tree, with paths relative to the repository root. */
    public static MemoryTree load(String relativeDir) {
        Path repo = root();
        MemoryTree tree = new MemoryTree();
        try (Stream<Path> files = Files.walk(repo.resolve(relativeDir))) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    tree.putBytes(repo.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }
}
