package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Model;
import io.atolint.model.Resource;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fact derived from the resolved model that rules and reports select from, one object per analysis:
 * the topology of each model (replica sets, tiers, paths, SPOFs), exposure (which load balancers face the
 * internet, which subnets are public, what the internet reaches), VPC membership, transit encryption of
 * data stores, scaling, on-premises site connectivity and the AZ-failure simulation. The analysis builds
 * it for its graph; rules reach it through their context, reports through the analysis.
 *
 * <p>Each fact is derived the first time something asks for it (the {@code graph} command asks for none,
 * and a topology that cannot be built must not stop the checks that do not need it), then kept here for
 * every later reader. Nothing is cached anywhere else: a second {@code Facts} for the same graph would
 * derive everything again, which is why exactly one is built per analysis.
 */
public final class Facts {
    private final ResourceGraph graph;
    private final Exposure exposure;
    private final Vpcs vpcs;
    private final Map<Resource, TransitEncryption> transit = new HashMap<>();
    private final Map<Resource, ScalingVerdict> scaling = new HashMap<>();
    private final Map<Model, List<SiteConnectivity.Result>> sites = new IdentityHashMap<>();
    private final Map<ModelTopology, List<AzSimulation.Scenario>> simulations = new IdentityHashMap<>();
    private Topology topology;
    private Throwable topologyFailure;
    private int topologyBuilds;

    public Facts(ResourceGraph graph) {
        this.graph = graph;
        this.exposure = new Exposure(graph);
        this.vpcs = new Vpcs(graph);
    }

    public ResourceGraph graph() {
        return graph;
    }

    /**
     * The topology of every model, built on first use. When it cannot be built, every call throws the same
     * failure (a rule reports it as its internal error, a report says the topology is not available).
     */
    public synchronized Topology topology() {
        if (topology == null && topologyFailure == null) {
            topologyBuilds++;
            try {
                topology = Topology.build(graph, exposure);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                topologyFailure = e;
            }
        }
        if (topologyFailure instanceof RuntimeException e) {
            throw e;
        }
        if (topologyFailure instanceof Error e) {
            throw e;
        }
        return topology;
    }

    /** How many times this object built the topology (0 or 1): the test hook for "built once per analysis". */
    synchronized int topologyBuilds() {
        return topologyBuilds;
    }

    /** Which load balancers face the internet, which subnets are public, what the internet reaches. */
    public Exposure exposure() {
        return exposure;
    }

    /** Which VPC each resource is in. */
    public Vpcs vpcs() {
        return vpcs;
    }

    /** Whether a data store refuses clients without TLS ({@link TransitEncryption#appliesTo} says which kinds). */
    public synchronized TransitEncryption transitEncryption(Resource store) {
        return transit.computeIfAbsent(store, r -> TransitEncryption.of(graph, r));
    }

    /** Whether a compute or data resource has a scaling mechanism. */
    public synchronized ScalingVerdict scaling(Resource r) {
        return scaling.computeIfAbsent(r, x -> ScalingVerdict.of(graph, x));
    }

    /** The on-premises sites of a model and how many independent connections join each to AWS. */
    public synchronized List<SiteConnectivity.Result> sites(Model model) {
        return sites.computeIfAbsent(model, m -> SiteConnectivity.applies(m) ? SiteConnectivity.of(graph, m) : List.of());
    }

    /** What breaks in a model's topology when each of its AZs is lost. */
    public synchronized List<AzSimulation.Scenario> simulation(ModelTopology t) {
        return simulations.computeIfAbsent(t, AzSimulation::run);
    }
}
