package io.atolint.parse;

import io.atolint.model.SourceLocation;

/**
 * The outcome of reading one file of the tree: its text, its raw bytes when asked for (PNG), or why it
 * could not be read (too large, not UTF-8, unreadable), positioned when a position is known.
 */
public sealed interface ReadResult {

    record Text(SourceFile file) implements ReadResult {
    }

    record Bytes(String path, byte[] bytes) implements ReadResult {
    }

    record Failure(SourceLocation location, String message) implements ReadResult {
    }
}
