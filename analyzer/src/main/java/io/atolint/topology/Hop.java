package io.atolint.topology;

import io.atolint.model.Relation;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traffic from one resource to another, with the relations that state it (a listener, a target
 * group, a security group rule, a drawn edge). An identity object: the graph library keys edges by it.
 */
public final class Hop {
    private final Resource from;
    private final Resource to;
    private final List<Relation> relations = new ArrayList<>();
    private final String derived;

    Hop(Resource from, Resource to, String derived) {
        this.from = from;
        this.to = to;
        this.derived = derived;
    }

    public Resource from() {
        return from;
    }

    public Resource to() {
        return to;
    }

    /** The relations that carry this traffic, in the order found; empty for a hop the topology derived. */
    public List<Relation> relations() {
        return Collections.unmodifiableList(relations);
    }

    void add(List<Relation> chain) {
        for (Relation r : chain) {
            if (!relations.contains(r)) {
                relations.add(r);
            }
        }
    }

    /** How the hop is known: the relations' {@code via}, or what the topology inferred. */
    public String how() {
        if (derived != null) {
            return derived;
        }
        List<String> vias = new ArrayList<>();
        for (Relation r : relations) {
            if (!r.via().isEmpty() && !vias.contains(r.via())) {
                vias.add(r.via());
            }
        }
        return String.join("; ", vias);
    }

    @Override
    public String toString() {
        return from.name() + " -> " + to.name();
    }
}
