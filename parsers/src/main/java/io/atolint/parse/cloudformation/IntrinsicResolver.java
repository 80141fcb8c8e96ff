package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.RegionAzs;
import io.atolint.parse.tree.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates CloudFormation intrinsic functions over a template's node tree into three-valued
 * {@link Value}s. What the files decide is resolved ({@code Ref} to parameters with defaults or given
 * values, {@code Fn::FindInMap}, {@code Fn::Select}, {@code Fn::GetAZs} with a known region,
 * {@code Fn::If} on decidable conditions, {@code Fn::Sub}/{@code Fn::Join} of known parts); what
 * they do not is UNKNOWN with the reason, or a symbol when its identity is still useful
 * ({@code GetAZs('')[1]}).
 *
 * <p>Conditions are memoised and checked for cycles, and every evaluation step counts against a
 * budget, so resolution is linear in the template size and never exponential in the number of
 * conditions: past the budget, values are UNKNOWN and one {@code PARSE002} finding says so.
 */
final class IntrinsicResolver {
    /** Marks {@code Ref: AWS::NoValue}: the enclosing property or list element is removed. */
    static final Value NO_VALUE = new Value.Unknown("AWS::NoValue", SourceLocation.ofFile("<none>"));

    private final TemplateContext ctx;
    private final Consumer<Finding> report;
    private final Map<String, Tri> conditionMemo = new HashMap<>();
    private final Map<String, String> conditionWhy = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();
    private final Map<String, Value> parameterMemo = new HashMap<>();
    private int steps;
    private boolean budgetReported;

    IntrinsicResolver(TemplateContext ctx, Consumer<Finding> report) {
        this.ctx = ctx;
        this.report = report;
    }

    private SourceLocation loc(Node n, String path) {
        return n.location(ctx.file(), path);
    }

    private boolean overBudget(Node n, String path) {
        if (++steps <= ctx.options().limits().maxResolutionSteps()) {
            return false;
        }
        if (!budgetReported) {
            budgetReported = true;
            report.accept(ParseFindings.limit(loc(n, path), "resolution budget of "
                    + ctx.options().limits().maxResolutionSteps() + " steps exceeded; further values are UNKNOWN"));
        }
        return true;
    }

    // ---------------------------------------------------------------- values

    Value eval(Node n, String path) {
        if (overBudget(n, path)) {
            return unresolved(n, path);
        }
        if (n instanceof Node.ScalarNode s) {
            if (s.tag() != null) {
                return shortForm(s, path);
            }
            if (s.value() instanceof String str && str.contains("{{resolve:")) {
                return new Value.Unknown("dynamic reference " + dynamicKind(str), str, loc(n, path));
            }
            return new Value.Scalar(s.value(), "literal", loc(n, path));
        }
        if (n instanceof Node.SeqNode q) {
            if (q.tag() != null) {
                return shortForm(q, path);
            }
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < q.items().size(); i++) {
                Value v = eval(q.items().get(i), path + "/" + i);
                if (v != NO_VALUE) {
                    items.add(v);
                }
            }
            return new Value.ListV(items, loc(n, path));
        }
        Node.MapNode m = (Node.MapNode) n;
        if (m.tag() != null) {
            return shortForm(m, path);
        }
        if (m.entries().size() == 1) {
            String k = m.entries().get(0).key().text();
            if (k.equals("Ref") || (k.startsWith("Fn::") && !k.startsWith("Fn::ForEach::"))) {
                return intrinsic(k, m.entries().get(0).value(), m, path);
            }
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keyLocs = new LinkedHashMap<>();
        for (Node.Entry e : m.entries()) {
            String k = e.key().text();
            Value v = eval(e.value(), path + "/" + k);
            if (v == NO_VALUE) {
                entries.remove(k);
                continue;
            }
            entries.put(k, v);
            keyLocs.put(k, loc(e.key(), path + "/" + k));
        }
        return new Value.MapV(entries, keyLocs, loc(n, path));
    }

    /**
     * Past the budget, a plain mapping keeps its keys with UNKNOWN values: a property that is present
     * but unresolved must not read as omitted (an omitted MultiAZ means single-AZ).
     */
    private Value unresolved(Node n, String path) {
        SourceLocation at = loc(n, path);
        if (n instanceof Node.MapNode m && m.tag() == null
                && !(m.entries().size() == 1 && (m.entries().get(0).key().text().equals("Ref")
                || m.entries().get(0).key().text().startsWith("Fn::")))) {
            Map<String, Value> entries = new LinkedHashMap<>();
            Map<String, SourceLocation> keyLocs = new LinkedHashMap<>();
            for (Node.Entry e : m.entries()) {
                String k = e.key().text();
                entries.put(k, new Value.Unknown("resolution budget exceeded", loc(e.value(), path + "/" + k)));
                keyLocs.put(k, loc(e.key(), path + "/" + k));
            }
            return new Value.MapV(entries, keyLocs, at);
        }
        return new Value.Unknown("resolution budget exceeded", at);
    }

