package io.atolint.checks.tls;

import io.atolint.checks.support.Refs;
import io.atolint.model.Setting;
import io.atolint.model.Kind;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.model.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Endpoints that terminate TLS accept only TLS 1.2 or later (medium) and, for load balancers, only
 * forward-secret SHA-2 ciphers (low): ALB HTTPS and NLB TLS listeners ({@code SslPolicy}), Classic Load
 * Balancer HTTPS/SSL listeners (their SSL negotiation policy, predefined or custom), and OpenSearch
 * domain endpoints ({@code TLSSecurityPolicy}). An omitted policy is the API's default, which still
 * accepts TLS 1.0. A policy that cannot be resolved, or a name atolint does not know, is a note.
 */
@Rule(id = "TLS005", title = "TLS endpoints accept only TLS 1.2 or later with strong ciphers", severity = Severity.MEDIUM,
        tags = {"security", "encryption-in-transit", "tls"})
public final class TlsPolicyVersion implements Check {
    private static final List<String> ORDER = List.of("SSL 3.0", "1.0", "1.1");
    private static final String ADVICE = "; use ELBSecurityPolicy-TLS13-1-2-2021-06 or a newer policy";

    @Override
    public void check(RuleContext ctx) {
        for (Resource l : ctx.graph().resources(Kind.LISTENER)) {
            listener(ctx, l);
        }
        for (Resource lb : ctx.graph().resources(Kind.LOAD_BALANCER)) {
            if (Names.loadBalancerFlavour(lb).equals("CLB")) {
                classic(ctx, lb);
            }
        }
        for (Resource p : ctx.inScope(Kind.LOAD_BALANCER_POLICY)) {
            if (sslNegotiation(p)) {
                judgeAttributes(ctx, p, Names.of(p), attributes(Setting.of(p, "Attributes").value()),
                        p.location());
            }
        }
        for (Resource d : ctx.inScope(Kind.OPENSEARCH_DOMAIN)) {
            openSearch(ctx, d);
        }
    }

    // ---------------------------------------------------------------- ALB and NLB listeners

    private static void listener(RuleContext ctx, Resource l) {
        Optional<Value> protocolValue = Optional.ofNullable(Setting.of(l, "Protocol").value());
        Setting policy = Setting.of(l, "SslPolicy");
        String name = name(ctx, l);
        if (protocolValue.isPresent() && protocolValue.get().asString().isEmpty()) {
            if (!policy.omitted()) {
                ctx.examined(l);
                ctx.note(l, protocolValue.get().location(), name + ": its protocol is " + protocolValue.get().describe()
                        + ": cannot tell whether it terminates TLS with " + policy.name() + " " + policy.shown(), List.of());
            }
            return;
        }
        String protocol = protocolValue.flatMap(Value::asString).orElse("").toUpperCase(Locale.ROOT);
        if (!protocol.equals("HTTPS") && !protocol.equals("TLS")) {
            return;
        }
        ctx.examined(l);
        if (policy.unknown()) {
            ctx.note(l, policy.at(), name + ": cannot tell which TLS versions it accepts: " + policy.name() + " is "
                    + policy.shown(), List.of());
            return;
        }
        String policyName = policy.string().orElse(TlsPolicies.ELB_API_DEFAULT);
        String shown = policy.omitted() ? policy.name() + " is omitted (the API's default is " + TlsPolicies.ELB_API_DEFAULT + ")"
                : policy.name() + " is " + policyName;
        Optional<TlsPolicies.Accepts> accepts = TlsPolicies.elb(policyName);
        SourceLocation at = policy.omitted() ? l.location() : policy.at();
        if (accepts.isEmpty()) {
            ctx.note(l, at, name + ": " + shown + ", not a predefined policy atolint knows: cannot tell which TLS versions "
                    + "and ciphers it accepts", List.of());
            return;
        }
        verdict(ctx, l, at, name, shown, accepts.get(), ADVICE);
    }

    private static String name(RuleContext ctx, Resource l) {
        String port = Optional.ofNullable(Setting.of(l, "Port").value()).map(Value::describe).orElse("?");
        Optional<Resource> lb = ctx.graph().targets(l, RelationType.ATTACHED_TO).stream()
                .filter(r -> r.kind() == Kind.LOAD_BALANCER).findFirst()
                .or(() -> Refs.targets(ctx.graph(), Setting.of(l, "LoadBalancerArn").value(), Kind.LOAD_BALANCER).stream().findFirst());
        return lb.map(b -> Names.of(b) + " listener " + l.displayName()).orElse("Listener \"" + l.displayName() + "\"")
                + " (port " + port + ")";
    }

