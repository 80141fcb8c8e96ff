package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Model;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topology of every model of a scan: tiers, ingress points, paths, single points of failure.
 * Built once per analysis by its {@link Facts} and shared by the checks and the reports. Graph algorithms
 * here recurse (JGraphT's biconnectivity overflows the default 1 MB stack near 10 k vertices), so the
 * build runs on a thread with a large stack.
 */
public final class Topology {
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private final List<ModelTopology> models;
    /** Each model's topology, and the first one whose model holds a resource id: asked per resource by checks. */
    private final Map<Model, ModelTopology> byModel = new IdentityHashMap<>();
    private final Map<String, ModelTopology> byResourceId = new HashMap<>();

    private Topology(List<ModelTopology> models) {
        this.models = List.copyOf(models);
        for (ModelTopology t : this.models) {
            byModel.putIfAbsent(t.model(), t);
            for (Resource r : t.model().resources()) {
                byResourceId.putIfAbsent(r.id(), t);
            }
        }
    }

    public List<ModelTopology> models() {
        return models;
    }

    public Optional<ModelTopology> of(Model m) {
        return Optional.ofNullable(byModel.get(m));
    }

    /** The topology of the model a resource belongs to. */
    public Optional<ModelTopology> containing(Resource r) {
        return Optional.ofNullable(byResourceId.get(r.id()));
    }

    /** {@code load-balancing tier, on path Igw -> Alb -> App -> Db: } for a resource of a tier, else empty. */
    public String contextOf(Resource r) {
        return containing(r).flatMap(t -> t.setOf(r).filter(s -> t.tierOf(s).isPresent()).map(t::context))
                .map(c -> c + ": ").orElse("");
    }

    /** Builds the topology of every model of the graph; only {@link Facts} calls it, once. */
    static Topology build(ResourceGraph graph, Exposure exposure) {
        List<ModelTopology> out = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        Error[] error = new Error[1];
        Thread t = new Thread(null, () -> {
            try {
                for (Model m : graph.models()) {
                    ModelTopology mt = new TopologyBuilder(graph, m, exposure).build();
                    mt.setSpofs(new SpofAnalysis(graph, mt).run());
                    out.add(mt);
                }
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (StackOverflowError | OutOfMemoryError e) {
                error[0] = e;
            }
        }, "atolint-topology", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the topology", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        if (error[0] != null) {
            throw error[0];
        }
        return new Topology(out);
    }
}
