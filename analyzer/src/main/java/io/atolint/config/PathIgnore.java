package io.atolint.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ignore-paths} of a configuration: glob patterns ({@code legacy/**}, {@code **}{@code /*.test.yaml},
 * {@code sandbox}) matched against a file's path relative to the configuration's directory, and against
 * each of its parent directories, so that naming a directory ignores what is inside. Patterns are
 * {@link Glob}s, matched in linear time whatever a pull request writes.
 */
public final class PathIgnore {
    private final List<Glob> globs = new ArrayList<>();

    /** @throws Glob.InvalidPattern for a pattern that is not a glob (the reader reports it by position first) */
    public PathIgnore(List<String> patterns) {
        for (String p : patterns) {
            globs.add(Glob.compile(normalise(p)));
        }
    }

    /** A leading {@code ./} and a trailing {@code /} say nothing more: the path is relative, a directory covers its files. */
    static String normalise(String pattern) {
        String glob = pattern;
        while (glob.startsWith("./")) {
            glob = glob.substring(2);
        }
        while (glob.endsWith("/") && !glob.endsWith("\\/")) {
            glob = glob.substring(0, glob.length() - 1);
        }
        return glob;
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /** Whether a path relative to the configuration's directory ({@code /}-separated) is ignored. */
    public boolean ignores(String relativePath) {
        if (globs.isEmpty() || relativePath.isEmpty() || relativePath.startsWith("../")) {
            return false;
        }
        for (Glob g : globs) {
            if (g.matchesPathOrParent(relativePath)) {
                return true;
            }
        }
        return false;
    }
}
