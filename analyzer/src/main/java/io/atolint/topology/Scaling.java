package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;

import java.util.ArrayList;
import java.util.List;

/** What scales a resource: scaling policies and scheduled actions of a group, Application Auto Scaling targets. */
public final class Scaling {
    private Scaling() {
    }

    /**
     * The resources that scale {@code r}: for an Auto Scaling group its scaling policies and scheduled
     * actions; for anything else (ECS service, DynamoDB table, Aurora cluster, replication group, MSK
     * cluster) the Application Auto Scaling targets whose resource id names it.
     */
    public static List<Resource> mechanisms(ResourceGraph graph, Resource r) {
        List<Resource> out = new ArrayList<>();
        for (Resource s : graph.sources(r, RelationType.REFERENCES)) {
            boolean scales = r.kind() == Kind.AUTOSCALING_GROUP
                    ? s.kind() == Kind.SCALING_POLICY || s.kind() == Kind.SCHEDULED_ACTION
                    : s.kind() == Kind.APP_SCALING_TARGET;
            if (scales && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
