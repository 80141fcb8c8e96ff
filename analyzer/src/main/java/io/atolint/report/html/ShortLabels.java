package io.atolint.report.html;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names cut to fit a box. The end of a name is what tells resources apart ({@code
 * module.network.aws_vpc_endpoint.this["ecr_api"]} and {@code ...this["s3"]} share their first 35
 * characters), so a long name keeps its end, cut from the left; names of one picture whose ends are the
 * same keep, before the ellipsis, the start that differs. The page shows the whole name elsewhere.
 */
final class ShortLabels {
    static final String ELLIPSIS = "\u2026";

    private ShortLabels() {
    }

    /** The last {@code max - 1} characters after an ellipsis, or the name when it fits. */
    static String left(String s, int max) {
        if (s == null || max < 2) {
            return "";
        }
        return s.length() <= max ? s : ELLIPSIS + s.substring(s.length() - (max - 1));
    }

    /**
     * A box label ({@code VPC module.network.aws_vpc.this[0]}): its first word says what the box is and
     * stays, the name after it is cut from the left.
     */
    static String label(String s, int max) {
        if (s == null || s.length() <= max) {
            return s == null ? "" : s;
        }
        int space = s.indexOf(' ');
        if (space > 0 && space + 1 < max - 4) {
            return s.substring(0, space + 1) + left(s.substring(space + 1), max - space - 1);
        }
        return left(s, max);
    }

    /** A short form of every name, at most {@code max} characters, distinct where the names allow. */
    static Map<String, String> distinct(Collection<String> names, int max) {
        Set<String> unique = new LinkedHashSet<>(names);
        Map<String, String> out = new HashMap<>();
        Map<String, List<String>> byShort = new HashMap<>();
        for (String n : unique) {
            String s = left(n, max);
            out.put(n, s);
            byShort.computeIfAbsent(s, k -> new ArrayList<>()).add(n);
        }
        for (List<String> same : byShort.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (String n : same) {
                int common = 0;
                for (String other : same) {
                    if (!other.equals(n)) {
                        common = Math.max(common, commonPrefix(n, other));
                    }
                }
                int head = common + 1;
                int tail = max - head - 1;
                if (tail >= 4 && head < n.length()) {
                    out.put(n, n.substring(0, head) + ELLIPSIS + n.substring(n.length() - tail));
                }
            }
        }
        return out;
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
