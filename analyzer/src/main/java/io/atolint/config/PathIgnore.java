package io.atolint.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ignore-paths} of a configuration: glob patterns ({@code legacy/**}, {@code **}{@code /*.test.yaml},
 * {@code sandbox}) matched against a file's path relative to the configuration's directory, and against
 * each of its parent directories, so that naming a directory ignores what is inside.
 */
public final class PathIgnore {
    private final List<PathMatcher> matchers = new ArrayList<>();
    private final List<String> patterns;

    public PathIgnore(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String p : patterns) {
            String glob = p.replace('\\', '/');
            while (glob.startsWith("./")) {
                glob = glob.substring(2);
            }
            if (glob.endsWith("/")) {
                glob = glob.substring(0, glob.length() - 1);
            }
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether a path relative to the configuration's directory ({@code /}-separated) is ignored. */
    public boolean ignores(String relativePath) {
        if (matchers.isEmpty() || relativePath.isEmpty() || relativePath.startsWith("../")) {
            return false;
        }
        Path p = Path.of(relativePath);
        for (Path cur = p; cur != null; cur = cur.getParent()) {
            for (PathMatcher m : matchers) {
                if (m.matches(cur)) {
                    return true;
                }
            }
        }
        return false;
    }
}
