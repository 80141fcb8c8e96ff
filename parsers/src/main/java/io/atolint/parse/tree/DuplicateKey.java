package io.atolint.parse.tree;

/** A key that appears twice in one mapping; readers keep the last value and report the duplicate. */
public record DuplicateKey(String key, int line, int column, int firstLine) {
}
