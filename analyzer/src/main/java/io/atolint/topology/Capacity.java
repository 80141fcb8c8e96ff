package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

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
        if (appliesTo(r.kind()) && DrawnCount.counted(r)) {
            return new Capacity(Tri.FALSE, "", r.location()); // "Orders service (3 tasks)": the drawing says several
        }
        return switch (r.kind()) {
            case AUTOSCALING_GROUP -> group(graph, r, p -> Setting.of(r, p), "DesiredCapacity");
            case EKS_NODE_GROUP -> Setting.of(r, "ScalingConfig").map()
                    .map(m -> group(graph, r, p -> Setting.in(r, "@ScalingConfig", m, p), "DesiredSize"))
                    .orElse(new Capacity(Tri.UNKNOWN, "", r.location()));
            case ECS_SERVICE -> service(graph, r);
            default -> new Capacity(Tri.FALSE, "", r.location());
        };
    }

    /** An Auto Scaling group's or node group's sizes, read through {@code size} (MaxSize, MinSize, {@code desired}). */
    private static Capacity group(ResourceGraph graph, Resource r, Function<String, Setting> size, String desired) {
        Setting maxV = size.apply("MaxSize");
        Setting minV = size.apply("MinSize");
        Setting desiredV = size.apply(desired);
        if (maxV.omitted() && minV.omitted() && desiredV.omitted()) {
            return new Capacity(Tri.UNKNOWN, "its size is not stated", r.location());
        }
        Optional<BigDecimal> maxN = maxV.number();
        if (maxN.isPresent() && maxN.get().compareTo(BigDecimal.ONE) == 0) {
            return new Capacity(Tri.TRUE, maxV.name() + " " + maxN.get().toPlainString(), maxV.at());
        }
        // The desired capacity defaults to the minimum.
        Setting effective = desiredV.present() ? desiredV : minV;
        Optional<BigDecimal> n = effective.number();
        boolean scaled = !Scaling.mechanisms(graph, r).isEmpty();
        if (n.isPresent() && n.get().compareTo(BigDecimal.ONE) == 0 && !scaled) {
            return new Capacity(Tri.TRUE, effective.name() + " 1 and no scaling policy or scheduled action", effective.at());
        }
        if (maxV.present() && maxN.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, maxV.name() + " is " + maxV.value().describe(), maxV.at());
        }
        if (effective.present() && n.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, effective.name() + " is " + effective.value().describe(), effective.at());
        }
        return new Capacity(Tri.FALSE, "", r.location());
    }

    private static Capacity service(ResourceGraph graph, Resource r) {
        if (Setting.of(r, "SchedulingStrategy").string().filter("DAEMON"::equalsIgnoreCase).isPresent()) {
            return new Capacity(Tri.FALSE, "", r.location());
        }
        boolean scaled = !Scaling.mechanisms(graph, r).isEmpty();
        Setting count = Setting.of(r, "DesiredCount");
        if (count.omitted()) {
            // A declared service runs one task by default; a drawn one states nothing.
            if (Setting.of(r, "TaskDefinition").written() && !scaled) {
                return new Capacity(Tri.TRUE, count.name() + " unset (" + count.defaultValue().orElse("?")
                        + " task) and no scaling target", r.location());
            }
            return new Capacity(Tri.UNKNOWN, "its task count is not stated", r.location());
        }
        Optional<BigDecimal> n = count.number();
        if (n.isEmpty()) {
            return new Capacity(Tri.UNKNOWN, count.name() + " is " + count.value().describe(), count.at());
        }
        if (n.get().compareTo(BigDecimal.ONE) == 0 && !scaled) {
            return new Capacity(Tri.TRUE, count.name() + " " + n.get().toPlainString() + " and no scaling target", count.at());
        }
        return new Capacity(Tri.FALSE, "", r.location());
    }

    public boolean isOne() {
        return one.isTrue();
    }

    static boolean appliesTo(Kind k) {
        return k == Kind.AUTOSCALING_GROUP || k == Kind.EKS_NODE_GROUP || k == Kind.ECS_SERVICE;
    }
}