    private static void verdict(RuleContext ctx, Resource r, SourceLocation at, String name, String shown,
                                TlsPolicies.Accepts accepts, String advice) {
        if (accepts.belowTls12()) {
            ctx.report(r, at, name + " accepts TLS " + accepts.minimum() + ": " + shown + advice, List.of());
        } else if (accepts.weakCiphers()) {
            ctx.report(Severity.LOW, r, at, name + " accepts ciphers without forward secrecy or with SHA-1: " + shown
                    + advice, List.of());
        }
    }

    // ---------------------------------------------------------------- Classic Load Balancers

    private static void classic(RuleContext ctx, Resource lb) {
        List<Resource> tfPolicies = new ArrayList<>();
        for (Resource p : ctx.graph().resources(Kind.LOAD_BALANCER_POLICY)) {
            if (sslNegotiation(p) && Refs.from(ctx.graph(), p).contains(lb)) {
                tfPolicies.add(p);
            }
        }
        for (Value l : Setting.of(lb, "Listeners").items()) {
            if (!(l instanceof Value.MapV m)) {
                continue;
            }
            Optional<Value> protocolValue = Optional.ofNullable(Setting.in(lb, "@ClassicListener", m, "Protocol").value());
            String protocol = protocolValue.flatMap(Value::asString).orElse("").toUpperCase(Locale.ROOT);
            if (!protocol.equals("HTTPS") && !protocol.equals("SSL")) {
                continue;
            }
            ctx.examined(lb);
            String port = Optional.ofNullable(Setting.in(lb, "@ClassicListener", m, "LoadBalancerPort").value()).map(Value::describe).orElse("?");
            String name = Names.of(lb) + " listener on port " + port;
            if (!tfPolicies.isEmpty()) {
                continue; // judged as policy resources
            }
            Optional<Value.MapV> policy = cfnPolicy(lb, m);
            if (policy.isPresent()) {
                judgeAttributes(ctx, lb, name, attributes(Setting.in(lb, "@ClbPolicy", policy.get(), "Attributes").value()),
                        policy.get().location());
            } else if (Setting.in(lb, "@ClassicListener", m, "PolicyNames").unknown()) {
                ctx.note(lb, m.location(), name + ": cannot tell which SSL negotiation policy it uses: PolicyNames is "
                        + Setting.in(lb, "@ClassicListener", m, "PolicyNames").shown(), List.of());
            } else {
                verdict(ctx, lb, m.location(), name, "no SSL negotiation policy is set (the default is "
                        + TlsPolicies.ELB_API_DEFAULT + ")", TlsPolicies.elb(TlsPolicies.ELB_API_DEFAULT).orElseThrow(),
                        "; set ELBSecurityPolicy-TLS-1-2-2017-01 as its Reference-Security-Policy");
            }
        }
    }

    /** The SSLNegotiationPolicyType policy a CloudFormation listener names in PolicyNames. */
    private static Optional<Value.MapV> cfnPolicy(Resource lb, Value.MapV listener) {
        List<String> names = Setting.in(lb, "@ClassicListener", listener, "PolicyNames").items().stream()
                .flatMap(v -> v.asString().stream()).toList();
        for (Value p : Setting.of(lb, "Policies").items()) {
            if (p instanceof Value.MapV pm && Setting.in(lb, "@ClbPolicy", pm, "PolicyType").string()
                    .filter("SSLNegotiationPolicyType"::equalsIgnoreCase).isPresent()
                    && Setting.in(lb, "@ClbPolicy", pm, "PolicyName").string().filter(names::contains).isPresent()) {
                return Optional.of(pm);
            }
        }
        return Optional.empty();
    }

    private static boolean sslNegotiation(Resource p) {
        if (p.rawType().equals("aws_lb_ssl_negotiation_policy")) {
            return true;
        }
        return Setting.of(p, "PolicyType").string().filter("SSLNegotiationPolicyType"::equalsIgnoreCase).isPresent();
    }

