package io.atolint.graph;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every resource of a scan and the relations between them, as a JGraphT directed pseudograph
 * (several relations may join the same two resources; relations are identity objects). Immutable once
 * built. Resource ids are unique across models, so the models of one scan share the graph; relations
 * never join two models.
 */
public final class ResourceGraph {
    private final Graph<Resource, Relation> graph;
    private final List<Model> models;
    private final Map<Resource, Model> modelOf;
    private final Map<String, Resource> byId;
    /** Resources by kind, in model then reading order: checks ask for a kind per resource they look at. */
    private final Map<Kind, List<Resource>> byKind;
    private final List<Resource> all;
    /** Relations by end and type: a VPC or subnet may have thousands of relations of other types. */
    private final Map<Resource, Map<RelationType, List<Relation>>> outByType = new HashMap<>();
    private final Map<Resource, Map<RelationType, List<Relation>>> inByType = new HashMap<>();
    /** Indexes checks derive from the whole graph, made on first use (see {@link #derived}). */
    private final Map<Object, Object> derived = new HashMap<>();

    private ResourceGraph(Graph<Resource, Relation> graph, List<Model> models, Map<Resource, Model> modelOf,
                          Map<String, Resource> byId) {
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.models = List.copyOf(models);
        this.modelOf = Collections.unmodifiableMap(modelOf);
        this.byId = Collections.unmodifiableMap(byId);
        Map<Kind, List<Resource>> kinds = new java.util.EnumMap<>(Kind.class);
        List<Resource> every = new ArrayList<>();
        for (Model m : this.models) {
            for (Resource r : m.resources()) {
                kinds.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
                every.add(r);
            }
        }
        this.all = List.copyOf(every);
        kinds.replaceAll((k, list) -> List.copyOf(list));
        this.byKind = kinds;
        for (Relation rel : graph.edgeSet()) {
            outByType.computeIfAbsent(rel.source(), k -> new java.util.EnumMap<>(RelationType.class))
                    .computeIfAbsent(rel.type(), k -> new ArrayList<>()).add(rel);
            inByType.computeIfAbsent(rel.target(), k -> new java.util.EnumMap<>(RelationType.class))
                    .computeIfAbsent(rel.type(), k -> new ArrayList<>()).add(rel);
        }
    }

    /**
     * A directed pseudograph without the library's index of edges by vertex pair: nothing asks the
     * resource graph for the edge between two given resources, and at 100,000 resources the index (a pair
     * and a set per edge) was most of the graph's build time and memory. Edges are kept and iterated as in
     * {@code DirectedPseudograph}.
     */
    private static final class RelationGraph extends AbstractBaseGraph<Resource, Relation> {
        private static final long serialVersionUID = 1L;

        RelationGraph() {
            super(null, null, DefaultGraphType.directedPseudograph(), new DefaultGraphSpecificsStrategy<>());
        }
    }

    public static ResourceGraph of(List<Model> models) {
        Graph<Resource, Relation> g = new RelationGraph();
        Map<Resource, Model> modelOf = new HashMap<>();
        Map<String, Resource> byId = new HashMap<>();
        for (Model m : models) {
            for (Resource r : m.resources()) {
                g.addVertex(r);
                modelOf.put(r, m);
                byId.put(r.id(), r);
            }
        }
        for (Model m : models) {
            for (Relation rel : m.relations()) {
                if (g.containsVertex(rel.source()) && g.containsVertex(rel.target())) {
                    g.addEdge(rel.source(), rel.target(), rel);
                }
            }
        }
        return new ResourceGraph(g, models, modelOf, byId);
    }

    /**
     * A value derived from the whole graph, computed on first use and kept for the graph's life: an index
     * that a check would otherwise rebuild per resource it looks at (a scan over the graph per resource is
     * quadratic at 100,000 resources). {@code key} names the value (a record of what it depends on).
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T derived(Object key, java.util.function.Function<ResourceGraph, T> compute) {
        Object v = derived.get(key);
        if (v == null) {
            v = compute.apply(this);
            derived.put(key, v);
        }
        return (T) v;
    }

    /** The underlying graph, read-only, for algorithms. */
    public Graph<Resource, Relation> jgrapht() {
        return graph;
    }

    public List<Model> models() {
        return models;
    }

    public Model modelOf(Resource r) {
        return modelOf.get(r);
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every resource, in model then reading order (read-only, built once). */
    public List<Resource> resources() {
        return all;
    }

    /** The resources of one kind, in model then reading order (read-only; an index built once). */
    public List<Resource> resources(Kind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public List<Relation> outgoing(Resource r, RelationType type) {
        return new ArrayList<>(outByType.getOrDefault(r, Map.of()).getOrDefault(type, List.of()));
    }

    public List<Relation> incoming(Resource r, RelationType type) {
        return new ArrayList<>(inByType.getOrDefault(r, Map.of()).getOrDefault(type, List.of()));
    }

    /** Whether a traffic line (a route, or a connection outside AWS) starts or ends at {@code r}. */
    public boolean hasTrafficLine(Resource r) {
        for (RelationType t : new RelationType[]{RelationType.ROUTES_TO, RelationType.CONNECTS_OUTSIDE}) {
            if (!outByType.getOrDefault(r, Map.of()).getOrDefault(t, List.of()).isEmpty()
                    || !inByType.getOrDefault(r, Map.of()).getOrDefault(t, List.of()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Resources {@code r} points to through relations of {@code type}. */
    public List<Resource> targets(Resource r, RelationType type) {
        java.util.Set<Resource> out = new java.util.LinkedHashSet<>();
        for (Relation rel : outgoing(r, type)) {
            out.add(rel.target());
        }
        return new ArrayList<>(out);
    }

    /** Resources pointing to {@code r} through relations of {@code type}. */
    public List<Resource> sources(Resource r, RelationType type) {
        java.util.Set<Resource> out = new java.util.LinkedHashSet<>();
        for (Relation rel : incoming(r, type)) {
            out.add(rel.source());
        }
        return new ArrayList<>(out);
    }
}
