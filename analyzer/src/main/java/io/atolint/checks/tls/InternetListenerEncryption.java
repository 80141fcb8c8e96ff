package io.atolint.checks.tls;

import io.atolint.checks.support.Setting;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Traffic from the internet to a load balancer crosses the VPC boundary: every listener of an
 * internet-facing load balancer must be HTTPS or TLS, or HTTP that only redirects to HTTPS. Plain HTTP
 * between a load balancer and its targets inside one VPC is not this rule's concern.
 */
@Rule(id = "TLS001", title = "Internet-facing listeners encrypt traffic (HTTPS/TLS, or HTTP redirecting to HTTPS)",
        severity = Severity.HIGH, tags = {"security", "encryption-in-transit", "network"})
public final class InternetListenerEncryption implements Check {

    @Override
    public void check(RuleContext ctx) {
        ResourceGraph g = ctx.graph();
        for (Resource lb : g.resources(Kind.LOAD_BALANCER)) {
            Tri facing = ctx.facts().exposure().internetFacing(lb);
            if (facing.isFalse()) {
                continue;
            }
            for (Resource listener : g.sources(lb, io.atolint.model.RelationType.ATTACHED_TO)) {
                if (listener.kind() == Kind.LISTENER) {
                    listener(ctx, lb, facing, listener);
                }
            }
            lb.attr("Listeners", "listener").ifPresent(ls -> {
                for (Value l : ls.asList()) {
                    if (l instanceof Value.MapV m) {
                        classic(ctx, lb, facing, m);
                    }
                }
            });
        }
    }

    private void listener(RuleContext ctx, Resource lb, Tri facing, Resource listener) {
        ctx.examined(listener);
        String port = listener.attr("Port", "port").map(Value::describe).orElse("?");
        Optional<Value> protocolValue = listener.attr("Protocol", "protocol");
        String name = ctx.facts().topology().contextOf(lb) + Names.of(lb) + " listener " + listener.displayName()
                + " (port " + port + ")";
        SourceLocation at = listener.locationOf("Protocol", "protocol");
        String protocol;
        if (protocolValue.isEmpty()) {
            boolean certificate = listener.attr("Certificates", "certificate_arn").isPresent();
            if (certificate) {
                ctx.note(listener, at, name + ": its protocol is not stated", List.of());
                return;
            }
            protocol = Names.loadBalancerFlavour(lb).equals("NLB") ? "TCP" : "HTTP";
        } else if (protocolValue.get().asString().isPresent()) {
            protocol = protocolValue.get().asString().get().toUpperCase(Locale.ROOT);
        } else {
            ctx.note(listener, at, name + ": cannot tell its protocol: " + protocolValue.get().describe(), List.of());
            return;
        }
        switch (protocol) {
            case "HTTPS", "TLS" -> {
            }
            case "HTTP" -> {
                List<String> forwards = new ArrayList<>();
                List<Finding.Related> related = new ArrayList<>();
                List<Setting> unresolved = new ArrayList<>();
                actions(listener, "DefaultActions", "default_action", forwards, unresolved);
                for (Resource rule : ctx.graph().sources(listener, io.atolint.model.RelationType.REFERENCES)) {
                    if (rule.kind() == Kind.LISTENER_RULE) {
                        int before = forwards.size();
                        actions(rule, "Actions", "action", forwards, unresolved);
                        if (forwards.size() > before) {
                            related.add(new Finding.Related("listener rule " + rule.displayName(), rule.location(), rule.id()));
                        }
                    }
                }
                if (!forwards.isEmpty()) {
                    fail(ctx, lb, facing, listener, at, name + " is HTTP and " + String.join(", ", new LinkedHashSet<>(forwards))
                            + ": internet traffic reaches the VPC in clear text; listen on HTTPS, or redirect HTTP to HTTPS",
                            related);
                } else if (!unresolved.isEmpty()) {
                    List<Finding.Related> where = new ArrayList<>();
                    for (Setting u : unresolved) {
                        where.add(new Finding.Related("redirect protocol " + u.shown(), u.at(), listener.id()));
                    }
                    ctx.note(listener, at, name + " is HTTP and redirects to protocol " + unresolved.get(0).shown()
                            + ": cannot tell whether the redirect switches to HTTPS", where);
                }
            }
            case "TCP", "UDP", "TCP_UDP" -> {
                if (port.equals("80")) {
                    fail(ctx, lb, facing, listener, at, name + " is " + protocol + " on port 80: plain HTTP reaches "
                            + "the VPC from the internet; use a TLS listener", List.of());
                } else {
                    ctx.note(listener, at, name + " is " + protocol + ": encryption depends on what the targets speak",
                            List.of());
                }
            }
            default -> {
            }
        }
    }

