package io.atolint.checks.tls;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;
import io.atolint.topology.Facts;
import io.atolint.topology.Hop;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.TransitEncryption;
import io.atolint.topology.Vpcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic that crosses a VPC boundary (between two VPCs over peering, a transit gateway or PrivateLink,
 * or between a VPC and the outside) must use an encrypted protocol. Read on the hops of the traffic
 * graph whose ends are provably on two sides of a boundary; the protocol comes from what states the
 * hop (a diagram edge labelled {@code HTTPS}, {@code TLS}, {@code HTTP}); a hop to a data store that
 * enforces TLS is encrypted whatever its label, and a hop into an internal load balancer speaks its
 * listeners' protocols. Hops that a more precise rule judges are left to it: an internet-facing load
 * balancer's listeners (TLS001), CloudFront's protocol policies (TLS002), AWS service endpoints (S3,
 * DynamoDB, SQS, API Gateway: HTTPS), and calls into a Lambda function, which go through the Lambda API
 * (HTTPS) wherever the function's network interfaces are. Plain HTTP inside one VPC is not a finding.
 */
@Rule(id = "TLS003", title = "Traffic crossing a VPC boundary uses an encrypted protocol", severity = Severity.HIGH,
        tags = {"security", "encryption-in-transit", "topology"})
public final class CrossVpcTrafficEncryption implements Check {
    /** "http(s)" and "http/https" name both: the label does not say clear text, so the hop is a note. */
    /** A port alone ("443", "TCP/443", ":8443") says its protocol the way people write it: 443 is HTTPS, 80 HTTP. */
    private static final String PORT_BEFORE = "(?<![\\d.:-])(?:(?:tcp|port)\\s*[/:]?\\s*|:)?";
    private static final Pattern ENCRYPTED = Pattern.compile(
            "\\b(https|tls|ssl|mtls|sftp|ssh|ftps|ipsec|vpn|wss|grpcs|ldaps|smtps|imaps|encrypted)\\b|\\bhttp\\(s\\)"
                    + "|" + PORT_BEFORE + "(?:443|8443)(?![\\d.])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile(
            "\\b(http|ftp|telnet|ldap|ws|plaintext|plain text|unencrypted|smtp)\\b"
                    + "|(" + PORT_BEFORE + "(?:80|8080)(?![\\d.]))",
            Pattern.CASE_INSENSITIVE);
    /** AWS service endpoints: HTTPS APIs (their own rules judge whether plain HTTP is refused). */
    private static final Set<Kind> SERVICE_ENDPOINTS = Set.of(Kind.S3_BUCKET, Kind.DYNAMODB_TABLE, Kind.SQS_QUEUE,
            Kind.SNS_TOPIC, Kind.KINESIS_STREAM, Kind.FIREHOSE_STREAM, Kind.API_GATEWAY, Kind.LAMBDA_FUNCTION,
            Kind.SECRET, Kind.SSM_PARAMETER, Kind.KMS_KEY, Kind.LOG_GROUP, Kind.COGNITO_USER_POOL);

    @Override
    public void check(RuleContext ctx) {
        Facts facts = ctx.facts();
        for (ModelTopology topo : facts.topology().models()) {
            for (Hop h : topo.traffic().jgrapht().edgeSet()) {
                if (h.relations().isEmpty() || judgedElsewhere(facts, h)) {
                    continue;
                }
                Vpcs.Where from = facts.vpcs().of(h.from());
                Vpcs.Where to = facts.vpcs().of(h.to());
                if (from.crosses(to).isTrue()) {
                    judge(ctx, facts, h, from, to);
                }
            }
        }
    }

    private static boolean judgedElsewhere(Facts facts, Hop h) {
        Resource from = h.from();
        Resource to = h.to();
        if (from.kind() == Kind.CLOUDFRONT_DISTRIBUTION && !from.attributes().entries().isEmpty()) {
            return true;
        }
        if (to.kind() == Kind.LOAD_BALANCER && !listeners(facts.graph(), to).isEmpty()
                && !facts.exposure().internetFacing(to).isFalse()) {
            return true;
        }
        // A function is invoked through the Lambda API (HTTPS) even when it is attached to a VPC: its
        // network interfaces carry only what the function itself sends.
        return to.kind() == Kind.LAMBDA_FUNCTION
                || SERVICE_ENDPOINTS.contains(to.kind()) && to.placement().scope() != Placement.Scope.ZONAL;
    }

    private void judge(RuleContext ctx, Facts facts, Hop h, Vpcs.Where from, Vpcs.Where to) {
        ctx.examined(h.from());
        String labels = labels(facts.graph(), h);
        Relation first = h.relations().get(0);
        SourceLocation at = first.location() != null ? first.location() : h.from().location();
        String what = Names.of(h.from()) + " (" + from.display() + ") -> " + Names.of(h.to()) + " (" + to.display() + ")";
        List<Finding.Related> related = List.of(new Finding.Related(Names.of(h.to()), h.to().location(), h.to().id()));
        Matcher plain = PLAIN.matcher(labels);
        Matcher encrypted = ENCRYPTED.matcher(labels);
        boolean isPlain = plain.find();
        boolean isEncrypted = encrypted.find();
        if (isEncrypted && !isPlain) {
            return;
        }
        if (isPlain && !isEncrypted) {
            String over = plain.group(1) != null ? plain.group(1).toUpperCase(Locale.ROOT)
                    : "port " + plain.group(2).replaceAll("\\D", "");
            ctx.report(h.from(), at, what + " crosses a VPC boundary over " + over
                    + " (\"" + labels + "\"): traffic leaves the VPC in clear text", related);
            return;
        }
        if (TransitEncryption.appliesTo(h.to().kind())) {
            TransitEncryption t = facts.transitEncryption(h.to());
            if (t.enforced().isTrue()) {
                return;
            }
        }
        ctx.note(h.from(), at, what + " crosses a VPC boundary and " + (labels.isEmpty()
                ? "nothing states its protocol" : "its protocol cannot be told from \"" + labels + "\""), related);
    }

    /** The listeners of a load balancer: what states the protocol of traffic into it. */
    private static List<Resource> listeners(ResourceGraph g, Resource lb) {
        return g.sources(lb, RelationType.ATTACHED_TO).stream().filter(l -> l.kind() == Kind.LISTENER).toList();
    }

    /** What states the hop's protocol: its relations' labels, and the listeners of a load balancer it enters. */
    private static String labels(ResourceGraph g, Hop h) {
        List<String> out = new ArrayList<>();
        for (Resource l : h.to().kind() == Kind.LOAD_BALANCER ? listeners(g, h.to()) : List.<Resource>of()) {
            Setting protocol = Setting.of(l, "Protocol");
            Setting port = Setting.of(l, "Port");
            out.add("listener " + l.displayName() + " " + (protocol.present() ? protocol.value().describe() : "?") + ":"
                    + (port.present() ? port.value().describe() : "?"));
        }
        for (Relation r : h.relations()) {
            String v = r.via().trim();
            if (!v.isEmpty() && !out.contains(v)) {
                out.add(v);
            }
        }
        return String.join("; ", out);
    }
}
