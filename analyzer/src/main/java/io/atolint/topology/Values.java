package io.atolint.topology;

import io.atolint.model.Value;
import io.atolint.model.ValueWalker;

/** Deep searches in attribute values, for settings that sit at different depths in different formats. */
final class Values {
    private Values() {
    }

    /** TRUE somewhere under {@code v} at a key named {@code key} (format-blind). */
    static boolean anyTrue(Value v, String key) {
        return ValueWalker.standard().anyMatch(v, n -> isKey(n, key) && n.value().asBool().isTrue());
    }

    /** A key named {@code key} (format-blind) somewhere under {@code v}. */
    static boolean hasKey(Value v, String key) {
        return ValueWalker.standard().anyMatch(v, n -> isKey(n, key));
    }

    private static boolean isKey(ValueWalker.Node n, String key) {
        return n.key() != null && Value.key(n.key()).equals(Value.key(key));
    }
}
