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
 * Listed files can be read, and the files of a directory inside the repository boundary (the
 * enclosing git work tree, or {@code --root}; by default the scanned path itself) that a parser asks
 * for ({@link #filesInDirectory}, local Terraform modules above the scanned path); nothing outside
 * the boundary. Symbolic links are followed only to files inside the tree (or boundary), never to
 * directories (so a link loop cannot occur); files above the size limit are refused with a finding.
 */
public final class FileSystemSourceTree implements SourceTree {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", ".idea", ".vscode",
            ".terragrunt-cache"); // Terragrunt's copies of the modules its units call

    private final Path root;
    private final String display;
    private final Limits limits;
    private final Map<String, Path> files = new LinkedHashMap<>();
    /** Files read from above the scanned path, inside the boundary (names to paths). */
    private final Map<String, Path> beside = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Finding> problems = new ArrayList<>();
    private final Path boundary;

    /** A tree whose boundary is the scanned path itself. */
    public FileSystemSourceTree(Path root, String display, Limits limits) {
        this(root, display, limits, null);
    }

    /**
     * A tree that may also read inside {@code boundary}, a directory that holds {@code root} (null: the
     * scanned path itself).
     */
    public FileSystemSourceTree(Path root, String display, Limits limits, Path boundary) {
        this.root = root;
        this.display = normalise(display);
        this.limits = limits;
        this.boundary = realBoundary(root, boundary);
        list();
    }

    private static Path realBoundary(Path root, Path boundary) {
        // without a repository, a scanned file reads nothing beside it
        Path b = boundary != null ? boundary : Files.isDirectory(root) ? root : null;
        try {
            return b == null ? null : b.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The enclosing git work tree of a path (the nearest directory above it, or itself, with a
     * {@code .git} entry), or null.
     */
    public static Path gitWorkTree(Path path) {
        try {
            for (Path p = path.toRealPath(); p != null; p = p.getParent()) {
                if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                    return p;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Whether {@code inner} is {@code outer} or lies below it (both real paths). */
    public static boolean contains(Path outer, Path inner) {
        return inner.startsWith(outer);
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
                        String name = name(file);
                        found.put(name, file);
                        names.add(name);
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
                String name = name(link);
                found.put(name, target);
                names.add(name);
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

    /** The repository root named like the tree's files: {@code examples/complete/../..} is {@code .}. */
    @Override
    public String repositoryRoot() {
        if (boundary == null) {
            return display;
        }
        try {
            Path base = Files.isDirectory(root) ? root.toRealPath() : root.toRealPath().getParent();
            String up = base.relativize(boundary).toString().replace('\\', '/');
            String dir = Files.isDirectory(root) ? display : parentOf(display);
            String name = up.isEmpty() ? dir : io.atolint.parse.SourceTree.resolveName(dir.equals(".") ? "" : dir, up);
            return name == null || name.isEmpty() ? "." : name;
        } catch (IOException e) {
            return boundary.toString();
        }
    }

    private static String parentOf(String name) {
        int i = name.lastIndexOf('/');
        return i < 0 ? "" : name.substring(0, i);
    }

    /** The path a name of this tree stands for, whether or not it is a listed file. */
    private Path pathOf(String name) {
        Path d = Path.of(display.equals(".") ? "" : display).normalize();
        Path n = Path.of(name).normalize();
        if (d.isAbsolute() != n.isAbsolute()) {
            return null;
        }
        Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        Path rel = Files.isDirectory(root) ? d.relativize(n) : (d.getParent() == null ? Path.of("") : d.getParent()).relativize(n);
        return base == null ? null : base.resolve(rel).normalize();
    }

    @Override
    public List<String> filesInDirectory(String dir) {
        if (boundary == null) {
            return List.of();
        }
        Path p = pathOf(dir);
        Path real;
        try {
            real = p == null ? null : p.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        if (real == null || !Files.isDirectory(real) || !contains(boundary, real)) {
            return List.of();
        }
        for (Path seg : boundary.relativize(real)) {
            if (SKIPPED_DIRS.contains(seg.toString())) {
                return List.of();
            }
        }
        List<String> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> entries = Files.list(real)) {
            for (Path f : entries.sorted().toList()) {
                Path target;
                try {
                    target = f.toRealPath();
                } catch (IOException e) {
                    continue;
                }
                if (!Files.isRegularFile(target) || !contains(boundary, target)) {
                    continue;
                }
                String name = dir.isEmpty() ? f.getFileName().toString() : dir + "/" + f.getFileName();
                if (!files.containsKey(name)) {
                    beside.put(name, target);
                }
                out.add(name);
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
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
        Path p = files.containsKey(path) ? files.get(path) : beside.get(path);
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
