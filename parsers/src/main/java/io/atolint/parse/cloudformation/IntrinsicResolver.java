package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.LogicalPath;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.tree.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluates CloudFormation intrinsic functions over a template's node tree into three-valued
 * {@link Value}s: the dispatch of every intrinsic, {@code Ref} and {@code Fn::GetAtt} to resources,
 * and the budget. Parameter values are {@link TemplateParameters}', conditions and {@code Fn::If}
 * {@link TemplateConditions}', the functions that build strings and lists from others
 * {@link IntrinsicFunctions}'. What the files decide is resolved; what they do not is UNKNOWN with the
 * reason, or a symbol when its identity is still useful ({@code GetAZs('')[1]}).
 *
 * <p>Every evaluation step counts against a budget (conditions are memoised), so resolution is linear
 * in the template size and never exponential in the number of conditions: past the budget, values are
 * UNKNOWN and one {@code PARSE002} finding says so.
 */
final class IntrinsicResolver {
    /** Marks {@code Ref: AWS::NoValue}: the enclosing property or list element is removed. */
    static final Value NO_VALUE = new Value.Unknown("AWS::NoValue", SourceLocation.ofFile("<none>"));

    private final TemplateContext ctx;
    private final Consumer<Finding> report;
    private final TemplateParameters parameters;
    private final TemplateConditions conditions;
    private final IntrinsicFunctions functions;
    private int steps;
    private boolean budgetReported;
    /** An output of a nested stack read into the same model, by the stack resource's id and the output's name. */
    private java.util.function.BiFunction<String, String, Optional<Value>> nestedOutputs = (stack, output) -> Optional.empty();

    IntrinsicResolver(TemplateContext ctx, Consumer<Finding> report) {
        this.ctx = ctx;
        this.report = report;
        this.parameters = new TemplateParameters(ctx);
        this.conditions = new TemplateConditions(this, ctx, report);
        this.functions = new IntrinsicFunctions(this, ctx, report);
    }

    void nestedOutputs(java.util.function.BiFunction<String, String, Optional<Value>> lookup) {
        this.nestedOutputs = lookup;
    }

    /** A parameter's value: given on the command line, passed by a parent stack, or its default. */
    Value parameter(String name) {
        return parameters.value(name);
    }

    /** The truth of a condition of the {@code Conditions} section. */
    Tri namedCondition(String name, SourceLocation at) {
        return conditions.namedCondition(name, at);
    }

    private SourceLocation loc(Node n, LogicalPath path) {
        return n.location(ctx.file(), path);
    }

