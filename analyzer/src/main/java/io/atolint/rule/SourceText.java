package io.atolint.rule;

import io.atolint.parse.ForwardingSourceTree;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The text of the scanned files, by the names findings carry, for what reads comments beside the
 * model (suppression comments, snippets). Read through the scan's {@link SourceTree}s, so it stays
 * inside the scanned trees and their size limits.
 *
 * <p>Each file is read once: a scan that reads through {@link #trees()} lets this text keep the files
 * whose content the {@code keep} test accepts (those with a suppression comment) and remember that the
 * others hold none, so that nothing is read a second time for its comments and only the few files that
 * have some stay in memory.
 */
public final class SourceText {
    public static final SourceText NONE = new SourceText(List.of());

    private final List<SourceTree> trees;
    private final Predicate<String> keep;
    /** Texts the scan read that {@code keep} accepted, until their lines are asked for. */
    private final Map<String, String> kept = new ConcurrentHashMap<>();
    /** Files the scan read whole that {@code keep} rejected. */
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /** A text that reads each file when first asked (it learns nothing from a scan). */
    public SourceText(List<SourceTree> trees) {
        this(trees, null);
    }

    /** A text that learns from the reads of a scan through {@link #trees()}, keeping what {@code keep} accepts. */
    public SourceText(List<SourceTree> trees, Predicate<String> keep) {
        this.keep = keep;
        this.trees = trees.stream().<SourceTree>map(Observed::new).toList();
    }

    /** The trees to scan through, so that this text learns what the scan read. */
    public List<SourceTree> trees() {
        return trees;
    }

    /**
     * Whether the scan read {@code file} and the {@code keep} test rejected its text: whoever gave the
     * test needs nothing from it.
     */
    public boolean rejected(String file) {
        return rejected.contains(file);
    }

    /** The lines of a file (without line ends), or an empty list when it is not a readable text file of the scan. */
    public List<String> lines(String file) {
        return cache.computeIfAbsent(file, this::read);
    }

    private List<String> read(String file) {
        String text = kept.remove(file);
        if (text != null) {
            return split(text);
        }
        for (SourceTree t : trees) {
            // a tree answers with a failure for a file it does not hold
            if (((Observed) t).readUnobserved(file) instanceof ReadResult.Text read) {
                return split(read.file().text());
            }
        }
        return List.of();
    }

    /** Lines split at CR LF, CR or LF, as the readers count them. */
    static List<String> split(String text) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return List.copyOf(out);
    }

    /** A scanned tree whose text reads this source text learns from. */
    private final class Observed extends ForwardingSourceTree {
        Observed(SourceTree tree) {
            super(tree);
        }

        /** The text as the tree gives it, without learning from it (a second read of a kept file). */
        ReadResult readUnobserved(String path) {
            return delegate.readText(path);
        }

        @Override
        public ReadResult readText(String path) {
            ReadResult r = delegate.readText(path);
            if (keep != null && r instanceof ReadResult.Text t && !cache.containsKey(path)) {
                if (keep.test(t.file().text())) {
                    kept.put(path, t.file().text());
                } else {
                    rejected.add(path);
                }
            }
            return r;
        }
    }
}
