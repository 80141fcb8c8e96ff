package io.atolint.cli;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;
import io.atolint.parse.TextDecoder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scanned tree on disk: one directory (walked) or one file. Files are named by the path the user
 * gave plus their relative path, so findings read {@code fixtures/demo/three-tier/template.yaml:12:5}.
 * Only listed files can be read; symbolic links are followed only to files inside the tree, never to
 * directories (so a link loop cannot occur); files above the size limit are refused with a finding.
 */
public final class FileSystemSourceTree implements SourceTree {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", ".idea", ".vscode");

    private final Path root;
    private final String display;
    private final Limits limits;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<Finding> problems = new ArrayList<>();

    public FileSystemSourceTree(Path root, String display, Limits limits) {
        this.root = root;
        this.display = normalise(display);
        this.limits = limits;
        list();
    }

    private static String normalise(String d) {
        String s = FileNames.slashes(d);
        while (s.startsWith("./") && s.length() > 2) {
            s = s.substring(2);
        }
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private String name(Path p) {
        if (p.equals(root)) {
            return display;
        }
        String rel = FileNames.relative(root, p);
        return display.equals(".") ? rel : display + "/" + rel;
    }

    private void list() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            files.put(display, root);
            return;
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            problems.add(ParseFindings.invalid(SourceLocation.ofFile(display), "cannot read directory: " + e.getMessage()));
            return;
        }
        List<String> names = new ArrayList<>();
        Map<String, Path> found = new LinkedHashMap<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        linked(file, realRoot, found, names);
                    } else if (attrs.isRegularFile()) {
                        found.put(name(file), file);
                        names.add(name(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    String why = exc instanceof AccessDeniedException ? "permission denied" : exc.getMessage();
                    problems.add(ParseFindings.invalid(SourceLocation.ofFile(name(file)), "cannot read: " + why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(ParseFindings.invalid(SourceLocation.ofFile(display), "cannot walk directory: " + e.getMessage()));
        }
        Collections.sort(names);
        for (String n : names) {
            files.put(n, found.get(n));
        }
    }

    private void linked(Path link, Path realRoot, Map<String, Path> found, List<String> names) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(realRoot)) {
                problems.add(ParseFindings.unsupported(SourceLocation.ofFile(name(link)),
                        "symbolic link to a file outside the scanned tree; not followed"));
            } else if (Files.isRegularFile(target)) {
                found.put(name(link), target);
                names.add(name(link));
            }
            // links to directories are not followed: no loops, no escape
        } catch (IOException e) {
            problems.add(ParseFindings.unsupported(SourceLocation.ofFile(name(link)),
                    "symbolic link that cannot be resolved (dangling or a loop); not followed"));
        }
    }

    @Override
    public String root() {
        return display;
    }

    @Override
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    @Override
    public List<Finding> problems() {
        return List.copyOf(problems);
    }

    @Override
    public ReadResult readText(String path) {
        ReadResult bytes = readBytes(path);
        if (bytes instanceof ReadResult.Bytes b) {
            return TextDecoder.decode(path, b.bytes());
        }
        return bytes;
    }

    @Override
    public ReadResult readBytes(String path) {
        Path p = files.get(path);
        if (p == null) {
            return new ReadResult.Failure(SourceLocation.ofFile(path), "not a file of the scanned tree");
        }
        try {
            long size = Files.size(p);
            if (size > limits.maxFileBytes()) {
                return new ReadResult.Failure(SourceLocation.ofFile(path), "not read: the file is " + size
                        + " bytes, above the limit of " + limits.maxFileBytes() + " bytes (--max-file-size)");
            }
            if (!Files.isRegularFile(p)) {
                return new ReadResult.Failure(SourceLocation.ofFile(path), "not read: not a regular file (a FIFO, a socket or a device)");
            }
            // read at most the limit: the file may have grown since its size was looked at
            try (java.io.InputStream in = Files.newInputStream(p)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
                if (bytes.length > limits.maxFileBytes()) {
                    return new ReadResult.Failure(SourceLocation.ofFile(path), "not read: the file is above the limit of "
                            + limits.maxFileBytes() + " bytes (--max-file-size)");
                }
                return new ReadResult.Bytes(path, bytes);
            }
        } catch (AccessDeniedException e) {
            return new ReadResult.Failure(SourceLocation.ofFile(path), "cannot read: permission denied");
        } catch (IOException e) {
            return new ReadResult.Failure(SourceLocation.ofFile(path), "cannot read: " + e.getMessage());
        }
    }
}