    /** Counts one step; past the budget, one PARSE002 and true. */
    boolean overBudget(Node n, LogicalPath path) {
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

    /** The value of {@code n}, whose locations have the logical path {@code path}. */
    Value eval(Node n, String path) {
        return eval(n, LogicalPath.of(path));
    }

    Value eval(Node n, LogicalPath path) {
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
                Value v = eval(q.items().get(i), path.child(i));
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
        if (isCall(m)) {
            return intrinsic(m.entries().get(0).key().text(), m.entries().get(0).value(), m, path);
        }
        if (m.last() == null || m.last().size() == m.entries().size()) {
            return distinctKeys(m, path);
        }
        // duplicate keys: the last value wins, at the place of the first
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keyLocs = new LinkedHashMap<>();
        for (Node.Entry e : m.entries()) {
            String k = e.key().text();
            LogicalPath at = path.child(k); // one path for the value's location and its key's
            Value v = eval(e.value(), at);
            if (v == NO_VALUE) {
                entries.remove(k);
                continue;
            }
            entries.put(k, v);
            keyLocs.put(k, loc(e.key(), at));
        }
        return new Value.MapV(entries, keyLocs, loc(n, path));
    }

    /** A plain mapping without duplicate keys (nearly all): its values in arrays, without maps to copy from. */
    private Value distinctKeys(Node.MapNode m, LogicalPath path) {
        List<Node.Entry> es = m.entries();
        int size = es.size();
        String[] keys = new String[size];
        Value[] values = new Value[size];
        SourceLocation[] keyLocs = new SourceLocation[size];
        int n = 0;
        for (Node.Entry e : es) {
            String k = e.key().text();
            LogicalPath at = path.child(k); // one path for the value's location and its key's
            Value v = eval(e.value(), at);
            if (v != NO_VALUE) {
                keys[n] = k;
                values[n] = v;
                keyLocs[n] = loc(e.key(), at);
                n++;
            }
        }
        return Value.MapV.ofDistinct(keys, values, keyLocs, n, loc(m, path));
    }

    /**
     * A mapping that is one intrinsic function call in long form: its one key is {@code Ref} or
     * {@code Fn::...} ({@code Fn::ForEach::Name} is a loop of the template, not a call).
     */
    static boolean isCall(Node.MapNode m) {
        if (m.entries().size() != 1) {
            return false;
        }
        String k = m.entries().get(0).key().text();
        return k.equals("Ref") || k.startsWith("Fn::") && !k.startsWith("Fn::ForEach::");
    }

    /**
     * Past the budget, a plain mapping keeps its keys with UNKNOWN values: a property that is present
     * but unresolved must not read as omitted (an omitted MultiAZ means single-AZ).
     */
    private Value unresolved(Node n, LogicalPath path) {
        SourceLocation at = loc(n, path);
        if (n instanceof Node.MapNode m && m.tag() == null && !isCall(m)) {
            Map<String, Value> entries = new LinkedHashMap<>();
            Map<String, SourceLocation> keyLocs = new LinkedHashMap<>();
            for (Node.Entry e : m.entries()) {
                String k = e.key().text();
                entries.put(k, new Value.Unknown("resolution budget exceeded", loc(e.value(), path.child(k))));
                keyLocs.put(k, loc(e.key(), path.child(k)));
            }
            return new Value.MapV(entries, keyLocs, at);
        }
        return new Value.Unknown("resolution budget exceeded", at);
    }

    /** {@code !Ref X} and friends, read as their long form. */
    private Value shortForm(Node n, LogicalPath path) {
        String tag = n.tag();
        String fn = ShortForms.longName(tag);
        if (fn == null) {
            return new Value.Unknown("unsupported tag " + tag, loc(n, path));
        }
        Node arg = ShortForms.untagged(n);
        if (fn.equals("Fn::GetAtt") && arg instanceof Node.ScalarNode s && s.value() instanceof String str) {
            int dot = str.indexOf('.');
            if (dot > 0) {
                Node.ScalarNode a = new Node.ScalarNode(str.substring(0, dot), str.substring(0, dot), null, s);
                Node.ScalarNode b = new Node.ScalarNode(str.substring(dot + 1), str.substring(dot + 1), null, s);
                arg = new Node.SeqNode(List.of(a, b), null, s);
            }
        }
        return intrinsic(fn, arg, n, path);
    }

    private Value intrinsic(String fn, Node arg, Node site, LogicalPath path) {
        SourceLocation at = loc(site, path);
        return switch (fn) {
            case "Ref" -> ref(arg, at, path);
            case "Fn::GetAtt" -> getAtt(arg, at, path);
            case "Fn::Sub" -> functions.sub(arg, at, path);
            case "Fn::Join" -> functions.join(arg, at, path);
            case "Fn::Select" -> functions.select(arg, at, path);
            case "Fn::Split" -> functions.split(arg, at, path);
            case "Fn::GetAZs" -> functions.getAzs(arg, at, path);
            case "Fn::FindInMap" -> functions.findInMap(arg, at, path);
            case "Fn::If" -> conditions.fnIf(arg, at, path);
            case "Fn::ImportValue" -> {
                Value name = eval(arg, path.child("Fn::ImportValue"));
                Optional<Value> exported = name.asString().flatMap(n -> ctx.stack().exports().value(n, at));
                yield exported.map(v -> withLocation(v, at)).orElseGet(() -> new Value.Unknown("Fn::ImportValue "
                        + name.asString().orElse("of a name not known from the files (" + unknownWhy(name) + ")"), at));
            }
            case "Fn::GetStackOutput" -> stackOutput(arg, at, path);
            case "Fn::Base64" -> {
                Value inner = eval(arg, path.child("Fn::Base64"));
                yield inner;
            }
            case "Fn::Length" -> {
                Value inner = eval(arg, path.child("Fn::Length"));
                yield inner instanceof Value.ListV l ? new Value.Scalar(BigDecimal.valueOf(l.items().size()), "Fn::Length", at)
                        : new Value.Unknown("Fn::Length of an unresolved list", at);
            }
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Condition" -> {
                Tri t = conditions.condition(fn, arg, path);
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

    private Value ref(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.ScalarNode s) || !(s.value() instanceof String name)) {
            Value v = eval(arg, path);
            if (v.asString().isPresent()) {
                return refName(v.asString().get(), at);
            }
            return new Value.Unknown("Ref to a computed name", at);
        }
        return refName(name, at);
    }

    /** {@code Ref} of a name: a pseudo parameter, a parameter, a resource. */
    Value refName(String name, SourceLocation at) {
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::Region":
                return ctx.options().regionOpt().<Value>map(r -> new Value.Scalar(r, "AWS::Region (--region)", at))
                        .orElseGet(() -> new Value.Symbol("AWS::Region", -1, false, "AWS::Region (no --region given)", at));
            case "AWS::AccountId":
                return new Value.Unknown("AWS::AccountId", at);
            case "AWS::StackName":
                return ctx.stack().stackName(ctx.options(), at);
            case "AWS::StackId":
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
            return withLocation(parameters.value(name), at);
        }
        if (ctx.resources().contains(name)) {
            return new Value.Ref(ctx.idOf(name), null, at);
        }
        report.accept(ParseFindings.unsupported(at, "Ref to '" + name + "', which is neither a parameter nor a resource of this template"));
        return new Value.Unknown("Ref to undefined " + name, at);
    }

