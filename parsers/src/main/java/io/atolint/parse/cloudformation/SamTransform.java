package io.atolint.parse.cloudformation;

import io.atolint.parse.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the AWS SAM transform ({@code Transform: AWS::Serverless-2016-10-31}) does to a template before
 * CloudFormation deploys it, as far as the analysis needs it:
 * <ul>
 *   <li>the {@code Globals} section is merged into every serverless resource of its kind (a function's
 *       {@code VpcConfig}, {@code Environment} or {@code KmsKeyArn} written once for all functions is
 *       each function's), as the transform merges: the resource's own value wins over a global scalar,
 *       mappings merge key by key, lists are the global items followed by the resource's, and an
 *       intrinsic function is a value of its own (never merged into);</li>
 *   <li>a function's {@code Api} or {@code HttpApi} event that names no API is served by the API the
 *       transform creates, {@code ServerlessRestApi} or {@code ServerlessHttpApi} (the names a template's
 *       outputs refer to): the API is added, and the event names it;</li>
 *   <li>a {@code SimpleTable} without {@code ProvisionedThroughput} is an on-demand table;</li>
 *   <li>a function or state machine with {@code Policies} and no {@code Role} runs with the role the
 *       transform creates for it, {@code <LogicalId>Role}: assumed by Lambda (Step Functions), with the
 *       AWS managed policies named (a bare name is {@code arn:aws:iam::aws:policy/<name>}) and the policy
 *       documents written inline. SAM's policy templates ({@code S3ReadPolicy: {BucketName: b}}) grant
 *       scoped actions on the resources they name and are left out.</li>
 * </ul>
 * Added and merged nodes keep the positions they were written at (a global's at the Globals line; an
 * implicit API at the first event it serves).
 */
final class SamTransform {
    static final String NAME = "AWS::Serverless-2016-10-31";
    /** Globals section per resource type. */
    private static final Map<String, String> SECTIONS = Map.of(
            "AWS::Serverless::Function", "Function",
            "AWS::Serverless::Api", "Api",
            "AWS::Serverless::HttpApi", "HttpApi",
            "AWS::Serverless::SimpleTable", "SimpleTable",
            "AWS::Serverless::StateMachine", "StateMachine",
            "AWS::Serverless::LayerVersion", "LayerVersion");
    /** Who assumes the role the transform creates, per resource type. */
    private static final Map<String, String> ROLE_PRINCIPALS = Map.of(
            "AWS::Serverless::Function", "lambda.amazonaws.com",
            "AWS::Serverless::StateMachine", "states.amazonaws.com");
    private static final String REST_API = "ServerlessRestApi";
    private static final String HTTP_API = "ServerlessHttpApi";

    private SamTransform() {
    }

    /** True when the template names the SAM transform (alone or in a list of transforms). */
    static boolean applies(Node.MapNode root) {
        Optional<Node> t = root.get("Transform");
        if (t.isEmpty()) {
            return false;
        }
        if (t.get() instanceof Node.ScalarNode s) {
            return NAME.equals(s.text());
        }
        if (t.get() instanceof Node.SeqNode q) {
            return q.items().stream().anyMatch(i -> i instanceof Node.ScalarNode s && NAME.equals(s.text()));
        }
        return false;
    }

    /** The resources as the transform leaves them. */
    static Node.MapNode expand(Node.MapNode root, Node.MapNode resources) {
        Node.MapNode globals = root.get("Globals").filter(Node.MapNode.class::isInstance).map(Node.MapNode.class::cast)
                .orElse(null);
        List<Node.Entry> out = new ArrayList<>();
        Map<String, Node> implicit = new LinkedHashMap<>();
        List<Node.Entry> roles = new ArrayList<>();
        for (Node.Entry e : resources.entries()) {
            if (!(e.value() instanceof Node.MapNode resource)) {
                out.add(e);
                continue;
            }
            String type = resource.get("Type").filter(Node.ScalarNode.class::isInstance)
                    .map(n -> ((Node.ScalarNode) n).text()).orElse("");
            Node.MapNode r = resource;
            String section = SECTIONS.get(type);
            Optional<Node> global = globals == null || section == null ? Optional.empty() : globals.get(section);
            if (global.isPresent() && global.get() instanceof Node.MapNode g) {
                Node properties = merge(g, r.get("Properties").orElse(null));
                r = r.with("Properties", properties, properties);
            }
            if (type.equals("AWS::Serverless::Function")) {
                r = withImplicitApis(r, implicit);
            }
            if (type.equals("AWS::Serverless::SimpleTable")) {
                r = simpleTable(r);
            }
            String principal = ROLE_PRINCIPALS.get(type);
            String roleName = e.key().text() + "Role";
            if (principal != null && resources.get(roleName).isEmpty()
                    && r.get("Properties").orElse(null) instanceof Node.MapNode p
                    && p.get("Role").isEmpty() && p.get("Policies").isPresent()) {
                Node policies = p.get("Policies").orElseThrow();
                roles.add(new Node.Entry(new Node.ScalarNode(roleName, roleName, null, policies), role(policies, principal, roleName)));
                r = r.with("Properties", p.with("Role", getAttArn(roleName, policies), policies), policies);
            }
            out.add(r == resource ? e : new Node.Entry(e.key(), r));
        }
        out.addAll(roles);
        for (Map.Entry<String, Node> api : implicit.entrySet()) {
            if (resources.get(api.getKey()).isEmpty()) {
                out.add(implicitApi(api.getKey(), api.getValue()));
            }
        }
        return new Node.MapNode(out, resources.tag(), resources);
    }

    /** The value a resource gets from a global and its own (either may be absent). */
    private static Node merge(Node global, Node local) {
        if (local == null) {
            return global;
        }
        if (intrinsic(global) || intrinsic(local)) {
            return local;
        }
        if (global instanceof Node.MapNode g && local instanceof Node.MapNode l) {
            List<Node.Entry> entries = new ArrayList<>();
            for (String k : g.keys()) {
                Node.Entry ge = g.entry(k).orElseThrow();
                Optional<Node> lv = l.get(k);
                entries.add(lv.isPresent() ? new Node.Entry(l.entry(k).orElseThrow().key(), merge(ge.value(), lv.get())) : ge);
            }
            for (String k : l.keys()) {
                if (g.get(k).isEmpty()) {
                    entries.add(l.entry(k).orElseThrow());
                }
            }
            return new Node.MapNode(entries, l.tag(), l);
        }
        if (global instanceof Node.SeqNode g && local instanceof Node.SeqNode l) {
            List<Node> items = new ArrayList<>(g.items());
            items.addAll(l.items());
            return new Node.SeqNode(items, l.tag(), l);
        }
        return local;
    }

    /** {@code !Ref X}, {@code !Sub ...} or a long-form call ({@code {"Fn::Sub": ...}}). */
    private static boolean intrinsic(Node n) {
        return n.tag() != null || n instanceof Node.MapNode m && IntrinsicResolver.isCall(m);
    }

    /**
     * A function whose Api or HttpApi events that name no API name the implicit one, recorded in
     * {@code implicit} (name to the first event it serves).
     */
    private static Node.MapNode withImplicitApis(Node.MapNode function, Map<String, Node> implicit) {
        Optional<Node> props = function.get("Properties");
        if (props.isEmpty() || !(props.get() instanceof Node.MapNode p)
                || !(p.get("Events").orElse(null) instanceof Node.MapNode events)) {
            return function;
        }
        List<Node.Entry> changed = new ArrayList<>();
        boolean any = false;
        for (Node.Entry e : events.entries()) {
            Node event = e.value();
            String type = event instanceof Node.MapNode m && m.get("Type").orElse(null) instanceof Node.ScalarNode t
                    ? t.text() : "";
            String api = type.equals("Api") ? REST_API : type.equals("HttpApi") ? HTTP_API : null;
            String idKey = type.equals("Api") ? "RestApiId" : "ApiId";
            Node.MapNode m = event instanceof Node.MapNode mm ? mm : null;
            Node eventProps = m == null ? null : m.get("Properties").orElse(null);
            if (api == null || eventProps instanceof Node.MapNode ep && ep.get(idKey).isPresent()
                    || eventProps != null && !(eventProps instanceof Node.MapNode)) {
                changed.add(e);
                continue;
            }
            Node at = m.get("Type").orElseThrow();
            implicit.putIfAbsent(api, at);
            Node ref = new Node.MapNode(List.of(new Node.Entry(new Node.ScalarNode("Ref", "Ref", null, at),
                    new Node.ScalarNode(api, api, null, at))), null, at);
            List<Node.Entry> epEntries = new ArrayList<>(eventProps instanceof Node.MapNode ep ? ep.entries() : List.of());
            epEntries.add(new Node.Entry(new Node.ScalarNode(idKey, idKey, null, at), ref));
            Node.MapNode newProps = new Node.MapNode(epEntries, null, eventProps == null ? at : eventProps);
            changed.add(new Node.Entry(e.key(), m.with("Properties", newProps, at)));
            any = true;
        }
        if (!any) {
            return function;
        }
        Node.MapNode newEvents = new Node.MapNode(changed, events.tag(), events);
        return function.with("Properties", p.with("Events", newEvents, events), events);
    }

    /** A SimpleTable without ProvisionedThroughput: the table the transform writes is on-demand. */
    private static Node.MapNode simpleTable(Node.MapNode table) {
        Node props = table.get("Properties").orElse(null);
        if (props != null && (!(props instanceof Node.MapNode p) || p.tag() != null || IntrinsicResolver.isCall(p)
                || p.get("ProvisionedThroughput").isPresent() || p.get("BillingMode").isPresent())) {
            return table;
        }
        Node at = table.get("Type").orElse(table);
        Node.MapNode p = props == null ? new Node.MapNode(List.of(), null, at) : (Node.MapNode) props;
        return table.with("Properties", p.with("BillingMode", scalar("PAY_PER_REQUEST", at), at), at);
    }

    /** The role the transform creates from a {@code Policies} value, at that value. */
    private static Node.MapNode role(Node policies, String principal, String roleName) {
        List<Node> items = policies instanceof Node.SeqNode q ? q.items() : List.of(policies);
        List<Node> managed = new ArrayList<>();
        List<Node> inline = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof Node.ScalarNode s && s.tag() == null && s.value() instanceof String name) {
                String arn = name.startsWith("arn:") ? name : "arn:aws:iam::aws:policy/" + name;
                managed.add(new Node.ScalarNode(arn, arn, null, s));
            } else if (intrinsic(item)) {
                managed.add(item); // an ARN built with !Sub or !Ref
            } else if (item instanceof Node.MapNode m && m.get("Statement").isPresent()) {
                String name = roleName + "Policy" + inline.size();
                inline.add(map(item, "PolicyName", scalar(name, item), "PolicyDocument", item));
            }
        }
        Node trust = map(policies,
                "Version", scalar("2012-10-17", policies),
                "Statement", new Node.SeqNode(List.of(map(policies,
                        "Effect", scalar("Allow", policies),
                        "Principal", map(policies, "Service", new Node.SeqNode(List.of(scalar(principal, policies)), null, policies)),
                        "Action", new Node.SeqNode(List.of(scalar("sts:AssumeRole", policies)), null, policies))), null, policies));
        List<Node.Entry> props = new ArrayList<>();
        props.add(entry("AssumeRolePolicyDocument", trust, policies));
        if (!managed.isEmpty()) {
            props.add(entry("ManagedPolicyArns", new Node.SeqNode(managed, null, policies), policies));
        }
        if (!inline.isEmpty()) {
            props.add(entry("Policies", new Node.SeqNode(inline, null, policies), policies));
        }
        return map(policies, "Type", scalar("AWS::IAM::Role", policies), "Properties", new Node.MapNode(props, null, policies));
    }

    /** {@code Fn::GetAtt: [name, Arn]} at {@code at}. */
    private static Node getAttArn(String name, Node at) {
        return map(at, "Fn::GetAtt", new Node.SeqNode(List.of(scalar(name, at), scalar("Arn", at)), null, at));
    }

    private static Node.ScalarNode scalar(String text, Node at) {
        return new Node.ScalarNode(text, text, null, at);
    }

    private static Node.Entry entry(String key, Node value, Node at) {
        return new Node.Entry(scalar(key, at), value);
    }

    /** A mapping of the given keys and values, at {@code at}. */
    private static Node.MapNode map(Node at, Object... keysAndValues) {
        List<Node.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(entry((String) keysAndValues[i], (Node) keysAndValues[i + 1], at));
        }
        return new Node.MapNode(entries, null, at);
    }

    /** {@code ServerlessRestApi: {Type: AWS::Serverless::Api}} at the first event it serves. */
    private static Node.Entry implicitApi(String name, Node at) {
        String type = name.equals(REST_API) ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
        Node.MapNode body = new Node.MapNode(List.of(
                new Node.Entry(new Node.ScalarNode("Type", "Type", null, at), new Node.ScalarNode(type, type, null, at))),
                null, at);
        return new Node.Entry(new Node.ScalarNode(name, name, null, at), body);
    }
}
