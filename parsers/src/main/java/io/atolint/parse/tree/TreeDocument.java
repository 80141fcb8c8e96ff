package io.atolint.parse.tree;

import java.util.List;

/** A parsed document: its root node (null for an empty document) and the duplicate keys met. */
public record TreeDocument(Node root, List<DuplicateKey> duplicates) {
}
