package io.atolint.parse.tree;

import io.atolint.model.LogicalPath;
import io.atolint.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML or JSON document as a tree that keeps positions (1-based) and YAML tags ({@code !Ref}),
 * which the CloudFormation reader needs and a plain object mapper loses. A node holds its position
 * range itself, not in an object of its own: a scan holds every node of every template, and one
 * object less for each is less to allocate and for the collector to copy.
 */
public sealed interface Node permits Node.MapNode, Node.SeqNode, Node.ScalarNode {

    /** The local tag ({@code !Ref}, {@code !GetAtt}) or null; standard {@code !!} tags are dropped. */
    String tag();

    int line();

    int column();

    int endLine();

    int endColumn();

    default Pos pos() {
        return new Pos(line(), column(), endLine(), endColumn());
    }

    default SourceLocation location(String file, String logicalPath) {
        return new SourceLocation(file, line(), column(), endLine(), endColumn(), logicalPath);
    }

    default SourceLocation location(String file, LogicalPath logicalPath) {
        return new SourceLocation(file, line(), column(), endLine(), endColumn(), logicalPath);
    }

    /** A position range, 1-based lines and columns. */
    record Pos(int line, int column, int endLine, int endColumn) {
    }

    record Entry(ScalarNode key, Node value) {
    }

    /**
     * A mapping; duplicate keys are kept in {@code entries}, lookups see the last one. {@code last} (the
     * last entry of each key) is made only for a mapping with duplicates or many keys: most have a few
     * distinct keys, which a look along {@code entries} finds as fast, and a large scan holds a million.
     */
    record MapNode(List<Entry> entries, String tag, int line, int column, int endLine, int endColumn,
                   Map<String, Entry> last) implements Node {
        private static final int SCANNED = 8;

        public MapNode(List<Entry> entries, String tag, int line, int column, int endLine, int endColumn) {
            this(List.copyOf(entries), tag, line, column, endLine, endColumn, needsIndex(entries) ? lastOf(entries) : null);
        }

        /** A mapping at the position of {@code at}. */
        public MapNode(List<Entry> entries, String tag, Node at) {
            this(entries, tag, at.line(), at.column(), at.endLine(), at.endColumn());
        }

        private static boolean needsIndex(List<Entry> entries) {
            int n = entries.size();
            if (n > SCANNED) {
                return true;
            }
            for (int i = 1; i < n; i++) {
                String k = entries.get(i).key().text();
                for (int j = 0; j < i; j++) {
                    if (entries.get(j).key().text().equals(k)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static Map<String, Entry> lastOf(List<Entry> entries) {
            Map<String, Entry> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.remove(e.key().text()); // keep the order of last occurrences
                m.put(e.key().text(), e);
            }
            return Collections.unmodifiableMap(m);
        }

        /** The last value for a key (YAML and JSON readers keep the last of duplicates). */
        public Optional<Node> get(String key) {
            Entry e = lastEntry(key);
            return e == null ? Optional.empty() : Optional.of(e.value());
        }

        public Optional<Entry> entry(String key) {
            return Optional.ofNullable(lastEntry(key));
        }

        private Entry lastEntry(String key) {
            if (last != null) {
                return last.get(key);
            }
            for (Entry e : entries) {
                if (e.key().text().equals(key)) {
                    return e; // no duplicates: the only one
                }
            }
            return null;
        }

        /**
         * This mapping with {@code key} set to {@code value}: every entry of that key keeps its key node and
         * takes the value; without one, a last entry is added, its key at {@code at}.
         */
        public MapNode with(String key, Node value, Node at) {
            List<Entry> out = new ArrayList<>(entries.size() + 1);
            boolean replaced = false;
            for (Entry e : entries) {
                if (e.key().text().equals(key)) {
                    out.add(new Entry(e.key(), value));
                    replaced = true;
                } else {
                    out.add(e);
                }
            }
            if (!replaced) {
                out.add(new Entry(new ScalarNode(key, key, null, at), value));
            }
            return new MapNode(out, tag, this);
        }

        /** Keys without duplicates, in the order of their last occurrence. */
        public List<String> keys() {
            if (last != null) {
                return List.copyOf(last.keySet());
            }
            List<String> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                out.add(e.key().text());
            }
            return List.copyOf(out);
        }
    }

    record SeqNode(List<Node> items, String tag, int line, int column, int endLine, int endColumn) implements Node {
        public SeqNode {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        /** A sequence at the position of {@code at}. */
        public SeqNode(List<Node> items, String tag, Node at) {
            this(items, tag, at.line(), at.column(), at.endLine(), at.endColumn());
        }
    }

    /**
     * A scalar: {@code text} as written, {@code value} typed (String, BigDecimal, Boolean or null) by
     * the YAML core schema or the JSON token.
     */
    record ScalarNode(String text, Object value, String tag, int line, int column, int endLine, int endColumn)
            implements Node {
        /** A scalar at the position of {@code at}. */
        public ScalarNode(String text, Object value, String tag, Node at) {
            this(text, value, tag, at.line(), at.column(), at.endLine(), at.endColumn());
        }
    }
}
