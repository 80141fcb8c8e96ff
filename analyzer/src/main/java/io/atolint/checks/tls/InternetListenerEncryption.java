package io.atolint.checks.tls;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
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
            for (Value.MapV l : Setting.of(lb, "Listeners").blocks()) {
                classic(ctx, lb, facing, l);
            }
        }
    }

    private void listener(RuleContext ctx, Resource lb, Tri facing, Resource listener) {
        ctx.examined(listener);
        Setting portSetting = Setting.of(listener, "Port");
        String port = portSetting.present() ? portSetting.value().describe() : "?";
        Setting protocolSetting = Setting.of(listener, "Protocol");
        Optional<Value> protocolValue = Optional.ofNullable(protocolSetting.value());
        String name = ctx.facts().topology().contextOf(lb) + Names.of(lb) + " listener " + listener.displayName()
                + " (port " + port + ")";
        SourceLocation at = protocolSetting.at();
        String protocol;
        if (protocolValue.isEmpty()) {
            boolean certificate = Setting.of(listener, "Certificates").present();
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
                actions(listener, "DefaultActions", forwards, unresolved);
                for (Resource rule : ctx.graph().sources(listener, io.atolint.model.RelationType.REFERENCES)) {
                    if (rule.kind() == Kind.LISTENER_RULE) {
                        int before = forwards.size();
                        actions(rule, "Actions", forwards, unresolved);
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
    private static void actions(Resource r, String property, List<String> forwards, List<Setting> unresolved) {
        for (Value a : Setting.of(r, property).blocks()) {
            String type = Setting.in(r, "@ListenerAction", a, "Type").string().orElse("").toLowerCase(Locale.ROOT);
            boolean forward = type.equals("forward") || Setting.in(r, "@ListenerAction", a, "TargetGroupArn").present();
            if (forward) {
                forwards.add("forwards to its targets");
            } else if (type.equals("redirect")) {
                // Omitted, the redirect keeps the request's protocol ("#{protocol}"): still HTTP. Unresolved
                // (a parameter without default, an import, a variable) cannot be told: a note, not a finding.
                Setting to = Setting.in(r, "@ListenerAction", a, "RedirectProtocol");
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
        Setting protocolSetting = Setting.in(lb, "@ClassicListener", l, "Protocol");
        String protocol = protocolSetting.string().orElse("").toUpperCase(Locale.ROOT);
        String port = Setting.in(lb, "@ClassicListener", l, "LoadBalancerPort").string().orElse("?");
        String name = ctx.facts().topology().contextOf(lb) + Names.of(lb) + " listener on port " + port;
        SourceLocation at = protocolSetting.at();
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
        Setting scheme = Setting.of(lb, "Scheme");
        SourceLocation schemeAt = scheme.present() ? scheme.at() : Setting.of(lb, "Internal").at();
        rel.add(new Finding.Related(Names.of(lb) + " (internet-facing)", schemeAt, lb.id()));
        if (facing.isTrue()) {
            ctx.report(on, at, message, rel);
        } else {
            ctx.note(on, at, message + " (if "
                    + Names.of(lb) + " is internet-facing, which cannot be told)", rel);
        }
    }
}
