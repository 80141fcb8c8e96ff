package io.atolint.parse;

import java.util.List;

/**
 * The files a scan may read. Parsers take their input from here and never open files themselves, so
 * that every access stays inside the scanned tree and under its limits (the CLI implements it over
 * the file system; tests may implement it in memory).
 */
public interface SourceTree {

    /** A display name for the root (the path the user gave). */
    String root();

    /** Every regular file, relative paths with {@code /} separators, sorted. */
    List<String> files();

    /** Reads a file as text (UTF-8, or UTF-16 with a BOM). */
    ReadResult readText(String path);

    /** Reads a file as bytes (PNG diagrams), bounded by the same size limit. */
    ReadResult readBytes(String path);

    /**
     * The files directly in the directory {@code dir}, a name formed like this tree's names that may lie
     * above or beside the scanned path but inside the repository the scan may read (the enclosing git
     * work tree, or {@code --root}): local Terraform modules called with {@code source = "../../"} are
     * read this way. Empty when the directory is outside the repository, or holds no file. Files listed
     * here can then be read like the tree's own.
     */
    default List<String> filesInDirectory(String dir) {
        return List.of();
    }

    /**
     * The repository root, as shown in messages: the directory above which nothing is read (by default
     * the scanned path itself).
     */
    default String repositoryRoot() {
        return root();
    }

    /** Problems met while listing the tree (unreadable directories, links that leave it). */
    default List<io.atolint.model.Finding> problems() {
        return List.of();
    }

    /**
     * Resolves {@code relative} against the directory {@code baseDir} (a name of this tree), normalising
     * {@code .} and {@code ..}; null for an absolute {@code relative} or one that climbs above the top.
     * The result is only a name: reading it still succeeds only for files of the tree.
     */
    static String resolve(String baseDir, String relative) {
        String r = resolveName(baseDir, relative);
        return r == null || r.equals("..") || r.startsWith("../") ? null : r;
    }

    /**
     * Like {@link #resolve}, but a relative name may climb above the top: {@code ("", "../..")} is
     * {@code "../.."}. Whether such a name may be read is the tree's decision
     * ({@link #filesInDirectory}).
     */
    static String resolveName(String baseDir, String relative) {
        String joined = baseDir.isEmpty() ? relative : baseDir + "/" + relative;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : joined.replace('\\', '/').split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty() || parts.peekLast().equals("..")) {
                    if (baseDir.startsWith("/")) {
                        return null;
                    }
                    parts.addLast("..");
                } else {
                    parts.removeLast();
                }
            } else {
                parts.addLast(p);
            }
        }
        if (relative.startsWith("/")) {
            return null;
        }
        // A tree named by an absolute path keeps its names absolute.
        return (baseDir.startsWith("/") ? "/" : "") + String.join("/", parts);
    }
}
