package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.LogicalPath;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.tree.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The template's {@code Conditions}, three-valued, each decided once and checked for cycles, and
 * {@code Fn::If} on them. An undecidable condition keeps why ("depends on parameter Env has no
 * default"), so that a value chosen by it says so.
 */
final class TemplateConditions {
    private final IntrinsicResolver resolver;
    private final TemplateContext ctx;
    private final Consumer<Finding> report;
    private final Map<String, Tri> conditionMemo = new HashMap<>();
    private final Map<String, String> conditionWhy = new HashMap<>();
    /** The parameter defaults a decided condition rests on ("Env is dev by default"): a value it chose says so. */
    private final Map<String, java.util.Set<String>> conditionDefaults = new HashMap<>();
    private static final java.util.regex.Pattern DEFAULTED = java.util.regex.Pattern.compile("parameter (\\S+) \\(default (.*)\\)");
    private final Set<String> conditionsInProgress = new HashSet<>();

    TemplateConditions(IntrinsicResolver resolver, TemplateContext ctx, Consumer<Finding> report) {
        this.resolver = resolver;
        this.ctx = ctx;
        this.report = report;
    }

    private SourceLocation loc(Node n, LogicalPath path) {
        return n.location(ctx.file(), path);
    }

    private Value eval(Node n, LogicalPath path) {
        return resolver.eval(n, path);
    }

    /** {@code Fn::If [condition, then, else]}. */
    Value fnIf(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 3 || !(q.items().get(0) instanceof Node.ScalarNode c)) {
            report.accept(ParseFindings.invalid(at, "Fn::If expects [condition name, value if true, value if false]"));
            return new Value.Unknown("malformed Fn::If", at);
        }
        String name = c.text();
        Tri t = namedCondition(name, at);
        if (t.isKnown()) {
            Value chosen = eval(q.items().get(t.isTrue() ? 1 : 2), path.child(t.isTrue() ? "Fn::If/1" : "Fn::If/2"));
            java.util.Set<String> defaults = conditionDefaults.getOrDefault(name, java.util.Set.of());
            if (chosen instanceof Value.Scalar sc && !sc.isLiteral() && !defaults.isEmpty()) {
                // a value chosen by a parameter's default is another value when the stack is given another one (a
                // literal stays one: rules tell a value written in the file from one resolved)
                return new Value.Scalar(sc.value(), sc.how() + ", as " + name + " is " + (t.isTrue() ? "true" : "false")
                        + " (" + String.join(", ", defaults) + ")", sc.location());
            }
            Node other = q.items().get(t.isTrue() ? 2 : 1);
            boolean sameEitherWay = other instanceof Node.ScalarNode o && o.tag() == null && chosen instanceof Value.Scalar sc
                    && o.text().equals(String.valueOf(sc.value()));
            if (chosen instanceof Value.Scalar sc && sc.isLiteral() && sc.asBool().isKnown() && !defaults.isEmpty() && !sameEitherWay) {
                // a switch (MultiAZ: !If [IsProd, true, false]) says the default it rests on; a literal text stays one
                return new Value.Scalar(sc.value(), "as " + name + " is " + (t.isTrue() ? "true" : "false")
                        + " (" + String.join(", ", defaults) + ")", sc.location());
            }
            return chosen;
        }
        Value a = eval(q.items().get(1), path.child("Fn::If/1"));
        Value b = eval(q.items().get(2), path.child("Fn::If/2"));
        if (a == IntrinsicResolver.NO_VALUE && b == IntrinsicResolver.NO_VALUE) {
            return IntrinsicResolver.NO_VALUE;
        }
        if (a instanceof Value.Scalar sa && b instanceof Value.Scalar sb && Objects.equals(IntrinsicFunctions.plain(sa), IntrinsicFunctions.plain(sb))) {
            return a;
        }
        List<Value.Ref> refs = new ArrayList<>(IntrinsicResolver.refsOf(a));
        refs.addAll(IntrinsicResolver.refsOf(b));
        return new Value.Unknown("condition " + name + " is undecidable (" + conditionWhy.getOrDefault(name, "unknown inputs")
                + "): " + shortly(a) + " or " + shortly(b), null, refs, at);
    }

    private static String shortly(Value v) {
        String s = v == IntrinsicResolver.NO_VALUE ? "AWS::NoValue" : v.describe();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    // ---------------------------------------------------------------- conditions

    /** The truth of a condition of the {@code Conditions} section. */
    Tri namedCondition(String name, SourceLocation at) {
        Tri memo = conditionMemo.get(name);
        if (memo != null) {
            return memo;
        }
        Node def = ctx.conditions().get(name);
        if (def == null) {
            report.accept(ParseFindings.invalid(at, "condition '" + name + "' is not defined in Conditions"));
            conditionMemo.put(name, Tri.UNKNOWN);
            conditionWhy.put(name, "not defined");
            return Tri.UNKNOWN;
        }
        if (!conditionsInProgress.add(name)) {
            report.accept(ParseFindings.invalid(def.location(ctx.file(), "Conditions/" + name), "condition '" + name + "' refers to itself"));
            conditionWhy.put(name, "it refers to itself");
            return Tri.UNKNOWN;
        }
        Tri t = conditionValue(def, LogicalPath.of("Conditions/" + name), name);
        conditionsInProgress.remove(name);
        conditionMemo.put(name, t);
        return t;
    }

    /** A condition function written inline ({@code Fn::Equals} as a value). */
    Tri condition(String fn, Node arg, LogicalPath path) {
        return conditionValue(new Node.MapNode(List.of(new Node.Entry(
                new Node.ScalarNode(fn, fn, null, arg), arg)), null, arg), path, null);
    }

    private Tri conditionValue(Node n, LogicalPath path, String owner) {
        if (resolver.overBudget(n, path)) {
            return Tri.UNKNOWN;
        }
        String fn;
        Node arg;
        if (n.tag() != null) {
            fn = ShortForms.longName(n.tag());
            arg = ShortForms.untagged(n);
        } else if (n instanceof Node.MapNode m && m.entries().size() == 1) {
            fn = m.entries().get(0).key().text();
            arg = m.entries().get(0).value();
        } else {
            Value v = eval(n, path);
            return v.asBool();
        }
        if (fn == null) {
            return Tri.UNKNOWN;
        }
        switch (fn) {
            case "Condition":
            case "Fn::Condition": {
                String name = arg instanceof Node.ScalarNode s ? s.text() : null;
                if (name == null) {
                    return Tri.UNKNOWN;
                }
                Tri t = namedCondition(name, loc(n, path));
                if (!t.isKnown() && owner != null) {
                    conditionWhy.putIfAbsent(owner, "condition " + name + " is undecidable");
                }
                if (owner != null) {
                    conditionDefaults.computeIfAbsent(owner, k -> new java.util.TreeSet<>())
                            .addAll(conditionDefaults.getOrDefault(name, java.util.Set.of()));
                }
                return t;
            }
            case "Fn::Not": {
                Node inner = arg instanceof Node.SeqNode q && q.items().size() == 1 ? q.items().get(0) : arg;
                return conditionValue(inner, path.child("Fn::Not"), owner).not();
            }
            case "Fn::And":
            case "Fn::Or": {
                if (!(arg instanceof Node.SeqNode q)) {
                    return Tri.UNKNOWN;
                }
                Tri acc = fn.equals("Fn::And") ? Tri.TRUE : Tri.FALSE;
                int i = 0;
                for (Node c : q.items()) {
                    Tri t = conditionValue(c, path.child(fn).child(i++), owner);
                    acc = fn.equals("Fn::And") ? acc.and(t) : acc.or(t);
                }
                return acc;
            }
            case "Fn::Equals": {
                if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
                    return Tri.UNKNOWN;
                }
                Value a = eval(q.items().get(0), path.child("Fn::Equals/0"));
                Value b = eval(q.items().get(1), path.child("Fn::Equals/1"));
                Tri t = equalsValues(a, b);
                if (t.isKnown() && owner != null) {
                    for (Value side : List.of(a, b)) {
                        java.util.regex.Matcher m = side instanceof Value.Scalar sc ? DEFAULTED.matcher(sc.how()) : null;
                        if (m != null && m.matches()) {
                            conditionDefaults.computeIfAbsent(owner, k -> new java.util.TreeSet<>())
                                    .add(m.group(1) + " is " + m.group(2) + " by default");
                        }
                    }
                }
                if (!t.isKnown() && owner != null) {
                    conditionWhy.putIfAbsent(owner, "depends on " + (a instanceof Value.Scalar ? b.describe() : a.describe()));
                }
                return t;
            }
            default:
                return eval(n, path).asBool();
        }
    }

    private static Tri equalsValues(Value a, Value b) {
        if (a instanceof Value.Scalar sa && b instanceof Value.Scalar sb) {
            return Tri.of(Objects.equals(IntrinsicFunctions.plain(sa), IntrinsicFunctions.plain(sb)));
        }
        if (a instanceof Value.Symbol x && b instanceof Value.Symbol y && x.family().equals(y.family()) && x.index() == y.index()) {
            return Tri.TRUE;
        }
        return Tri.UNKNOWN;
    }

    // ---------------------------------------------------------------- helpers
}
