package io.atolint.parse.cloudformation;

import io.atolint.parse.tree.Node;

import java.util.Map;

/**
 * CloudFormation's YAML short-form tags and what node each accepts. A tag on a node of the wrong type
 * ({@code !Ref [a]}) or an unknown tag is a template error.
 */
final class ShortForms {
    enum Accepts { SCALAR, SEQUENCE, SCALAR_OR_SEQUENCE, ANY, MAPPING }

    private record Form(String longName, Accepts accepts) {
    }

    private static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("!Ref", new Form("Ref", Accepts.SCALAR)),
            Map.entry("!GetAtt", new Form("Fn::GetAtt", Accepts.SCALAR_OR_SEQUENCE)),
            Map.entry("!Sub", new Form("Fn::Sub", Accepts.SCALAR_OR_SEQUENCE)),
            Map.entry("!Join", new Form("Fn::Join", Accepts.SEQUENCE)),
            Map.entry("!Select", new Form("Fn::Select", Accepts.SEQUENCE)),
            Map.entry("!Split", new Form("Fn::Split", Accepts.SEQUENCE)),
            Map.entry("!FindInMap", new Form("Fn::FindInMap", Accepts.SEQUENCE)),
            Map.entry("!GetAZs", new Form("Fn::GetAZs", Accepts.ANY)),
            Map.entry("!ImportValue", new Form("Fn::ImportValue", Accepts.ANY)),
            Map.entry("!If", new Form("Fn::If", Accepts.SEQUENCE)),
            Map.entry("!Equals", new Form("Fn::Equals", Accepts.SEQUENCE)),
            Map.entry("!And", new Form("Fn::And", Accepts.SEQUENCE)),
            Map.entry("!Or", new Form("Fn::Or", Accepts.SEQUENCE)),
            Map.entry("!Not", new Form("Fn::Not", Accepts.SEQUENCE)),
            Map.entry("!Condition", new Form("Condition", Accepts.SCALAR)),
            Map.entry("!Base64", new Form("Fn::Base64", Accepts.ANY)),
            Map.entry("!Cidr", new Form("Fn::Cidr", Accepts.SEQUENCE)),
            Map.entry("!Transform", new Form("Fn::Transform", Accepts.MAPPING)),
            Map.entry("!Length", new Form("Fn::Length", Accepts.ANY)),
            Map.entry("!ToJsonString", new Form("Fn::ToJsonString", Accepts.ANY)),
            Map.entry("!ForEach", new Form("Fn::ForEach", Accepts.SEQUENCE)),
            // the functions of the Rules section (template constraints, not evaluated)
            Map.entry("!Contains", new Form("Fn::Contains", Accepts.SEQUENCE)),
            Map.entry("!EachMemberEquals", new Form("Fn::EachMemberEquals", Accepts.SEQUENCE)),
            Map.entry("!EachMemberIn", new Form("Fn::EachMemberIn", Accepts.SEQUENCE)),
            Map.entry("!RefAll", new Form("Fn::RefAll", Accepts.SCALAR)),
            Map.entry("!ValueOf", new Form("Fn::ValueOf", Accepts.SEQUENCE)),
            Map.entry("!ValueOfAll", new Form("Fn::ValueOfAll", Accepts.SEQUENCE)));

    private ShortForms() {
    }

    static boolean isKnown(String tag) {
        return FORMS.containsKey(tag);
    }

    static String longName(String tag) {
        Form f = FORMS.get(tag);
        return f == null ? null : f.longName();
    }

    /** Null when the node type fits the tag, else what is wrong. */
    static String misuse(Node n) {
        Form f = FORMS.get(n.tag());
        if (f == null) {
            return null;
        }
        boolean ok = switch (f.accepts()) {
            case SCALAR -> n instanceof Node.ScalarNode;
            case SEQUENCE -> n instanceof Node.SeqNode;
            case SCALAR_OR_SEQUENCE -> !(n instanceof Node.MapNode);
            case MAPPING -> n instanceof Node.MapNode;
            case ANY -> true;
        };
        if (ok) {
            return null;
        }
        String what = n instanceof Node.ScalarNode ? "a scalar" : n instanceof Node.SeqNode ? "a sequence" : "a mapping";
        String expected = switch (f.accepts()) {
            case SCALAR -> "a scalar";
            case SEQUENCE -> "a sequence";
            case SCALAR_OR_SEQUENCE -> "a scalar or a sequence";
            case MAPPING -> "a mapping";
            case ANY -> "anything";
        };
        return n.tag() + " expects " + expected + ", not " + what;
    }

    /** The same node without its tag. */
    static Node untagged(Node n) {
        if (n instanceof Node.ScalarNode s) {
            return new Node.ScalarNode(s.text(), s.text(), null, s);
        }
        if (n instanceof Node.SeqNode q) {
            return new Node.SeqNode(q.items(), null, q);
        }
        Node.MapNode m = (Node.MapNode) n;
        return new Node.MapNode(m.entries(), null, m);
    }
}
