package io.atolint.parse.tree;

import java.util.List;

/**
 * A parsed document: its root node (null for an empty document), the duplicate keys met, and the line
 * where a second YAML document starts ({@code ---}), 0 when there is none: only the first is read, and the
 * reader says so rather than silently dropping the rest. {@code tagged}: some node has a local tag
 * ({@code !Ref}); a reader that checks tags skips the walk over a document without (every JSON one).
 */
public record TreeDocument(Node root, List<DuplicateKey> duplicates, int laterDocumentLine, boolean tagged) {
    /** A document without tags (JSON). */
    public TreeDocument(Node root, List<DuplicateKey> duplicates) {
        this(root, duplicates, 0, false);
    }
}
