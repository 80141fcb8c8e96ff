package io.atolint.topology;

import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;

import java.util.List;

/**
 * A single point of failure, or a candidate the files cannot settle ({@code proven} UNKNOWN).
 *
 * @param resource the resource that fails alone
 * @param why      the fact, for messages and the JSON report
 * @param at       where the deciding fact is written
 * @param related  the other resources that make it a single point (clients of a NAT, the path)
 */
public record Spof(Category category, Tri proven, Resource resource, ReplicaSet set, String why, SourceLocation at,
                   List<TrafficPath> paths, List<Finding.Related> related) {

    public enum Category {
        /** One NAT gateway serving private subnets in other AZs, or a NAT instance. */
        NAT("nat"),
        /** One EC2 instance alone on a path from ingress to data. */
        LONE_INSTANCE("lone-instance"),
        /** A group or service that runs one copy. */
        SINGLE_COPY("single-copy"),
        /** A single-AZ data store that a multi-AZ tier depends on. */
        SINGLE_AZ_DEPENDENCY("single-az-dependency"),
        /**
         * A single-AZ hop that every path between an ingress point and an end crosses: a cut point of the
         * traffic graph, or the end itself. The tier rules report those with a role; SPOF005 the rest
         * (appliances, drawn routers, network interfaces).
         */
        SINGLE_AZ_HOP("single-az-hop"),
        /** The only link between an on-premises site or external system and AWS. */
        SINGLE_LINK("single-link");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Spof {
        paths = List.copyOf(paths);
        related = List.copyOf(related);
    }
}
