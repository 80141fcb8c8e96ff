package io.atolint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The boundary of a scanned repository: the enclosing git work tree (the nearest directory holding
 * {@code .git}, a directory or a worktree's file), or the scan root itself when there is none. What the
 * repository writes ({@code .atolint.yml}) may only make atolint read or write inside it: configuration
 * discovery climbs no higher, and files a configuration names must stay inside, also after symbolic
 * links. The command line may name any path: the user typed it.
 */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /** The repository root of a scanned path (a directory, or a file whose directory counts). */
    static Path of(Path scanned) {
        Path start = start(scanned);
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return d;
            }
        }
        return start;
    }

    /** The directory a scan of {@code scanned} starts from, absolute and normalised. */
    static Path start(Path scanned) {
        Path p = scanned.toAbsolutePath().normalize();
        return Files.isDirectory(p) || p.getParent() == null ? p : p.getParent();
    }

    /**
     * Refuses a file a configuration names when it is outside {@code root} once symbolic links are
     * followed (the file itself, or the deepest of its directories that exists).
     *
     * @param what for the message: "report file", "baseline"
     */
    static void requireInside(String what, Path file, Path root, String source) throws UsageException {
        Path p = file.toAbsolutePath().normalize();
        try {
            Path realRoot = root.toRealPath();
            Path existing = p;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                throw new UsageException(source + ": " + what + " " + file + " is outside the repository " + root);
            }
            Path real = existing.toRealPath().resolve(existing.relativize(p).toString()).normalize();
            if (!real.startsWith(realRoot)) {
                throw new UsageException(source + ": " + what + " " + file + " leads outside the repository " + root
                        + " (through a symbolic link); a configuration may only name files inside it");
            }
        } catch (IOException e) {
            // a dangling link or a loop: not a file inside the repository either
            throw new UsageException(source + ": " + what + " " + file + " cannot be resolved inside the repository "
                    + root + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
