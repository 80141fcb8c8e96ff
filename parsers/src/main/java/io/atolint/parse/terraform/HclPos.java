package io.atolint.parse.terraform;

/** A 1-based line and column in an HCL file. */
public record HclPos(int line, int column) {
    public static final HclPos NONE = new HclPos(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