    /** Name/value pairs: CloudFormation {@code Attributes: [{Name, Value}]}, Terraform {@code policy_attribute}/{@code attribute} blocks. */
    private static List<Value.MapV> attributes(Value list) {
        List<Value.MapV> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Value a : list.asList()) {
            if (a instanceof Value.MapV m) {
                out.add(m);
            }
        }
        return out;
    }

    /** A predefined reference, or protocol and cipher switches one by one. */
    private static void judgeAttributes(RuleContext ctx, Resource r, String name, List<Value.MapV> attrs, SourceLocation at) {
        String lowest = null;
        List<String> weak = new ArrayList<>();
        for (Value.MapV a : attrs) {
            Optional<String> key = Setting.in(r, "@PolicyAttribute", a, "Name").string();
            Optional<Value> value = Optional.ofNullable(Setting.in(r, "@PolicyAttribute", a, "Value").value());
            if (key.isEmpty() || value.isEmpty()) {
                continue;
            }
            if (value.get().asString().isEmpty()) {
                ctx.note(r, value.get().location(), name + ": cannot tell which TLS versions it accepts: " + key.get()
                        + " is " + value.get().describe(), List.of());
                return;
            }
            String v = value.get().asString().get();
            if (key.get().equalsIgnoreCase("Reference-Security-Policy")) {
                Optional<TlsPolicies.Accepts> accepts = TlsPolicies.elb(v);
                if (accepts.isEmpty()) {
                    ctx.note(r, value.get().location(), name + ": Reference-Security-Policy is " + v
                            + ", not a predefined policy atolint knows", List.of());
                } else {
                    // ELBSecurityPolicy-TLS-1-2-2017-01 is the strongest predefined policy a Classic Load Balancer
                    // takes: only the TLS version is judged.
                    verdict(ctx, r, value.get().location(), name, "Reference-Security-Policy is " + v,
                            new TlsPolicies.Accepts(accepts.get().minimum(), false), "; use ELBSecurityPolicy-TLS-1-2-2017-01");
                }
                return;
            }
            if (!value.get().asBool().isTrue()) {
                continue;
            }
            Optional<String> old = TlsPolicies.oldProtocol(key.get());
            if (old.isPresent() && (lowest == null || ORDER.indexOf(old.get()) < ORDER.indexOf(lowest))) {
                lowest = old.get();
            } else if (old.isEmpty() && TlsPolicies.weakCipher(key.get())) {
                weak.add(key.get());
            }
        }
        if (lowest != null) {
            ctx.report(r, at, name + " accepts " + (lowest.startsWith("SSL") ? lowest : "TLS " + lowest)
                    + ": its SSL negotiation policy turns on Protocol-" + protocolName(lowest) + "; allow TLS 1.2 only", List.of());
        } else if (!weak.isEmpty()) {
            ctx.report(Severity.LOW, r, at, name + " accepts ciphers without forward secrecy or with SHA-1, 3DES or RC4: "
                    + String.join(", ", weak), List.of());
        }
    }

    private static String protocolName(String version) {
        return switch (version) {
            case "SSL 3.0" -> "SSLv3";
            case "1.0" -> "TLSv1";
            default -> "TLSv" + version;
        };
    }

    // ---------------------------------------------------------------- OpenSearch

    private static void openSearch(RuleContext ctx, Resource d) {
        Setting policy = Setting.of(d, "TLSSecurityPolicy");
        String key = policy.name();
        String name = Names.of(d) + " endpoint";
        if (policy.unknown()) {
            ctx.note(d, policy.at(), name + ": cannot tell which TLS versions it accepts: " + key + " is " + policy.shown(), List.of());
            return;
        }
        String policyName = policy.string().orElse(TlsPolicies.OPENSEARCH_API_DEFAULT);
        String shown = policy.omitted() ? key + " is omitted (the API's default is " + TlsPolicies.OPENSEARCH_API_DEFAULT + ")"
                : key + " is " + policyName;
        Optional<TlsPolicies.Accepts> accepts = TlsPolicies.openSearch(policyName);
        SourceLocation at = policy.omitted() ? d.location() : policy.at();
        if (accepts.isEmpty()) {
            ctx.note(d, at, name + ": " + shown + ", not a policy atolint knows", List.of());
            return;
        }
        verdict(ctx, d, at, name, shown, accepts.get(), "; use Policy-Min-TLS-1-2-PFS-2023-10");
    }
}
