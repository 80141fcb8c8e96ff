package io.atolint.rule;

import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of the scanned files, by the names findings carry, for what reads comments beside the
 * model (suppression comments, snippets). Read through the scan's {@link SourceTree}s, so it stays
 * inside the scanned trees and their size limits; each file is read once.
 */
public final class SourceText {
    public static final SourceText NONE = new SourceText(List.of());

    private final List<SourceTree> trees;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    public SourceText(List<SourceTree> trees) {
        this.trees = List.copyOf(trees);
    }

    /** The lines of a file (without line ends), or an empty list when it is not a readable text file of the scan. */
    public List<String> lines(String file) {
        return cache.computeIfAbsent(file, this::read);
    }

    private List<String> read(String file) {
        for (SourceTree t : trees) {
            // a tree answers with a failure for a file it does not hold
            if (t.readText(file) instanceof ReadResult.Text text) {
                return List.of(text.file().text().split("\r\n|\r|\n", -1));
            }
        }
        return List.of();
    }
}
