package io.atolint.topology;

import io.atolint.model.Kind;
import io.atolint.model.Workloads;

import java.util.Optional;

/** The part a resource plays on the way from an ingress point to the data: the tiers of a topology. */
public enum Role {
    INGRESS("ingress"),
    LOAD_BALANCING("load-balancing"),
    COMPUTE("compute"),
    DATA("data"),
    EGRESS("egress");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** As the JSON report and messages write it: {@code load-balancing}. */
    public String label() {
        return label;
    }

    /**
     * The role of a kind. Cluster kinds (ECS, EKS) are compute only when traffic reaches them: in IaC
     * they group services, in diagrams they are drawn as what serves requests.
     */
    static Optional<Role> of(Kind k, boolean onTrafficGraph) {
        if (Workloads.INGRESS.contains(k)) {
            return Optional.of(INGRESS);
        }
        if (Workloads.LOAD_BALANCING.contains(k)) {
            return Optional.of(LOAD_BALANCING);
        }
        if (Workloads.COMPUTE.contains(k) || (onTrafficGraph && Workloads.COMPUTE_CLUSTERS.contains(k))) {
            return Optional.of(COMPUTE);
        }
        if (Workloads.DATA.contains(k)) {
            return Optional.of(DATA);
        }
        if (Workloads.EGRESS.contains(k)) {
            return Optional.of(EGRESS);
        }
        return Optional.empty();
    }
}
