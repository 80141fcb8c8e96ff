package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a compute resource provably runs a single copy: an Auto Scaling group whose maximum is 1, or
 * whose desired capacity (by default its minimum) is 1 with nothing to scale it; an ECS service whose
 * desired count is 1 (the default) with no scaling target; an EKS node group whose maximum is 1.
 *
 * @param one   TRUE when provably one copy, UNKNOWN when a size is not decidable or not stated
 * @param why   the fact, for messages: {@code MaxSize 1}
 * @param at    where the deciding attribute is written
 */
public record Capacity(Tri one, String why, SourceLocation at) {

    public static Capacity of(ResourceGraph graph, Resource r) {
        return switch (r.kind()) {
            case AUTOSCALING_GROUP -> group(graph, r, r.attributes(), "MaxSize", "MinSize", "DesiredCapacity");
            case EKS_NODE_GROUP -> r.attr("ScalingConfig", "scaling_config")
                    .flatMap(Value::asMap)
                    .map(m -> group(graph, r, m, "MaxSize", "MinSize", "DesiredSize"))
                    .orElse(new Capacity(Tri.UNKNOWN, "", r.location()));
            case ECS_SERVICE -> service(graph, r);
            default -> new Capacity(Tri.FALSE, "", r.location());
        };
    }

    private static Capacity group(ResourceGraph graph, Resource r, Value.MapV sizes, String max, String min, String desired) {
        Optional<Value> maxV = sizes.get(max);
        Optional<Value> minV = sizes.get(min);
        Optional<Value> desiredV = sizes.get(desired);
        if (maxV.isEmpty() && minV.isEmpty() && desiredV.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, "its size is not stated", r.location());
        }
        Optional<BigDecimal> maxN = maxV.flatMap(Value::asNumber);
        boolean tf = r.format() == io.atolint.model.Format.TERRAFORM;
        if (maxN.isPresent() && maxN.get().compareTo(BigDecimal.ONE) == 0) {
            return new Capacity(Tri.TRUE, spell(tf, max) + " " + maxN.get().toPlainString(), sizes.keyLocation(max));
        }
        // The desired capacity defaults to the minimum.
        Optional<Value> effective = desiredV.isPresent() ? desiredV : minV;
        String name = desiredV.isPresent() ? desired : min;
        Optional<BigDecimal> n = effective.flatMap(Value::asNumber);
        boolean scaled = !Scaling.mechanisms(graph, r).isEmpty();
        if (n.isPresent() && n.get().compareTo(BigDecimal.ONE) == 0 && !scaled) {
            return new Capacity(Tri.TRUE, spell(tf, name) + " 1 and no scaling policy or scheduled action",
                    sizes.keyLocation(name));
        }
        if (maxV.isPresent() && maxN.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, spell(tf, max) + " is " + maxV.get().describe(), sizes.keyLocation(max));
        }
        if (effective.isPresent() && n.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, spell(tf, name) + " is " + effective.get().describe(), sizes.keyLocation(name));
        }
        return new Capacity(Tri.FALSE, "", r.location());
    }

    private static Capacity service(ResourceGraph graph, Resource r) {
        if (r.attr("SchedulingStrategy", "scheduling_strategy").flatMap(Value::asString)
                .filter("DAEMON"::equalsIgnoreCase).isPresent()) {
            return new Capacity(Tri.FALSE, "", r.location());
        }
        boolean scaled = !Scaling.mechanisms(graph, r).isEmpty();
        Optional<Value> count = r.attr("DesiredCount", "desired_count");
        if (count.isEmpty()) {
            // A declared service runs one task by default; a drawn one states nothing.
            if (r.attributes().has("TaskDefinition") && !scaled) {
                return new Capacity(Tri.TRUE, "DesiredCount unset (1 task) and no scaling target", r.location());
            }
            return new Capacity(Tri.UNKNOWN, "its task count is not stated", r.location());
        }
        Optional<BigDecimal> n = count.get().asNumber();
        if (n.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, "DesiredCount is " + count.get().describe(), r.locationOf("DesiredCount", "desired_count"));
        }
        if (n.get().compareTo(BigDecimal.ONE) == 0 && !scaled) {
            return new Capacity(Tri.TRUE, spell(r.format() == io.atolint.model.Format.TERRAFORM, "DesiredCount") + " "
                    + n.get().toPlainString() + " and no scaling target",
                    r.locationOf("DesiredCount", "desired_count"));
        }
        return new Capacity(Tri.FALSE, "", r.location());
    }

    private static String spell(boolean terraform, String name) {
        return io.atolint.checks.support.Setting.spelling(terraform, name);
    }

    public boolean isOne() {
        return one.isTrue();
    }

    static boolean appliesTo(Kind k) {
        return k == Kind.AUTOSCALING_GROUP || k == Kind.EKS_NODE_GROUP || k == Kind.ECS_SERVICE;
    }
}
