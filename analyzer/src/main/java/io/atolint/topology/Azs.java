package io.atolint.topology;

import io.atolint.model.Az;
import io.atolint.model.Placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AZ lists of whole tiers: thousands of entries that name a handful of zones. */
final class Azs {
    /** UNKNOWN AZs kept: more than this cannot change whether a count is exact or at least 2. */
    private static final int UNKNOWN_KEPT = 3;

    private Azs() {
    }

    /**
     * The distinct-zone count of a list, as {@link Placement.AzCount#of} gives it, without its pairwise
     * cost on long lists: equal values of the same type are provably the same zone and collapse first.
     */
    static Placement.AzCount count(List<Az> azs) {
        Map<String, Az> byValue = new LinkedHashMap<>();
        List<Az> unknown = new ArrayList<>();
        for (Az a : azs) {
            if (!a.isKnown()) {
                if (unknown.size() < UNKNOWN_KEPT) {
                    unknown.add(a);
                }
            } else {
                byValue.putIfAbsent(a.type() + ":" + a.value(), a);
            }
        }
        List<Az> distinct = new ArrayList<>(byValue.values());
        distinct.addAll(unknown);
        return Placement.AzCount.of(distinct);
    }
}
