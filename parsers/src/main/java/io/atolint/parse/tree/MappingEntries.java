package io.atolint.parse.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of a mapping being read, and the duplicate keys among them. Most mappings have a few
 * keys, which a look along the entries checks as fast as a hash table and without one for each
 * mapping of a scan; a mapping with many keys gets the table.
 */
final class MappingEntries {
    private static final int SCANNED = 8;

    final List<Node.Entry> entries = new ArrayList<>();
    /** The line of each key's first occurrence, once the mapping has more than {@link #SCANNED} entries. */
    private Map<String, Integer> firstLine;

    /** Adds an entry, reporting its key to {@code dups} when an earlier entry has it. */
    void add(Node.ScalarNode key, Node value, List<DuplicateKey> dups) {
        String k = key.text();
        int first = firstLineOf(k);
        if (first > 0) {
            dups.add(new DuplicateKey(k, key.line(), key.column(), first));
        } else if (firstLine != null) {
            firstLine.put(k, key.line());
        }
        entries.add(new Node.Entry(key, value));
        if (firstLine == null && entries.size() > SCANNED) {
            firstLine = new HashMap<>();
            for (Node.Entry e : entries) {
                firstLine.putIfAbsent(e.key().text(), e.key().line());
            }
        }
    }

    /** The line where {@code key} first occurs among the entries, 0 when it does not. */
    private int firstLineOf(String key) {
        if (firstLine != null) {
            Integer line = firstLine.get(key);
            return line == null ? 0 : line;
        }
        for (Node.Entry e : entries) {
            if (e.key().text().equals(key)) {
                return e.key().line();
            }
        }
        return 0;
    }
}
