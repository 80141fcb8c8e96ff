package io.atolint.model;

import java.util.Objects;

/**
 * Where something is in an input file. Lines and columns are 1-based (as SARIF wants them); 0 means
 * "not known" (for example a whole-file finding). {@code logicalPath} is a CloudFormation path
 * ({@code Resources/WebAlb/Properties/Subnets/1}), a Terraform address or a diagram page/cell.
 */
public record SourceLocation(String file, int startLine, int startColumn, int endLine, int endColumn,
                             String logicalPath) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        logicalPath = logicalPath == null ? "" : logicalPath;
    }

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0, 0, 0, "");
    }

    public static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(file, line, column, line, column, "");
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
    public String toString() {
        return display() + (logicalPath.isEmpty() ? "" : " (" + logicalPath + ")");
    }
}
