package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.LogicalPath;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.RegionAzs;
import io.atolint.parse.tree.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The intrinsic functions that build values from others: {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::GetAZs} and {@code Fn::FindInMap}. A part that is
 * not known leaves the result UNKNOWN with the resources it was built from, or a symbol when its
 * identity is still useful ({@code GetAZs('')[1]}).
 */
final class IntrinsicFunctions {
    private final IntrinsicResolver resolver;
    private final TemplateContext ctx;
    private final Consumer<Finding> report;

    IntrinsicFunctions(IntrinsicResolver resolver, TemplateContext ctx, Consumer<Finding> report) {
        this.resolver = resolver;
        this.ctx = ctx;
        this.report = report;
    }

    private Value eval(Node n, LogicalPath path) {
        return resolver.eval(n, path);
    }

    private static List<Value.Ref> refsOf(Value v) {
        return IntrinsicResolver.refsOf(v);
    }

    Value sub(Node arg, SourceLocation at, LogicalPath path) {
        String template;
        Map<String, Value> vars = new HashMap<>();
        if (arg instanceof Node.ScalarNode s) {
            template = s.text();
        } else if (arg instanceof Node.SeqNode q && !q.items().isEmpty() && q.items().get(0) instanceof Node.ScalarNode s) {
            template = s.text();
            if (q.items().size() > 1 && q.items().get(1) instanceof Node.MapNode vm) {
                for (Node.Entry e : vm.entries()) {
                    vars.put(e.key().text(), eval(e.value(), path.child("Fn::Sub/1").child(e.key().text())));
                }
            }
        } else {
            return new Value.Unknown("Fn::Sub with an unexpected argument", at);
        }
        StringBuilder out = new StringBuilder();
        List<Value.Ref> refs = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            if (close < 0) {
                out.append(template.substring(open));
                break;
            }
            String var = template.substring(open + 2, close);
            i = close + 1;
            if (var.startsWith("!")) {
                out.append("${").append(var.substring(1)).append('}');
                continue;
            }
            Value v;
            if (vars.containsKey(var)) {
                v = vars.get(var);
            } else if (var.contains(".") && !var.startsWith("AWS::")) {
                String res = var.substring(0, var.indexOf('.'));
                v = ctx.resources().contains(res) ? new Value.Ref(ctx.idOf(res), var.substring(var.indexOf('.') + 1), at)
                        : new Value.Unknown("${" + var + "}", at);
            } else {
                v = resolver.refName(var.trim(), at);
            }
            if (v instanceof Value.Scalar sc && sc.value() != null) {
                out.append(v.asString().orElse(""));
            } else {
                refs.addAll(refsOf(v));
                unknown.add(var);
                out.append("${").append(var).append('}');
            }
        }
        if (unknown.isEmpty()) {
            return new Value.Scalar(out.toString(), "Fn::Sub", at);
        }
        Value zone = regionZone(out.toString(), unknown, at);
        if (zone != null) {
            return zone;
        }
        return new Value.Unknown("Fn::Sub with unresolved ${" + String.join("}, ${", unknown) + "}", out.toString(), refs, at);
    }

    Value join(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
            return new Value.Unknown("Fn::Join expects [delimiter, list]", at);
        }
        Value delim = eval(q.items().get(0), path.child("Fn::Join/0"));
        Value list = eval(q.items().get(1), path.child("Fn::Join/1"));
        if (delim.asString().isEmpty() && !(delim instanceof Value.Scalar sd && "".equals(sd.value()))) {
            return new Value.Unknown("Fn::Join with an unresolved delimiter", null, refsOf(list), at);
        }
        if (!(list instanceof Value.ListV l)) {
            return new Value.Unknown("Fn::Join of an unresolved list", null, refsOf(list), at);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        boolean known = true;
        String d = delim.asString().orElse("");
        for (Value v : l.items()) {
            Optional<String> s = v.asString();
            if (s.isPresent()) {
                parts.add(s.get());
            } else {
                known = false;
                parts.add("${" + v + "}");
            }
        }
        raw.append(String.join(d, parts));
        if (known) {
            return new Value.Scalar(raw.toString(), "Fn::Join", at);
        }
        if (d.isEmpty() && l.items().size() == 2 && l.items().get(0) instanceof Value.Symbol s
                && s.family().equals("AWS::Region") && l.items().get(1).asString().isPresent()) {
            Value zone = regionZone("${AWS::Region}" + l.items().get(1).asString().get(), List.of("AWS::Region"), at);
            if (zone != null) {
                return zone;
            }
        }
        return new Value.Unknown("Fn::Join with unresolved parts", raw.toString(), refsOf(list), at,
                new Value.Joined(d, l.items()));
    }

    /**
     * The list a string joined with {@code delimiter} splits back into ({@code !Split [",", !ImportValue x]} of an
     * export {@code !Join [",", [!Ref SubnetA, !Ref SubnetB]]}; a list parameter given such a string): when every part
     * is known text, or a {@code Ref} to a resource (an id, which holds no comma), or such a string itself. Empty when
     * a part could hold the delimiter (a parameter without a value, an attribute): the number of elements is unknown.
     */
    static Optional<List<Value>> joinedItems(Value.Unknown u, String delimiter) {
        if (u.joined() == null || !u.joined().delimiter().equals(delimiter) || !",".equals(delimiter)) {
            return Optional.empty();
        }
        List<Value> out = new ArrayList<>();
        for (Value item : u.joined().items()) {
            Optional<String> text = item.asString();
            if (text.isPresent()) {
                for (String part : text.get().split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    out.add(new Value.Scalar(part, "Fn::Split", item.location()));
                }
            } else if (item instanceof Value.Ref r && (r.attribute() == null || r.attribute().isEmpty())) {
                out.add(item);
            } else if (item instanceof Value.Unknown inner && inner.joined() != null) {
                Optional<List<Value>> parts = joinedItems(inner, delimiter);
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                out.addAll(parts.get());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /**
     * {@code ${AWS::Region}a} without {@code --region}: zone "a" of whatever Region the stack is deployed in. Its
     * name is unknown, but two letters are two zones, so the zones of one template stay comparable.
     */
    private static Value regionZone(String text, List<String> unresolved, SourceLocation at) {
        if (unresolved.size() != 1 || !unresolved.get(0).trim().equals("AWS::Region")
                || !text.matches("\\$\\{\\s*AWS::Region\\s*}[a-z]")) {
            return null;
        }
        char zone = text.charAt(text.length() - 1);
        return new Value.Symbol("${AWS::Region}", zone - 'a', true,
                "zone " + zone + " of the Region the stack is deployed in", at, "${AWS::Region}" + zone);
    }

    Value select(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
            return new Value.Unknown("Fn::Select expects [index, list]", at);
        }
        Value idx = eval(q.items().get(0), path.child("Fn::Select/0"));
        Value list = eval(q.items().get(1), path.child("Fn::Select/1"));
        Optional<BigDecimal> n = idx.asNumber();
        if (n.isEmpty()) {
            return new Value.Unknown("Fn::Select with an unresolved index", null, refsOf(list), at);
        }
        java.util.OptionalLong whole = io.atolint.model.Numbers.index(n.get());
        if (whole.isEmpty()) {
            report.accept(ParseFindings.invalid(at, "Fn::Select index " + n.get() + " is not a whole number"));
            return new Value.Unknown("Fn::Select index not a whole number", at);
        }
        long i = whole.getAsLong();
        if (list instanceof Value.ListV l) {
            if (i < 0 || i >= l.items().size()) {
                report.accept(ParseFindings.invalid(at, "Fn::Select index " + i + " is out of range for a list of "
                        + l.items().size()));
                return new Value.Unknown("Fn::Select index out of range", at);
            }
            return IntrinsicResolver.withLocation(l.items().get((int) i), at);
        }
        if (list instanceof Value.Symbol s && s.index() < 0) {
            if (i < 0 || i > Integer.MAX_VALUE) {
                report.accept(ParseFindings.invalid(at, "Fn::Select index " + i + " is out of range for " + s.display()));
                return new Value.Unknown("Fn::Select index out of range", at);
            }
            return new Value.Symbol(s.family(), (int) i, s.distinct(), s.how(), at);
        }
        return new Value.Unknown("Fn::Select from an unresolved list", null, refsOf(list), at);
    }

    Value split(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
            return new Value.Unknown("Fn::Split expects [delimiter, string]", at);
        }
        Optional<String> d = eval(q.items().get(0), path.child("Fn::Split/0")).asString();
        Value src = eval(q.items().get(1), path.child("Fn::Split/1"));
        Optional<String> s = src.asString();
        if (d.isPresent() && s.isEmpty() && src instanceof Value.Unknown u) {
            Optional<List<Value>> items = joinedItems(u, d.get());
            if (items.isPresent()) {
                return new Value.ListV(items.get(), at);
            }
        }
        if (d.isEmpty() || s.isEmpty() || d.get().isEmpty()) {
            String what = d.isPresent() && src instanceof Value.Unknown u ? "Fn::Split of " + u.reason()
                    : "Fn::Split of an unresolved string";
            return new Value.Unknown(what, null, refsOf(src), at);
        }
        List<Value> items = new ArrayList<>();
        for (String part : s.get().split(java.util.regex.Pattern.quote(d.get()), -1)) {
            items.add(new Value.Scalar(part, "Fn::Split", at));
        }
        return new Value.ListV(items, at);
    }

    Value getAzs(Node arg, SourceLocation at, LogicalPath path) {
        Value region = eval(arg, path.child("Fn::GetAZs"));
        String regionName;
        String family;
        if (region instanceof Value.Scalar s && (s.value() == null || "".equals(s.value()))) {
            regionName = ctx.options().region();
            family = "GetAZs('')";
        } else if (region instanceof Value.Scalar s && s.value() instanceof String r) {
            regionName = r;
            family = s.isLiteral() ? "GetAZs('" + r + "')" : "GetAZs('')";
        } else if (region instanceof Value.Symbol sym && sym.family().equals("AWS::Region")) {
            regionName = null;
            family = "GetAZs('')";
        } else {
            return new Value.Unknown("Fn::GetAZs of an unresolved region", at);
        }
        Optional<List<String>> azs = RegionAzs.of(regionName);
        if (azs.isPresent()) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < azs.get().size(); i++) {
                items.add(new Value.Scalar(azs.get().get(i), family + "[" + i + "] of " + regionName, at));
            }
            return new Value.ListV(items, at);
        }
        String why = regionName == null ? "region not given (use --region)" : "region " + regionName + " not in the AZ table";
        return new Value.Symbol(family, -1, true, why, at);
    }

    Value findInMap(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() < 3) {
            return new Value.Unknown("Fn::FindInMap expects [map, key, key]", at);
        }
        Optional<String> mapName = eval(q.items().get(0), path.child("Fn::FindInMap/0")).asString();
        Value k1 = eval(q.items().get(1), path.child("Fn::FindInMap/1"));
        Value k2 = eval(q.items().get(2), path.child("Fn::FindInMap/2"));
        Node defaultNode = null;
        if (q.items().size() > 3 && q.items().get(3) instanceof Node.MapNode dm) {
            defaultNode = dm.get("DefaultValue").orElse(null);
        }
        Node.MapNode map = mapName.flatMap(ctx::mapping).orElse(null);
        if (map == null) {
            return new Value.Unknown("Fn::FindInMap on an unknown mapping " + mapName.orElse("(computed)"), at);
        }
        List<Node> candidates = new ArrayList<>();
        for (Node.Entry top : map.entries()) {
            if (k1.asString().isPresent() && !k1.asString().get().equals(top.key().text())) {
                continue;
            }
            if (!(top.value() instanceof Node.MapNode second)) {
                continue;
            }
            for (Node.Entry e : second.entries()) {
                if (k2.asString().isPresent() && !k2.asString().get().equals(e.key().text())) {
                    continue;
                }
                candidates.add(e.value());
            }
        }
        if (candidates.isEmpty()) {
            if (defaultNode != null) {
                return eval(defaultNode, path.child("Fn::FindInMap/3/DefaultValue"));
            }
            if (k1.asString().isPresent() && k2.asString().isPresent()) {
                report.accept(ParseFindings.invalid(at, "Fn::FindInMap: no entry " + k1.asString().get() + "/"
                        + k2.asString().get() + " in mapping " + mapName.get()));
            }
            return new Value.Unknown("Fn::FindInMap finds no entry", at);
        }
        if (candidates.size() == 1) {
            return IntrinsicResolver.withLocation(eval(candidates.get(0), path), at);
        }
        // Keys not decidable, but when every candidate holds the same value the lookup is still known.
        Value first = eval(candidates.get(0), path);
        for (Node c : candidates.subList(1, candidates.size())) {
            Value v = eval(c, path);
            if (!Objects.equals(plain(v), plain(first))) {
                return new Value.Unknown("Fn::FindInMap " + mapName.get() + " with key " + (k1.asString().isPresent()
                        ? k2.describe() : k1.describe()) + " not decidable", at);
            }
        }
        return IntrinsicResolver.withLocation(first, at);
    }

    /** A value as plain data, for equality of known values. */
    static Object plain(Value v) {
        if (v instanceof Value.Scalar s) {
            return s.value() == null ? null : v.asString().orElse(null);
        }
        if (v instanceof Value.ListV l) {
            List<Object> out = new ArrayList<>();
            for (Value i : l.items()) {
                out.add(plain(i));
            }
            return out;
        }
        return v.toString() + "@" + System.identityHashCode(v);
    }
}
