package io.atolint.reconcile;

import io.atolint.model.Model;
import io.atolint.model.Resource;

import java.util.List;

/**
 * The outcome of comparing one diagram with the IaC it should show: the match table, the diagram elements
 * with no counterpart, the deployed resources no element stands for, the disagreements, and how the
 * diagram's Availability Zones correspond to the IaC's. {@code problem} is set when the pair could not be
 * compared at all (the diagram was not read, no IaC was found under the paths).
 */
public record Reconciliation(Pair pair, List<Model> pages, List<Model> iac, List<Match> matches,
                             List<Resource> unmatched, List<Resource> undrawn, List<Discrepancy> discrepancies,
                             AzMap azs, String problem) {

    public Reconciliation {
        pages = List.copyOf(pages);
        iac = List.copyOf(iac);
        matches = List.copyOf(matches);
        unmatched = List.copyOf(unmatched);
        undrawn = List.copyOf(undrawn);
        discrepancies = List.copyOf(discrepancies);
    }

    static Reconciliation failed(Pair pair, List<Model> pages, List<Model> iac, String problem) {
        return new Reconciliation(pair, pages, iac, List.of(), List.of(), List.of(), List.of(), AzMap.EMPTY, problem);
    }

    public boolean compared() {
        return problem == null;
    }

    /** The match of a diagram element, if it has one. */
    public java.util.Optional<Match> matchOf(Resource element) {
        return matches.stream().filter(m -> m.element().equals(element)).findFirst();
    }

    /** The diagram elements that stand for an IaC resource. */
    public List<Resource> drawnAs(Resource iacResource) {
        return matches.stream().filter(m -> m.iac().contains(iacResource)).map(Match::element).toList();
    }
}
