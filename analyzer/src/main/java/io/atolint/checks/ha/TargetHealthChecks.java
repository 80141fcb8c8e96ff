package io.atolint.checks.ha;

import io.atolint.checks.support.Refs;
import io.atolint.model.Setting;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Losing an AZ, or an instance, is survived only when the failure is noticed and acted on: a target
 * group must health-check its targets (AWS does by default; only {@code HealthCheckEnabled: false} /
 * {@code health_check { enabled = false }} turns it off, and Lambda targets are not checked by default),
 * and an Auto Scaling group behind a load balancer must use its health checks
 * ({@code HealthCheckType: ELB}), or instances the load balancer finds unhealthy are never replaced.
 */
@Rule(id = "HA005", title = "Load-balanced targets are health-checked and replaced when unhealthy",
        severity = Severity.MEDIUM, tags = {"availability", "resilience", "load-balancing"})
public final class TargetHealthChecks implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Resource tg : ctx.inScope(Kind.TARGET_GROUP)) {
            String type = Setting.of(tg, "TargetType").stringOrDefault().orElse("instance").toLowerCase(Locale.ROOT);
            if (type.equals("lambda")) {
                continue;
            }
            Setting enabled = Setting.of(tg, "HealthCheckEnabled");
            if (enabled.unknown()) {
                ctx.note(tg, enabled.at(), Names.of(tg) + ": cannot tell whether it health-checks its targets: "
                        + enabled.name() + " is " + enabled.shown(), List.of());
            } else if (enabled.bool() == Tri.FALSE) {
                ctx.report(tg, enabled.at(), Names.of(tg) + " does not health-check its targets (" + enabled.name() + " is "
                        + enabled.shown() + "): the load balancer keeps sending requests to failed targets", List.of());
            }
        }
        for (Resource asg : ctx.inScope(Kind.AUTOSCALING_GROUP)) {
            Optional<String> behind = behind(ctx, asg);
            if (behind.isEmpty()) {
                continue;
            }
            Setting type = Setting.of(asg, "HealthCheckType");
            if (type.unknown()) {
                ctx.note(asg, type.at(), Names.of(asg) + " is behind " + behind.get() + ": cannot tell whether it replaces "
                        + "instances the load balancer finds unhealthy: " + type.name() + " is " + type.shown(), List.of());
            } else if (!type.string().orElse("EC2").equalsIgnoreCase("ELB")) {
                ctx.report(asg, type.omitted() ? asg.location() : type.at(), Names.of(asg) + " is behind " + behind.get()
                        + " but uses EC2 status checks only (" + type.name() + " is " + (type.omitted() ? "omitted, default EC2"
                        : type.shown()) + "): instances the load balancer finds unhealthy are never replaced; set it to ELB",
                        List.of());
            }
        }
    }

    /**
     * The target group or load balancer the group registers its instances with: only an explicit
     * registration counts (an ECS cluster's instances reach a load balancer through its services'
     * target groups, not the group's own health).
     */
    private static Optional<String> behind(RuleContext ctx, Resource asg) {
        Setting registration = Setting.of(asg, "LoadBalancerRegistration");
        if (registration.present()) {
            List<Resource> named = Refs.targets(ctx.graph(), registration.value(), Kind.TARGET_GROUP, Kind.LOAD_BALANCER);
            if (!named.isEmpty()) {
                return Optional.of(Names.of(named.get(0)));
            }
        }
        if (registration.present() && !registration.items().isEmpty()) {
            return Optional.of("a load balancer (" + registration.shown() + ")");
        }
        for (Resource a : ctx.graph().resources(Kind.TARGET_GROUP_ATTACHMENT)) {
            List<Resource> refs = Refs.from(ctx.graph(), a);
            if (refs.contains(asg)) {
                return Optional.of(refs.stream().filter(r -> r.kind() == Kind.TARGET_GROUP || r.kind() == Kind.LOAD_BALANCER)
                        .findFirst().map(Names::of).orElse("a load balancer (attached by " + Names.of(a) + ")"));
            }
        }
        return Optional.empty();
    }
}
