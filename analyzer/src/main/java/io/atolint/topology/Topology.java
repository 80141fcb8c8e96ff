package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.parse.Parallel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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

    /**
     * Builds the topology of every model of the graph; only {@link Facts} calls it, once. Models are built
     * on every core ({@link Parallel#threads()}), each on its own: a model's topology reads the graph and the
     * shared, synchronised exposure, never another model's. When models fail, the first failing one in model
     * order is the failure, as when they were built one after the other.
     */
    static Topology build(ResourceGraph graph, Exposure exposure) {
        List<Model> models = graph.models();
        ModelTopology[] built = new ModelTopology[models.size()];
        Throwable[] failed = new Throwable[models.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < built.length; i = next.getAndIncrement()) {
                try {
                    ModelTopology mt = new TopologyBuilder(graph, models.get(i), exposure).build();
                    mt.setSpofs(new SpofAnalysis(graph, mt).run());
                    built[i] = mt;
                } catch (RuntimeException | Error e) {
                    failed[i] = e;
                }
            }
        };
        int threads = Math.max(1, Math.min(Parallel.threads(), models.size()));
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(null, work, "atolint-topology-" + (i + 1), STACK_BYTES);
            workers[i].start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the topology", e);
            }
        }
        for (Throwable f : failed) {
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
        }
        return new Topology(Arrays.asList(built));
    }
}
