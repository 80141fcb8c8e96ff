package io.atolint.parse.terraform;

/**
 * A 1-based line and column in an HCL file; {@code file} is null for the file the enclosing declaration is in,
 * and names another one only for what an override file merged into a declaration.
 */
public record HclPos(int line, int column, String file) {
    public static final HclPos NONE = new HclPos(0, 0);

    public HclPos(int line, int column) {
        this(line, column, null);
    }

    /** The file this position is in: its own, else the declaration's. */
    String fileOr(String declarationFile) {
        return file != null ? file : declarationFile;
    }

    /** The same place, in the given file. */
    HclPos in(String otherFile) {
        return new HclPos(line, column, otherFile);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
