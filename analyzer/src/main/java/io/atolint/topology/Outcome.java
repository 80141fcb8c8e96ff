package io.atolint.topology;

import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A verdict and the resources that cause it, each with the fact that explains it. */
public record Outcome(Verdict verdict, List<Cause> causes) {

    public record Cause(Resource resource, String message) {
    }

    public Outcome {
        causes = List.copyOf(causes);
    }

    public static Outcome survives() {
        return new Outcome(Verdict.SURVIVES, List.of());
    }

    static Outcome of(Verdict v, Resource r, String message) {
        return new Outcome(v, List.of(new Cause(r, message)));
    }

    /** The worst of several outcomes, with the causes of every outcome at that level. */
    static Outcome worst(List<Outcome> outcomes) {
        Verdict v = Verdict.SURVIVES;
        for (Outcome o : outcomes) {
            v = v.worst(o.verdict());
        }
        Set<Cause> causes = new LinkedHashSet<>();
        for (Outcome o : outcomes) {
            if (o.verdict() == v) {
                causes.addAll(o.causes());
            }
        }
        return new Outcome(v, new ArrayList<>(causes));
    }
}
