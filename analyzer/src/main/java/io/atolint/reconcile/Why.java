package io.atolint.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reasons of a score, written only when asked for: the matcher scores every element against every
 * resource of a compatible kind and builds the text only for the pairs it keeps.
 */
final class Why {
    static final Why SILENT = new Why(false);
    private final List<String> reasons;

    private Why(boolean on) {
        this.reasons = on ? new ArrayList<>() : null;
    }

    static Why explained() {
        return new Why(true);
    }

    void add(Supplier<String> reason) {
        if (reasons != null) {
            reasons.add(reason.get());
        }
    }

    List<String> list() {
        return reasons == null ? List.of() : reasons;
    }
}
