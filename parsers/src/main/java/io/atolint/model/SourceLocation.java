package io.atolint.model;

import java.util.Objects;

/**
 * Where something is in an input file. Lines and columns are 1-based (as SARIF wants them); 0 means
 * "not known" (for example a whole-file finding). {@code logicalPath} is a CloudFormation path
 * ({@code Resources/WebAlb/Properties/Subnets/1}), a Terraform address or a diagram page/cell.
 *
 * <p>A value class with a record's equality: the path may be held as a {@link LogicalPath} and spelled out
 * only when read (a template's resolution makes a location for every value, and few are read).
 */
public final class SourceLocation {
    private final String file;
    private final int startLine;
    private final int startColumn;
    private final int endLine;
    private final int endColumn;
    private final Object path; // a String, or a LogicalPath spelled out when asked

    public SourceLocation(String file, int startLine, int startColumn, int endLine, int endColumn,
                          String logicalPath) {
        this(file, startLine, startColumn, endLine, endColumn, (Object) (logicalPath == null ? "" : logicalPath));
    }

    public SourceLocation(String file, int startLine, int startColumn, int endLine, int endColumn,
                          LogicalPath logicalPath) {
        this(file, startLine, startColumn, endLine, endColumn, (Object) Objects.requireNonNull(logicalPath, "logicalPath"));
    }

    private SourceLocation(String file, int startLine, int startColumn, int endLine, int endColumn, Object path) {
        this.file = Objects.requireNonNull(file, "file");
        this.startLine = startLine;
        this.startColumn = startColumn;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.path = path;
    }

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0, 0, 0, "");
    }

    public static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(file, line, column, line, column, "");
    }

    public String file() {
        return file;
    }

    public int startLine() {
        return startLine;
    }

    public int startColumn() {
        return startColumn;
    }

    public int endLine() {
        return endLine;
    }

    public int endColumn() {
        return endColumn;
    }

    public String logicalPath() {
        return path instanceof String s ? s : path.toString();
    }

    public SourceLocation withLogicalPath(String path) {
        return new SourceLocation(file, startLine, startColumn, endLine, endColumn, path);
    }

    public boolean hasLine() {
        return startLine > 0;
    }

    /** {@code file:line:col}, or {@code file} when the position is not known. */
    public String display() {
        if (!hasLine()) {
            return file;
        }
        return file + ":" + startLine + ":" + Math.max(1, startColumn);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SourceLocation l && startLine == l.startLine && startColumn == l.startColumn
                && endLine == l.endLine && endColumn == l.endColumn && file.equals(l.file)
                && logicalPath().equals(l.logicalPath());
    }

    /** The hash a record of these components had (hash sets of locations keep their order). */
    @Override
    public int hashCode() {
        int h = file.hashCode();
        h = h * 31 + Integer.hashCode(startLine);
        h = h * 31 + Integer.hashCode(startColumn);
        h = h * 31 + Integer.hashCode(endLine);
        h = h * 31 + Integer.hashCode(endColumn);
        return h * 31 + logicalPath().hashCode();
    }

    @Override
    public String toString() {
        String p = logicalPath();
        return display() + (p.isEmpty() ? "" : " (" + p + ")");
    }
}