    static Value withLocation(Value v, SourceLocation at) {
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(s.value(), s.how(), at);
        }
        if (v instanceof Value.Symbol s) {
            return new Value.Symbol(s.family(), s.index(), s.distinct(), s.how(), at);
        }
        if (v instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), u.raw(), u.refs(), at, u.joined());
        }
        if (v instanceof Value.Ref r) {
            return new Value.Ref(r.targetId(), r.attribute(), at);
        }
        if (v instanceof Value.ListV l) {
            return new Value.ListV(l.items(), at);
        }
        return v;
    }


    private Value getAtt(Node arg, SourceLocation at, LogicalPath path) {
        List<String> parts = new ArrayList<>();
        if (arg instanceof Node.SeqNode q) {
            for (Node p : q.items()) {
                if (p instanceof Node.ScalarNode s) {
                    parts.add(s.text());
                } else {
                    Value v = eval(p, path);
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
        if (attr.startsWith("Outputs.")) {
            Optional<Value> output = nestedOutputs.apply(ctx.idOf(name), attr.substring("Outputs.".length()));
            if (output.isPresent()) {
                return withLocation(output.get(), at);
            }
        }
        return new Value.Ref(ctx.idOf(name), attr, at);
    }

    /** {@code Fn::GetStackOutput {StackName, OutputName, Region}}: an output of another stack of the scan. */
    private Value stackOutput(Node arg, SourceLocation at, LogicalPath path) {
        if (!(arg instanceof Node.MapNode m) || m.get("StackName").isEmpty() || m.get("OutputName").isEmpty()) {
            return new Value.Unknown("Fn::GetStackOutput expects StackName and OutputName", at);
        }
        Optional<String> stack = eval(m.get("StackName").get(), path.child("Fn::GetStackOutput/StackName")).asString();
        Optional<String> output = eval(m.get("OutputName").get(), path.child("Fn::GetStackOutput/OutputName")).asString();
        if (stack.isEmpty() || output.isEmpty()) {
            return new Value.Unknown("Fn::GetStackOutput of a computed stack or output name", at);
        }
        return ctx.stack().exports().output(stack.get(), output.get(), at).map(v -> withLocation(v, at))
                .orElseGet(() -> new Value.Unknown("Fn::GetStackOutput " + stack.get() + "." + output.get(), at));
    }

    // ---------------------------------------------------------------- helpers

    /** Why a value is not known, in a few words: its reason, or what a symbol stands for. */
    static String unknownWhy(Value v) {
        if (v instanceof Value.Unknown u) {
            return u.reason();
        }
        return v.describe();
    }

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
