package io.atolint.topology;

import io.atolint.model.Value;

import java.util.Map;

/** Deep searches in attribute values, for settings that sit at different depths in different formats. */
final class Values {
    private Values() {
    }

    /** TRUE somewhere under {@code v} at a key named {@code key} (format-blind). */
    static boolean anyTrue(Value v, String key) {
        if (v instanceof Value.MapV m) {
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                if (Value.key(e.getKey()).equals(Value.key(key)) && e.getValue().asBool().isTrue()) {
                    return true;
                }
                if (anyTrue(e.getValue(), key)) {
                    return true;
                }
            }
        } else if (v instanceof Value.ListV l) {
            for (Value i : l.items()) {
                if (anyTrue(i, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A key named {@code key} (format-blind) somewhere under {@code v}. */
    static boolean hasKey(Value v, String key) {
        if (v instanceof Value.MapV m) {
            for (java.util.Map.Entry<String, Value> e : m.entries().entrySet()) {
                if (Value.key(e.getKey()).equals(Value.key(key)) || hasKey(e.getValue(), key)) {
                    return true;
                }
            }
        } else if (v instanceof Value.ListV l) {
            for (Value i : l.items()) {
                if (hasKey(i, key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
