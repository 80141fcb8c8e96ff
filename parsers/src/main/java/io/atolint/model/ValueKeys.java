package io.atolint.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Format-blind keys ({@link Value#key}) already made: checks ask for the same few hundred property names
 * for every resource, and every map indexes its keys, so at 100,000 resources making them again was a
 * tenth of what a scan allocates. Bounded: a file of a million distinct keys costs no more than the bound.
 */
final class ValueKeys {
    private static final int MAX = 16_384;
    private static final int MAX_LENGTH = 64;
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

    private ValueKeys() {
    }

    static String key(String name) {
        String known = KEYS.get(name);
        if (known != null) {
            return known;
        }
        String k = Value.normalise(name);
        if (name.length() <= MAX_LENGTH && KEYS.size() < MAX) {
            KEYS.putIfAbsent(name, k);
        }
        return k;
    }
}
