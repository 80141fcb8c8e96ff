package io.atolint.model;

import java.util.Objects;

/**
 * A directed relation between two resources. Relations are identity objects on purpose: the graph
 * library refuses an edge {@code equals} to one already present, and two references from one
 * resource to another through different attributes are two relations.
 *
 * @param via what establishes the relation: an attribute path ({@code Properties/Subnets/1}), a
 *            route destination ({@code 0.0.0.0/0}) or a diagram edge label ({@code HTTPS}).
 */
public final class Relation {
    private final RelationType type;
    private final Resource source;
    private final Resource target;
    private final String via;
    private final SourceLocation location;

    public Relation(RelationType type, Resource source, Resource target, String via, SourceLocation location) {
        this.type = Objects.requireNonNull(type);
        this.source = Objects.requireNonNull(source);
        this.target = Objects.requireNonNull(target);
        this.via = via == null ? "" : via;
        this.location = location;
    }

    public RelationType type() {
        return type;
    }

    public Resource source() {
        return source;
    }

    public Resource target() {
        return target;
    }

    public String via() {
        return via;
    }

    /** Where the relation is stated; may be null when it is implied. */
    public SourceLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return source.name() + " -" + type + (via.isEmpty() ? "" : "[" + via + "]") + "-> " + target.name();
    }
}
