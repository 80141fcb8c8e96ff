package io.atolint.parse.terraform;

/** {@code name = expression}, where the name starts. */
public record HclAttribute(String name, Expr value, HclPos pos) {
}