    /** Collects what an action list does with the request, when it does not redirect to HTTPS. */
    private static void actions(Resource r, String cfn, String tf, List<String> forwards, List<Setting> unresolved) {
        for (Value a : r.attr(cfn, tf).map(Value::asList).orElse(List.of())) {
            String type = a.at("Type").or(() -> a.at("type")).flatMap(Value::asString).orElse("")
                    .toLowerCase(Locale.ROOT);
            boolean forward = type.equals("forward") || a.at("TargetGroupArn").isPresent()
                    || a.at("target_group_arn").isPresent();
            if (forward) {
                forwards.add("forwards to its targets");
            } else if (type.equals("redirect")) {
                // Omitted, the redirect keeps the request's protocol ("#{protocol}"): still HTTP. Unresolved
                // (a parameter without default, an import, a variable) cannot be told: a note, not a finding.
                Setting to = a.at("RedirectConfig").isPresent() || a.at("redirect").isEmpty()
                        ? Setting.at(a, r.location(), "RedirectConfig", "Protocol")
                        : Setting.at(a, r.location(), "redirect", "protocol");
                if (to.unknown()) {
                    unresolved.add(to);
                } else if (to.string().isEmpty() || !to.string().get().equalsIgnoreCase("HTTPS")) {
                    forwards.add("redirects without switching to HTTPS");
                }
            }
        }
    }

    private static void classic(RuleContext ctx, Resource lb, Tri facing, Value.MapV l) {
        ctx.examined(lb);
        String protocol = l.first("Protocol", "lb_protocol").flatMap(Value::asString).orElse("").toUpperCase(Locale.ROOT);
        String port = l.first("LoadBalancerPort", "lb_port").flatMap(Value::asString).orElse("?");
        String name = ctx.facts().topology().contextOf(lb) + Names.of(lb) + " listener on port " + port;
        SourceLocation at = l.keyLocation("Protocol").equals(l.location()) ? l.keyLocation("lb_protocol") : l.keyLocation("Protocol");
        if (protocol.equals("HTTP")) {
            fail(ctx, lb, facing, lb, at, name + " is HTTP: internet traffic reaches the VPC in clear text (a Classic "
                    + "Load Balancer cannot redirect); listen on HTTPS", List.of());
        } else if (protocol.equals("TCP")) {
            if (port.equals("80")) {
                fail(ctx, lb, facing, lb, at, name + " is TCP on port 80: plain HTTP reaches the VPC from the internet",
                        List.of());
            } else {
                ctx.note(lb, at, name + " is TCP: encryption depends on what the instances speak", List.of());
            }
        }
    }

    private static void fail(RuleContext ctx, Resource lb, Tri facing, Resource on, SourceLocation at, String message,
                             List<Finding.Related> related) {
        List<Finding.Related> rel = new ArrayList<>(related);
        rel.add(new Finding.Related(Names.of(lb) + " (internet-facing)", lb.locationOf("Scheme", "internal"), lb.id()));
        if (facing.isTrue()) {
            ctx.report(on, at, message, rel);
        } else {
            ctx.note(on, at, message + " (if "
                    + Names.of(lb) + " is internet-facing, which cannot be told)", rel);
        }
    }
}
