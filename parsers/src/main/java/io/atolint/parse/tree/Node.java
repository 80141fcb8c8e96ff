package io.atolint.parse.tree;

import io.atolint.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A YAML or JSON document as a tree that keeps positions (1-based) and YAML tags ({@code !Ref}),
 * which the CloudFormation reader needs and a plain object mapper loses.
 */
public sealed interface Node permits Node.MapNode, Node.SeqNode, Node.ScalarNode {

    /** The local tag ({@code !Ref}, {@code !GetAtt}) or null; standard {@code !!} tags are dropped. */
    String tag();

    Pos pos();

    default SourceLocation location(String file, String logicalPath) {
        Pos p = pos();
        return new SourceLocation(file, p.line(), p.column(), p.endLine(), p.endColumn(), logicalPath);
    }

    /** A position range, 1-based lines and columns. */
    record Pos(int line, int column, int endLine, int endColumn) {
    }

    record Entry(ScalarNode key, Node value) {
    }

    record MapNode(List<Entry> entries, String tag, Pos pos) implements Node {
        public MapNode {
            entries = Collections.unmodifiableList(new ArrayList<>(entries));
        }

        /** The last value for a key (YAML and JSON readers keep the last of duplicates). */
        public Optional<Node> get(String key) {
            Node found = null;
            for (Entry e : entries) {
                if (key.equals(e.key().text())) {
                    found = e.value();
                }
            }
            return Optional.ofNullable(found);
        }

        public Optional<Entry> entry(String key) {
            Entry found = null;
            for (Entry e : entries) {
                if (key.equals(e.key().text())) {
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }

        /** Keys in order, without duplicates (last occurrence wins for the value). */
        public List<String> keys() {
            List<String> out = new ArrayList<>();
            for (Entry e : entries) {
                if (!out.contains(e.key().text())) {
                    out.add(e.key().text());
                }
            }
            return out;
        }
    }

    record SeqNode(List<Node> items, String tag, Pos pos) implements Node {
        public SeqNode {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    /**
     * A scalar: {@code text} as written, {@code value} typed (String, BigDecimal, Boolean or null) by
     * the YAML core schema or the JSON token.
     */
    record ScalarNode(String text, Object value, String tag, Pos pos) implements Node {
    }
}
