package io.atolint.parse.terraform;

import java.util.List;

/** {@code type "label" "label" { body }}, positioned at its type keyword. */
public record HclBlock(String type, List<String> labels, HclBody body, HclPos pos) {
    public HclBlock {
        labels = List.copyOf(labels);
    }

    public String label(int i) {
        return i < labels.size() ? labels.get(i) : "";
    }
}