    /** {@code !Ref X} and friends, read as their long form. */
    private Value shortForm(Node n, String path) {
        String tag = n.tag();
        String fn = ShortForms.longName(tag);
        if (fn == null) {
            return new Value.Unknown("unsupported tag " + tag, loc(n, path));
        }
        Node arg = ShortForms.untagged(n);
        if (fn.equals("Fn::GetAtt") && arg instanceof Node.ScalarNode s && s.value() instanceof String str) {
            int dot = str.indexOf('.');
            if (dot > 0) {
                Node.ScalarNode a = new Node.ScalarNode(str.substring(0, dot), str.substring(0, dot), null, s.pos());
                Node.ScalarNode b = new Node.ScalarNode(str.substring(dot + 1), str.substring(dot + 1), null, s.pos());
                arg = new Node.SeqNode(List.of(a, b), null, s.pos());
            }
        }
        return intrinsic(fn, arg, n, path);
    }

    private Value intrinsic(String fn, Node arg, Node site, String path) {
        SourceLocation at = loc(site, path);
        return switch (fn) {
            case "Ref" -> ref(arg, at, path);
            case "Fn::GetAtt" -> getAtt(arg, at);
            case "Fn::Sub" -> sub(arg, at, path);
            case "Fn::Join" -> join(arg, at, path);
            case "Fn::Select" -> select(arg, at, path);
            case "Fn::Split" -> split(arg, at, path);
            case "Fn::GetAZs" -> getAzs(arg, at, path);
            case "Fn::FindInMap" -> findInMap(arg, at, path);
            case "Fn::If" -> fnIf(arg, at, path);
            case "Fn::ImportValue" -> {
                Value name = eval(arg, path + "/Fn::ImportValue");
                yield new Value.Unknown("Fn::ImportValue " + name.asString().orElse("(computed name)"), at);
            }
            case "Fn::Base64" -> {
                Value inner = eval(arg, path + "/Fn::Base64");
                yield inner;
            }
            case "Fn::Length" -> {
                Value inner = eval(arg, path + "/Fn::Length");
                yield inner instanceof Value.ListV l ? new Value.Scalar(BigDecimal.valueOf(l.items().size()), "Fn::Length", at)
                        : new Value.Unknown("Fn::Length of an unresolved list", at);
            }
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Condition" -> {
                Tri t = condition(fn, arg, path);
                yield t.isKnown() ? new Value.Scalar(t.isTrue(), fn, at) : new Value.Unknown(fn + " is undecidable", at);
            }
            case "Fn::Cidr" -> new Value.Unknown("Fn::Cidr is not evaluated", at);
            case "Fn::Transform" -> new Value.Unknown("Fn::Transform (macro output is not known)", at);
            case "Fn::ToJsonString" -> new Value.Unknown("Fn::ToJsonString", null, refsOf(eval(arg, path)), at);
            default -> {
                report.accept(ParseFindings.unsupported(at, "unsupported intrinsic function " + fn));
                yield new Value.Unknown("unsupported intrinsic " + fn, at);
            }
        };
    }

    private Value ref(Node arg, SourceLocation at, String path) {
        if (!(arg instanceof Node.ScalarNode s) || !(s.value() instanceof String name)) {
            Value v = eval(arg, path);
            if (v.asString().isPresent()) {
                return refName(v.asString().get(), at);
            }
            return new Value.Unknown("Ref to a computed name", at);
        }
        return refName(name, at);
    }

    private Value refName(String name, SourceLocation at) {
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::Region":
                return ctx.options().regionOpt().<Value>map(r -> new Value.Scalar(r, "AWS::Region (--region)", at))
                        .orElseGet(() -> new Value.Symbol("AWS::Region", -1, false, "AWS::Region (no --region given)", at));
            case "AWS::AccountId":
                return new Value.Unknown("AWS::AccountId", at);
            case "AWS::StackName", "AWS::StackId":
                return new Value.Unknown(name, at);
            case "AWS::Partition":
                return ctx.options().regionOpt().<Value>map(r -> new Value.Scalar(
                        r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : "aws", "AWS::Partition", at))
                        .orElseGet(() -> new Value.Unknown("AWS::Partition (no --region given)", at));
            case "AWS::URLSuffix":
                return new Value.Scalar("amazonaws.com", "AWS::URLSuffix", at);
            case "AWS::NotificationARNs":
                return new Value.Unknown(name, at);
            default:
                break;
        }
        if (ctx.parameters().containsKey(name)) {
            return withLocation(parameter(name), at);
        }
        if (ctx.resources().contains(name)) {
            return new Value.Ref(ctx.idOf(name), null, at);
        }
        report.accept(ParseFindings.unsupported(at, "Ref to '" + name + "', which is neither a parameter nor a resource of this template"));
        return new Value.Unknown("Ref to undefined " + name, at);
    }

    private static Value withLocation(Value v, SourceLocation at) {
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(s.value(), s.how(), at);
        }
        if (v instanceof Value.Symbol s) {
            return new Value.Symbol(s.family(), s.index(), s.distinct(), s.how(), at);
        }
        if (v instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), u.raw(), u.refs(), at);
        }
        if (v instanceof Value.Ref r) {
            return new Value.Ref(r.targetId(), r.attribute(), at);
        }
        if (v instanceof Value.ListV l) {
            return new Value.ListV(l.items(), at);
        }
        return v;
    }

    /** A parameter's value: given on the command line, passed by a parent stack, or its default. */
    Value parameter(String name) {
        Value memo = parameterMemo.get(name);
        if (memo != null) {
            return memo;
        }
        Node.MapNode decl = ctx.parameters().get(name);
        String type = decl == null ? "" : decl.get("Type").filter(Node.ScalarNode.class::isInstance)
                .map(t -> ((Node.ScalarNode) t).text()).orElse("");
        boolean listType = type.startsWith("List<") || type.equals("CommaDelimitedList")
                || type.startsWith("AWS::SSM::Parameter::Value<List<");
        SourceLocation declAt = decl == null ? SourceLocation.ofFile(ctx.file()) : loc(decl, "Parameters/" + name);
        Value v;
        String given = ctx.options().parameters().get(name);
        if (given != null) {
            v = parameterValue(given, listType, "parameter " + name + " (given " + given + ")", declAt);
        } else if (ctx.externalParameters().containsKey(name)) {
            v = ctx.externalParameters().get(name);
        } else if (type.startsWith("AWS::SSM::Parameter::Value")) {
            v = new Value.Unknown("parameter " + name + " is read from SSM at deploy time", declAt);
        } else if (decl != null && decl.get("Default").isPresent()) {
            Node d = decl.get("Default").get();
            String text = d instanceof Node.ScalarNode s ? s.text() : null;
            if (text == null) {
                v = new Value.Unknown("parameter " + name + " has a non-scalar default", declAt);
            } else {
                v = parameterValue(d instanceof Node.ScalarNode s && s.value() != null && !(s.value() instanceof String)
                        ? s.value() : text, listType, "parameter " + name + " (default " + text + ")", declAt);
            }
        } else {
            v = new Value.Symbol("parameter " + name, -1, false, "parameter " + name + " has no default", declAt);
        }
        parameterMemo.put(name, v);
        return v;
    }

    private static Value parameterValue(Object raw, boolean listType, String how, SourceLocation at) {
        if (listType && raw instanceof String s) {
            List<Value> items = new ArrayList<>();
            int i = 0;
            for (String part : s.split(",", -1)) {
                items.add(new Value.Scalar(part.trim(), how + "[" + i++ + "]", at));
            }
            return new Value.ListV(items, at);
        }
        return new Value.Scalar(raw, how, at);
    }

    private Value getAtt(Node arg, SourceLocation at) {
        List<String> parts = new ArrayList<>();
        if (arg instanceof Node.SeqNode q) {
            for (Node p : q.items()) {
                if (p instanceof Node.ScalarNode s) {
                    parts.add(s.text());
                } else {
                    Value v = eval(p, at.logicalPath());
                    parts.add(v.asString().orElse(null));
                }
            }
        } else if (arg instanceof Node.ScalarNode s) {
            String str = s.text();
            int dot = str.indexOf('.');
            if (dot > 0) {
                parts.add(str.substring(0, dot));
                parts.add(str.substring(dot + 1));
            }
        }
        if (parts.size() < 2 || parts.get(0) == null) {
            return new Value.Unknown("Fn::GetAtt with a computed resource name", at);
        }
        String name = parts.get(0);
        String attr = parts.get(1) == null ? "" : String.join(".", parts.subList(1, parts.size()));
        if (!ctx.resources().contains(name)) {
            report.accept(ParseFindings.unsupported(at, "Fn::GetAtt of '" + name + "', which is not a resource of this template"));
            return new Value.Unknown("Fn::GetAtt of undefined " + name, at);
        }
        return new Value.Ref(ctx.idOf(name), attr, at);
    }

    private Value sub(Node arg, SourceLocation at, String path) {
        String template;
        Map<String, Value> vars = new HashMap<>();
        if (arg instanceof Node.ScalarNode s) {
            template = s.text();
        } else if (arg instanceof Node.SeqNode q && !q.items().isEmpty() && q.items().get(0) instanceof Node.ScalarNode s) {
            template = s.text();
            if (q.items().size() > 1 && q.items().get(1) instanceof Node.MapNode vm) {
                for (Node.Entry e : vm.entries()) {
                    vars.put(e.key().text(), eval(e.value(), path + "/Fn::Sub/1/" + e.key().text()));
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
                v = refName(var.trim(), at);
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
        return new Value.Unknown("Fn::Sub with unresolved ${" + String.join("}, ${", unknown) + "}", out.toString(), refs, at);
    }

    private Value join(Node arg, SourceLocation at, String path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
            return new Value.Unknown("Fn::Join expects [delimiter, list]", at);
        }
        Value delim = eval(q.items().get(0), path + "/Fn::Join/0");
        Value list = eval(q.items().get(1), path + "/Fn::Join/1");
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
        return new Value.Unknown("Fn::Join with unresolved parts", raw.toString(), refsOf(list), at);
    }

    private Value select(Node arg, SourceLocation at, String path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
            return new Value.Unknown("Fn::Select expects [index, list]", at);
        }
        Value idx = eval(q.items().get(0), path + "/Fn::Select/0");
        Value list = eval(q.items().get(1), path + "/Fn::Select/1");
        Optional<BigDecimal> n = idx.asNumber();
        if (n.isEmpty()) {
            return new Value.Unknown("Fn::Select with an unresolved index", null, refsOf(list), at);
        }
        int i = n.get().intValue();
        if (list instanceof Value.ListV l) {
            if (i < 0 || i >= l.items().size()) {
                report.accept(ParseFindings.invalid(at, "Fn::Select index " + i + " is out of range for a list of "
                        + l.items().size()));
                return new Value.Unknown("Fn::Select index out of range", at);
            }
            return withLocation(l.items().get(i), at);
        }
        if (list instanceof Value.Symbol s && s.index() < 0) {
            return new Value.Symbol(s.family(), i, s.distinct(), s.how(), at);
        }
        return new Value.Unknown("Fn::Select from an unresolved list", null, refsOf(list), at);
    }

    private Value split(Node arg, SourceLocation at, String path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
            return new Value.Unknown("Fn::Split expects [delimiter, string]", at);
        }
        Optional<String> d = eval(q.items().get(0), path + "/Fn::Split/0").asString();
        Value src = eval(q.items().get(1), path + "/Fn::Split/1");
        Optional<String> s = src.asString();
        if (d.isEmpty() || s.isEmpty() || d.get().isEmpty()) {
            return new Value.Unknown("Fn::Split of an unresolved string", null, refsOf(src), at);
        }
        List<Value> items = new ArrayList<>();
        for (String part : s.get().split(java.util.regex.Pattern.quote(d.get()), -1)) {
            items.add(new Value.Scalar(part, "Fn::Split", at));
        }
        return new Value.ListV(items, at);
    }

    private Value getAzs(Node arg, SourceLocation at, String path) {
        Value region = eval(arg, path + "/Fn::GetAZs");
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

    private Value findInMap(Node arg, SourceLocation at, String path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() < 3) {
            return new Value.Unknown("Fn::FindInMap expects [map, key, key]", at);
        }
        Optional<String> mapName = eval(q.items().get(0), path + "/Fn::FindInMap/0").asString();
        Value k1 = eval(q.items().get(1), path + "/Fn::FindInMap/1");
        Value k2 = eval(q.items().get(2), path + "/Fn::FindInMap/2");
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
                return eval(defaultNode, path + "/Fn::FindInMap/3/DefaultValue");
            }
            if (k1.asString().isPresent() && k2.asString().isPresent()) {
                report.accept(ParseFindings.invalid(at, "Fn::FindInMap: no entry " + k1.asString().get() + "/"
                        + k2.asString().get() + " in mapping " + mapName.get()));
            }
            return new Value.Unknown("Fn::FindInMap finds no entry", at);
        }
        if (candidates.size() == 1) {
            return withLocation(eval(candidates.get(0), path), at);
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
        return withLocation(first, at);
    }

    private static Object plain(Value v) {
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

    private Value fnIf(Node arg, SourceLocation at, String path) {
        if (!(arg instanceof Node.SeqNode q) || q.items().size() != 3 || !(q.items().get(0) instanceof Node.ScalarNode c)) {
            report.accept(ParseFindings.invalid(at, "Fn::If expects [condition name, value if true, value if false]"));
            return new Value.Unknown("malformed Fn::If", at);
        }
        String name = c.text();
        Tri t = namedCondition(name, at);
        if (t.isTrue()) {
            return eval(q.items().get(1), path + "/Fn::If/1");
        }
        if (t.isFalse()) {
            return eval(q.items().get(2), path + "/Fn::If/2");
        }
        Value a = eval(q.items().get(1), path + "/Fn::If/1");
        Value b = eval(q.items().get(2), path + "/Fn::If/2");
        if (a == NO_VALUE && b == NO_VALUE) {
            return NO_VALUE;
        }
        if (a instanceof Value.Scalar sa && b instanceof Value.Scalar sb && Objects.equals(plain(sa), plain(sb))) {
            return a;
        }
        List<Value.Ref> refs = new ArrayList<>(refsOf(a));
        refs.addAll(refsOf(b));
        return new Value.Unknown("condition " + name + " is undecidable (" + conditionWhy.getOrDefault(name, "unknown inputs")
                + "): " + shortly(a) + " or " + shortly(b), null, refs, at);
    }

    private static String shortly(Value v) {
        String s = v == NO_VALUE ? "AWS::NoValue" : v.describe();
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
            report.accept(ParseFindings.invalid(loc(def, "Conditions/" + name), "condition '" + name + "' refers to itself"));
            conditionWhy.put(name, "it refers to itself");
            return Tri.UNKNOWN;
        }
        Tri t = conditionValue(def, "Conditions/" + name, name);
        conditionsInProgress.remove(name);
        conditionMemo.put(name, t);
        return t;
    }

    private Tri condition(String fn, Node arg, String path) {
        return conditionValue(new Node.MapNode(List.of(new Node.Entry(
                new Node.ScalarNode(fn, fn, null, arg.pos()), arg)), null, arg.pos()), path, null);
    }

    private Tri conditionValue(Node n, String path, String owner) {
        if (overBudget(n, path)) {
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
                return t;
            }
            case "Fn::Not": {
                Node inner = arg instanceof Node.SeqNode q && q.items().size() == 1 ? q.items().get(0) : arg;
                return conditionValue(inner, path + "/Fn::Not", owner).not();
            }
            case "Fn::And":
            case "Fn::Or": {
                if (!(arg instanceof Node.SeqNode q)) {
                    return Tri.UNKNOWN;
                }
                Tri acc = fn.equals("Fn::And") ? Tri.TRUE : Tri.FALSE;
                int i = 0;
                for (Node c : q.items()) {
                    Tri t = conditionValue(c, path + "/" + fn + "/" + i++, owner);
                    acc = fn.equals("Fn::And") ? acc.and(t) : acc.or(t);
                }
                return acc;
            }
            case "Fn::Equals": {
                if (!(arg instanceof Node.SeqNode q) || q.items().size() != 2) {
                    return Tri.UNKNOWN;
                }
                Value a = eval(q.items().get(0), path + "/Fn::Equals/0");
                Value b = eval(q.items().get(1), path + "/Fn::Equals/1");
                Tri t = equalsValues(a, b);
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
            return Tri.of(Objects.equals(plain(sa), plain(sb)));
        }
        if (a instanceof Value.Symbol x && b instanceof Value.Symbol y && x.family().equals(y.family()) && x.index() == y.index()) {
            return Tri.TRUE;
        }
        return Tri.UNKNOWN;
    }

    // ---------------------------------------------------------------- helpers

    /** The resource references a value was built from. */
    static List<Value.Ref> refsOf(Value v) {
        return ValueWalker.standard().refs(v);
    }

    private static String dynamicKind(String s) {
        int i = s.indexOf("{{resolve:");
        int j = s.indexOf(':', i + 10);
        return j < 0 ? "" : s.substring(i + 10, j);
    }
}
