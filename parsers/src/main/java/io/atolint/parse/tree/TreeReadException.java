package io.atolint.parse.tree;

/**
 * A document that cannot be turned into a tree, with the 1-based position of the problem.
 * {@code limit} is true when a safety bound was hit rather than a syntax error.
 */
public final class TreeReadException extends Exception {
    private final int line;
    private final int column;
    private final boolean limit;

    public TreeReadException(String message, int line, int column, boolean limit) {
        super(message);
        this.line = line;
        this.column = column;
        this.limit = limit;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean isLimit() {
        return limit;
    }
}
