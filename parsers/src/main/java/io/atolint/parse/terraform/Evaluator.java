package io.atolint.parse.terraform;

import io.atolint.model.Numbers;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@link Expr} trees to the model's three-valued {@link Value}s. Names ({@code var.x},
 * {@code local.y}, {@code aws_subnet.a}, {@code module.net.ids}, {@code data...}) are resolved by the
 * {@link ModuleInstance} of the {@link Env}; everything else is here: operators, conditionals,
 * indexing, splats, for-expressions, templates and function calls. An unknown operand makes the
 * result UNKNOWN with the reason and the resources it was built from; nothing is guessed.
 */
final class Evaluator {
    private final TerraformRun run;

    Evaluator(TerraformRun run) {
        this.run = run;
    }

    Value eval(Expr e, Env env) {
        run.tick(env, e.pos());
        SourceLocation at = env.location(e.pos());
        if (e instanceof Expr.Literal l) {
            Object v = l.value();
            return new Value.Scalar(v, null, at);
        }
        if (e instanceof Expr.Template t) {
            return template(t, env, at);
        }
        if (e instanceof Expr.Variable || e instanceof Expr.GetAttr || e instanceof Expr.Index
                || e instanceof Expr.SplatItem) {
            return traversal(e, env, at);
        }
        if (e instanceof Expr.Splat s) {
            return splat(s, env, at);
        }
        if (e instanceof Expr.Call c) {
            return call(c, env, at);
        }
        if (e instanceof Expr.Tuple t) {
            List<Value> items = new ArrayList<>();
            for (Expr i : t.items()) {
                Value v = item(i, env);
                if (interpolationOnly(i) && v instanceof Value.ListV l) {
                    // Terraform 0.11 flattens a list interpolated alone into a list: ["${aws_subnet.a.*.id}"]
                    items.addAll(l.items());
                } else {
                    items.add(v);
                }
            }
            return Values.list(items, at);
        }
        if (e instanceof Expr.ObjectCons o) {
            return object(o, env, at);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u, env, at);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, env, at);
        }
        if (e instanceof Expr.Conditional c) {
            Value cond = eval(c.condition(), env);
            Tri t = truth(cond);
            if (t.isKnown()) {
                Value chosen = eval(t.isTrue() ? c.then() : c.otherwise(), env);
                // a switch a variable's value chose says so: "false (as var.env == "prod" is false: var.env is dev)";
                // a literal text stays one (rules tell a secret written in the file from one passed in)
                Expr other = t.isTrue() ? c.otherwise() : c.then();
                boolean sameEitherWay = other instanceof Expr.Literal o && chosen instanceof Value.Scalar s0
                        && java.util.Objects.equals(o.value(), s0.value());
                if (chosen instanceof Value.Scalar s && s.isLiteral() && s.value() instanceof Boolean && !sameEitherWay
                        && cond instanceof Value.Scalar sc && !sc.isLiteral()) {
                    return new Value.Scalar(s.value(), "as " + sc.how(), s.location());
                }
                return chosen;
            }
            Value a = eval(c.then(), env);
            Value b = eval(c.otherwise(), env);
            if (Values.isKnown(a) && Values.isKnown(b) && Values.equal(a, b)) {
                return a;
            }
            return Values.unknownFrom(raw(e), at, cond, a, b);
        }
        if (e instanceof Expr.For f) {
            return forExpr(f, env, at);
        }
        if (e instanceof Expr.Paren p) {
            return eval(p.inner(), env);
        }
        if (e instanceof Expr.TypeExpr t) {
            return new Value.Unknown("type constraint", t.text(), List.of(), at);
        }
        if (e instanceof Expr.Invalid i) {
            return new Value.Unknown("unreadable expression: " + i.reason(), null, List.of(), at);
        }
        return new Value.Unknown("not evaluated", raw(e), List.of(), at);
    }

    static String raw(Expr e) {
        String s = HclPrinter.print(e);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** TRUE/FALSE for known booleans (and "true"/"false" strings), else UNKNOWN. */
    static Tri truth(Value v) {
        if (v instanceof Value.Scalar s) {
            if (s.value() instanceof Boolean b) {
                return Tri.of(b);
            }
            if ("true".equals(s.value())) {
                return Tri.TRUE;
            }
            if ("false".equals(s.value())) {
                return Tri.FALSE;
            }
        }
        return Tri.UNKNOWN;
    }

    // ---------------------------------------------------------------- traversals

    /** A traversal: a root name then attribute and index steps. */
    private Value traversal(Expr e, Env env, SourceLocation at) {
        List<Expr> chain = new ArrayList<>();
        Expr cur = e;
        while (cur instanceof Expr.GetAttr || cur instanceof Expr.Index) {
            chain.add(0, cur);
            cur = cur instanceof Expr.GetAttr g ? g.target() : ((Expr.Index) cur).target();
        }
        Value base;
        int consumed;
        if (cur instanceof Expr.SplatItem) {
            base = env.binding(Env.SPLAT);
            consumed = 0;
            if (base == null) {
                return new Value.Unknown("splat element outside a splat", raw(e), List.of(), at);
            }
        } else if (cur instanceof Expr.Variable v) {
            Value bound = env.binding(v.name());
            if (bound != null) {
                base = bound;
                consumed = 0;
            } else {
                ModuleInstance.Resolved r = env.module().resolve(v.name(), chain, env, at, this);
                base = r.value();
                consumed = r.consumed();
            }
        } else {
            base = eval(cur, env);
            consumed = 0;
        }
        Value v = base;
        StringBuilder how = new StringBuilder(cur instanceof Expr.Variable root ? root.name() : "");
        for (int i = 0; i < chain.size(); i++) {
            Expr step = chain.get(i);
            if (step instanceof Expr.GetAttr g) {
                if (i >= consumed) {
                    v = getAttr(v, g.name(), env, at, e);
                }
                how.append('.').append(g.name());
            } else {
                Expr.Index idx = (Expr.Index) step;
                Value key = eval(idx.key(), env);
                if (i >= consumed) {
                    v = index(v, key, env, at, e);
                }
                String k = Values.asText(key);
                how.append('[').append(k == null ? HclPrinter.print(idx.key())
                        : key.asNumber().isPresent() ? k : "\"" + k + "\"").append(']');
            }
        }
        if (v instanceof Value.Scalar s && s.isLiteral() && !(cur instanceof Expr.SplatItem) && !chain.isEmpty()
                && cur instanceof Expr.Variable root && env.binding(root.name()) == null) {
            return new Value.Scalar(s.value(), how.toString(), at);
        }
        return v;
    }

    Value getAttr(Value v, String name, Env env, SourceLocation at, Expr whole) {
        if (v instanceof Value.MapV m) {
            Value x = m.entries().get(name);
            if (x == null) {
                x = m.get(name).orElse(null);
            }
            if (x == null) {
                throw new Functions.EvalError("no attribute \"" + name + "\"");
            }
            return x;
        }
        if (v instanceof Value.Ref r) {
            return run.resourceAttribute(r, name, at);
        }
        if (v instanceof Value.ListV l && l.items().size() == 1 && l.items().get(0) instanceof Value.MapV) {
            // a nested block of one (Terraform needs [0]; tolerated as the model does)
            return getAttr(l.items().get(0), name, env, at, whole);
        }
        if (v instanceof Value.Unknown || v instanceof Value.Symbol) {
            return Values.unknownFrom(raw(whole), at, v);
        }
        if (Values.isNull(v)) {
            throw new Functions.EvalError("attribute \"" + name + "\" of null");
        }
        throw new Functions.EvalError("attribute \"" + name + "\" of " + v);
    }

    Value index(Value v, Value key, Env env, SourceLocation at, Expr whole) {
        if (v instanceof Value.Symbol s && s.index() < 0) {
            if (key.asNumber().isPresent()) {
                long i = Numbers.index(key.asNumber().get())
                        .orElseThrow(() -> Functions.EvalError.invalid("list index " + key + " is not a whole number"));
                if (i < 0 || i > Integer.MAX_VALUE) {
                    throw Functions.EvalError.invalid("index " + i + " is out of range for " + s.display());
                }
                return new Value.Symbol(s.family(), (int) i, s.distinct(), s.how(), at);
            }
            return Values.unknownFrom(raw(whole), at, v, key);
        }
        if (!Values.isKnown(key) && !(key instanceof Value.Ref)) {
            return Values.unknownFrom(raw(whole), at, v, key);
        }
        if (v instanceof Value.ListV l) {
            BigDecimal d = key.asNumber().orElseThrow(() -> new Functions.EvalError("list index " + key + " is not a number"));
            long i = Numbers.index(d).orElseThrow(() -> Functions.EvalError.invalid("list index " + d + " is not a whole number"));
            if (i < 0 || i >= l.items().size()) {
                throw Functions.EvalError.invalid("index " + i + " is out of range for a list of " + l.items().size());
            }
            return l.items().get((int) i);
        }
        if (v instanceof Value.MapV m) {
            String k = Values.asText(key);
            Value x = k == null ? null : m.entries().get(k);
            if (x == null) {
                throw new Functions.EvalError("no key \"" + k + "\"");
            }
            return x;
        }
        if (v instanceof Value.Ref r) {
            String k = Values.asText(key);
            return new Value.Ref(r.targetId(), (r.attribute() == null ? "" : r.attribute()) + "[" + k + "]", at);
        }
        if (v instanceof Value.Unknown || v instanceof Value.Symbol) {
            return Values.unknownFrom(raw(whole), at, v, key);
        }
        throw new Functions.EvalError("cannot index " + v);
    }

    private Value splat(Expr.Splat s, Env env, SourceLocation at) {
        Value src = eval(s.source(), env);
        List<Value> items;
        if (src instanceof Value.ListV l) {
            items = l.items();
        } else if (Values.isNull(src)) {
            items = List.of();
        } else if (src instanceof Value.Unknown || src instanceof Value.Symbol) {
            return Values.unknownFrom(raw(s), at, src);
        } else {
            items = List.of(src);
        }
        List<Value> out = new ArrayList<>();
        for (Value item : items) {
            out.add(eval(s.each(), env.with(Env.SPLAT, item)));
        }
        return Values.list(out, at);
    }

    // ---------------------------------------------------------------- constructors

    private Value object(Expr.ObjectCons o, Env env, SourceLocation at) {
        Map<String, Value> m = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        List<Value> unknownKeys = new ArrayList<>();
        for (Expr.ObjectItem it : o.items()) {
            Value k = it.key() instanceof Expr.Literal l && l.value() instanceof String s ? Values.str(s, at)
                    : eval(it.key(), env);
            String ks = Values.asText(k);
            Value v = item(it.value(), env);
            if (ks == null) {
                unknownKeys.add(k);
                unknownKeys.add(v);
                continue;
            }
            m.put(ks, v);
            keys.put(ks, env.location(it.key().pos()));
        }
        if (!unknownKeys.isEmpty()) {
            return Values.unknownFrom(raw(o), at, unknownKeys.toArray(new Value[0]));
        }
        return new Value.MapV(m, keys, at);
    }

    /**
     * An item of a tuple or object constructor. What cannot be evaluated here (a reference {@code format}
     * cannot print, say) is UNKNOWN in its place and the constructor stays known around it, as an attribute of a
     * nested block is: Terraform's JSON syntax writes nested blocks as objects ({@code "statement": [{...}]}), and
     * one unknown {@code resources} made a whole policy statement unknown there and nowhere else. Input that
     * Terraform itself rejects still fails the expression.
     */
    private Value item(Expr e, Env env) {
        try {
            return eval(e, env);
        } catch (Functions.EvalError err) {
            if (err.invalidInput) {
                throw err;
            }
            return new Value.Unknown("cannot be evaluated: " + err.getMessage(), raw(e), List.of(), env.location(e.pos()));
        }
    }

    /** A template that is one interpolation and nothing else: {@code "${aws_subnet.a.id}"}. */
    private static boolean interpolationOnly(Expr e) {
        return e instanceof Expr.Template t && t.parts().size() == 1 && !(t.parts().get(0) instanceof Expr.Literal)
                && !(t.parts().get(0) instanceof Expr.TemplateIf) && !(t.parts().get(0) instanceof Expr.TemplateFor);
    }

    private Value template(Expr.Template t, Env env, SourceLocation at) {
        if (interpolationOnly(t)) {
            // "${aws_subnet.a.id}" is the value itself, of whatever type (Terraform 0.11 style)
            return eval(t.parts().get(0), env);
        }
        Value zone = zoneOfAnUnknownRegion(t, env, at);
        if (zone != null) {
            return zone;
        }
        StringBuilder b = new StringBuilder();
        List<Value> unknown = new ArrayList<>();
        try {
            appendTemplate(t, env, b, unknown);
        } catch (TooLarge e) {
            return run.tooLarge(at, raw(t));
        }
        if (!unknown.isEmpty()) {
            return Values.unknownFrom(raw(t), at, unknown.toArray(new Value[0]));
        }
        return new Value.Scalar(b.toString(), null, at);
    }

    /**
     * {@code "${var.region}a"} where the variable has no value: zone "a" of whatever Region it is given. Its name
     * is unknown, but the same letter of the same variable is the same zone and two letters are two zones, as
     * CloudFormation's {@code ${AWS::Region}a}. Only for a value whose name says it is a Region.
     */
    private Value zoneOfAnUnknownRegion(Expr.Template t, Env env, SourceLocation at) {
        if (t.parts().size() != 2 || !(t.parts().get(1) instanceof Expr.Literal letter)
                || !(letter.value() instanceof String l) || l.length() != 1 || l.charAt(0) < 'a' || l.charAt(0) > 'z'
                || t.parts().get(0) instanceof Expr.Literal
                || t.parts().get(0) instanceof Expr.TemplateIf || t.parts().get(0) instanceof Expr.TemplateFor) {
            return null;
        }
        if (!(eval(t.parts().get(0), env) instanceof Value.Symbol region) || region.index() >= 0
                || !region.family().toLowerCase(java.util.Locale.ROOT).contains("region")) {
            return null;
        }
        char zone = ((String) letter.value()).charAt(0);
        return new Value.Symbol("${" + region.family() + "}", zone - 'a', true,
                "zone " + zone + " of whichever Region " + region.family() + " is given", at,
                "${" + region.family() + "}" + zone);
    }

    /** A template whose text passed the value-size limit ({@link TerraformRun#maxValueSize()}). */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private void appendTemplate(Expr.Template t, Env env, StringBuilder b, List<Value> unknown) {
        for (Expr p : t.parts()) {
            if (b.length() > run.maxValueSize()) {
                throw new TooLarge();
            }
            if (p instanceof Expr.Literal l && l.value() instanceof String s) {
                b.append(s);
            } else if (p instanceof Expr.TemplateIf ti) {
                Tri c = truth(eval(ti.condition(), env));
                if (c.isTrue()) {
                    appendTemplate((Expr.Template) ti.then(), env, b, unknown);
                } else if (c.isFalse()) {
                    appendTemplate((Expr.Template) ti.otherwise(), env, b, unknown);
                } else {
                    unknown.add(eval(ti.condition(), env));
                }
            } else if (p instanceof Expr.TemplateFor tf) {
                Value coll = eval(tf.collection(), env);
                if (!(coll instanceof Value.ListV) && !(coll instanceof Value.MapV)) {
                    unknown.add(coll);
                    continue;
                }
                for (Map.Entry<Value, Value> kv : entries(coll, env.location(tf.pos()))) {
                    Env inner = env.with(tf.valueVar(), kv.getValue());
                    if (tf.keyVar() != null) {
                        inner = inner.with(tf.keyVar(), kv.getKey());
                    }
                    appendTemplate((Expr.Template) tf.body(), inner, b, unknown);
                }
            } else {
                Value v = eval(p, env);
                String s = Values.asText(v);
                if (v instanceof Value.Ref r) {
                    // the text is known only after apply, but the template still refers to the resource
                    unknown.add(new Value.Unknown(raw(p) + " is known only after apply", raw(p), List.of(r), v.location()));
                } else if (s == null) {
                    unknown.add(v instanceof Value.Scalar ? new Value.Unknown("null in a template", null, List.of(), v.location()) : v);
                } else {
                    b.append(s);
                }
            }
        }
    }

    /** Key/value pairs of a list (index keys) or a map (sorted keys), as for-expressions iterate them. */
    private static List<Map.Entry<Value, Value>> entries(Value coll, SourceLocation at) {
        List<Map.Entry<Value, Value>> out = new ArrayList<>();
        if (coll instanceof Value.ListV l) {
            for (int i = 0; i < l.items().size(); i++) {
                out.add(Map.entry(Values.num(i, at), l.items().get(i)));
            }
        } else if (coll instanceof Value.MapV m) {
            for (Map.Entry<String, Value> e : Values.sorted(m).entrySet()) {
                out.add(Map.entry(Values.str(e.getKey(), at), e.getValue()));
            }
        }
        return out;
    }

    private Value forExpr(Expr.For f, Env env, SourceLocation at) {
        Value coll = eval(f.collection(), env);
        if (!(coll instanceof Value.ListV) && !(coll instanceof Value.MapV)) {
            if (Values.isNull(coll)) {
                throw new Functions.EvalError("for-expression over null");
            }
            return Values.unknownFrom(raw(f), at, coll);
        }
        List<Value> list = new ArrayList<>();
        Map<String, Value> map = new LinkedHashMap<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> kv : entries(coll, at)) {
            Env inner = env.with(f.valueVar(), kv.getValue());
            if (f.keyVar() != null) {
                inner = inner.with(f.keyVar(), kv.getKey());
            }
            if (f.condition() != null) {
                Value c = eval(f.condition(), inner);
                Tri t = truth(c);
                if (t.isFalse()) {
                    continue;
                }
                if (!t.isKnown()) {
                    return Values.unknownFrom(raw(f), at, c);
                }
            }
            Value value = eval(f.valueExpr(), inner);
            if (!f.isObject()) {
                list.add(value);
                continue;
            }
            Value key = eval(f.keyExpr(), inner);
            String k = Values.asText(key);
            if (k == null) {
                return Values.unknownFrom(raw(f), at, key);
            }
            if (f.grouping()) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(value);
            } else {
                if (map.containsKey(k)) {
                    throw new Functions.EvalError("duplicate key \"" + k + "\" in a for-expression");
                }
                map.put(k, value);
            }
        }
        if (!f.isObject()) {
            return Values.list(list, at);
        }
        if (f.grouping()) {
            groups.forEach((k, vs) -> map.put(k, Values.list(vs, at)));
        }
        return Values.map(map, at);
    }

    // ---------------------------------------------------------------- operators

    private Value unary(Expr.Unary u, Env env, SourceLocation at) {
        Value v = eval(u.operand(), env);
        if (!Values.isKnown(v)) {
            return Values.unknownFrom(raw(u), at, v);
        }
        if (u.op().equals("!")) {
            Tri t = truth(v);
            if (!t.isKnown()) {
                throw new Functions.EvalError("! of a non-boolean");
            }
            return Values.bool(!t.isTrue(), at);
        }
        BigDecimal d = v.asNumber().orElseThrow(() -> new Functions.EvalError("- of a non-number"));
        return Values.num(d.negate(), at);
    }

    private Value binary(Expr.Binary b, Env env, SourceLocation at) {
        String op = b.op();
        Value l = eval(b.left(), env);
        if (op.equals("&&") || op.equals("||")) {
            Tri x = truth(l);
            // false && _ and true || _ are decided without the right side
            if (op.equals("&&") && x.isFalse() || op.equals("||") && x.isTrue()) {
                return Values.bool(x.isTrue(), at);
            }
            Value r = eval(b.right(), env);
            Tri y = truth(r);
            Tri res = op.equals("&&") ? x.and(y) : x.or(y);
            return res.isKnown() ? derived(Values.bool(res.isTrue(), at), b, l, r) : Values.unknownFrom(raw(b), at, l, r);
        }
        Value r = eval(b.right(), env);
        if (op.equals("==") || op.equals("!=")) {
            if (!Values.isKnown(l) || !Values.isKnown(r) || l instanceof Value.Ref || r instanceof Value.Ref) {
                if (l instanceof Value.Symbol sl && r instanceof Value.Symbol sr && sl.family().equals(sr.family())
                        && sl.index() == sr.index()) {
                    return Values.bool(op.equals("=="), at);
                }
                return Values.unknownFrom(raw(b), at, l, r);
            }
            boolean eq = Values.equal(l, r);
            return derived(Values.bool(op.equals("==") == eq, at), b, l, r);
        }
        if (!Values.isKnown(l) || !Values.isKnown(r)) {
            return Values.unknownFrom(raw(b), at, l, r);
        }
        BigDecimal x = l.asNumber().orElseThrow(() -> new Functions.EvalError(op + " of a non-number"));
        BigDecimal y = r.asNumber().orElseThrow(() -> new Functions.EvalError(op + " of a non-number"));
        return switch (op) {
            case "+" -> Values.num(x.add(y), at);
            case "-" -> Values.num(x.subtract(y), at);
            case "*" -> Values.num(x.multiply(y), at);
            case "/" -> {
                if (y.signum() == 0) {
                    throw new Functions.EvalError("division by zero");
                }
                yield Values.num(x.divide(y, MathContext.DECIMAL64).stripTrailingZeros(), at);
            }
            case "%" -> {
                if (y.signum() == 0) {
                    throw new Functions.EvalError("modulo by zero");
                }
                yield Values.num(x.remainder(y), at);
            }
            case "<" -> derived(Values.bool(x.compareTo(y) < 0, at), b, l, r);
            case ">" -> derived(Values.bool(x.compareTo(y) > 0, at), b, l, r);
            case "<=" -> derived(Values.bool(x.compareTo(y) <= 0, at), b, l, r);
            case ">=" -> derived(Values.bool(x.compareTo(y) >= 0, at), b, l, r);
            default -> throw new Functions.EvalError("unknown operator " + op);
        };
    }

    /**
     * A test decided by values that came from variables or locals says which: {@code var.env == "prod" is false:
     * var.env is dev}. A rule that judges the result (a database that is not Multi-AZ) then shows the value it rests on,
     * which a pipeline may set otherwise.
     */
    private static Value derived(Value result, Expr.Binary b, Value... operands) {
        List<String> from = new ArrayList<>();
        for (Value o : operands) {
            if (o instanceof Value.Scalar s && !s.isLiteral()) {
                from.add(s.how().startsWith("as ") || s.how().contains(" is ") ? s.how() : s.how() + " is " + Values.asText(s));
            }
        }
        if (from.isEmpty() || !(result instanceof Value.Scalar r)) {
            return result;
        }
        return new Value.Scalar(r.value(), raw(b) + " is " + r.value() + ": " + String.join(", ", from), r.location());
    }

    // ---------------------------------------------------------------- functions

    private Value call(Expr.Call c, Env env, SourceLocation at) {
        String name = c.name();
        if (name.equals("try")) {
            for (int i = 0; i < c.args().size(); i++) {
                try {
                    Value v = eval(c.args().get(i), env);
                    if (v instanceof Value.Unknown && i < c.args().size() - 1) {
                        // an unknown first choice may still fail at apply time: the result is unknown
                        return Values.unknownFrom(raw(c), at, v);
                    }
                    return v;
                } catch (Functions.EvalError e) {
                    // try the next one
                }
            }
            throw new Functions.EvalError("try: no argument could be evaluated");
        }
        if (name.equals("can")) {
            try {
                Value v = c.args().isEmpty() ? null : eval(c.args().get(0), env);
                if (v instanceof Value.Unknown) {
                    return Values.unknownFrom(raw(c), at, v);
                }
                return Values.bool(v != null, at);
            } catch (Functions.EvalError e) {
                return Values.bool(false, at);
            }
        }
        if (name.equals("templatestring")) {
            return templateString(c, env, at);
        }
        List<Value> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(eval(a, env));
        }
        if (c.expandLast() && !args.isEmpty()) {
            Value last = args.remove(args.size() - 1);
            if (last instanceof Value.ListV l) {
                args.addAll(l.items());
            } else {
                return Values.unknownFrom(raw(c), at, last);
            }
        }
        if (name.contains("::")) {
            return new Value.Unknown("provider function " + name + "() is not evaluated (it runs in the provider)",
                    raw(c), Values.refs(args), at);
        }
        long cap = run.maxValueSize();
        if (Values.weight(args, cap) > cap || ResultBound.of(name, args, cap) > cap) {
            return run.tooLarge(at, raw(c));
        }
        try {
            return Functions.call(name, args, at, raw(c));
        } catch (Functions.EvalError e) {
            throw e;
        } catch (RuntimeException e) {
            // arguments of the wrong shape (Terraform would reject the call): an error like any other
            throw new Functions.EvalError(name + "(): invalid arguments (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * {@code templatestring(local.tpl, { name = "web" })}: the string is read as a template whose only
     * names are the keys of the variables object (and the variables of its own for directives).
     */
    private Value templateString(Expr.Call c, Env env, SourceLocation at) {
        if (c.args().size() != 2) {
            throw new Functions.EvalError("templatestring needs a template and an object of variables");
        }
        Value text = eval(c.args().get(0), env);
        Value vars = eval(c.args().get(1), env);
        if (!(text instanceof Value.Scalar) || !(vars instanceof Value.MapV)) {
            return Values.unknownFrom(raw(c), at, text, vars);
        }
        String s = Values.asText(text);
        if (s == null) {
            throw new Functions.EvalError("templatestring: the template is not a string");
        }
        Expr template = HclReader.readTemplate(s, run.options().limits());
        if (template == null) {
            throw new Functions.EvalError("templatestring: the template does not parse");
        }
        Value.MapV m = (Value.MapV) vars;
        java.util.Set<String> free = new java.util.LinkedHashSet<>();
        freeNames(template, new java.util.HashSet<>(), free);
        free.removeAll(m.entries().keySet());
        if (!free.isEmpty()) {
            throw new Functions.EvalError("templatestring: the template refers to " + String.join(", ", free)
                    + ", which the variables do not give");
        }
        return eval(template, env.with(m.entries()));
    }

    /** Root names a template uses that it does not bind itself. */
    private static void freeNames(Expr e, java.util.Set<String> bound, java.util.Set<String> out) {
        if (e instanceof Expr.Variable v) {
            if (!bound.contains(v.name())) {
                out.add(v.name());
            }
        } else if (e instanceof Expr.Template t) {
            t.parts().forEach(p -> freeNames(p, bound, out));
        } else if (e instanceof Expr.TemplateIf t) {
            freeNames(t.condition(), bound, out);
            freeNames(t.then(), bound, out);
            freeNames(t.otherwise(), bound, out);
        } else if (e instanceof Expr.TemplateFor t) {
            freeNames(t.collection(), bound, out);
            java.util.Set<String> inner = new java.util.HashSet<>(bound);
            inner.add(t.valueVar());
            if (t.keyVar() != null) {
                inner.add(t.keyVar());
            }
            freeNames(t.body(), inner, out);
        } else if (e instanceof Expr.For f) {
            freeNames(f.collection(), bound, out);
            java.util.Set<String> inner = new java.util.HashSet<>(bound);
            inner.add(f.valueVar());
            if (f.keyVar() != null) {
                inner.add(f.keyVar());
            }
            for (Expr x : java.util.Arrays.asList(f.keyExpr(), f.valueExpr(), f.condition())) {
                if (x != null) {
                    freeNames(x, inner, out);
                }
            }
        } else if (e instanceof Expr.GetAttr g) {
            freeNames(g.target(), bound, out);
        } else if (e instanceof Expr.Index i) {
            freeNames(i.target(), bound, out);
            freeNames(i.key(), bound, out);
        } else if (e instanceof Expr.Splat s) {
            freeNames(s.source(), bound, out);
            freeNames(s.each(), bound, out);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> freeNames(a, bound, out));
        } else if (e instanceof Expr.Tuple t) {
            t.items().forEach(i -> freeNames(i, bound, out));
        } else if (e instanceof Expr.ObjectCons o) {
            for (Expr.ObjectItem it : o.items()) {
                if (!(it.key() instanceof Expr.Literal)) {
                    freeNames(it.key(), bound, out);
                }
                freeNames(it.value(), bound, out);
            }
        } else if (e instanceof Expr.Unary u) {
            freeNames(u.operand(), bound, out);
        } else if (e instanceof Expr.Binary b) {
            freeNames(b.left(), bound, out);
            freeNames(b.right(), bound, out);
        } else if (e instanceof Expr.Conditional c) {
            freeNames(c.condition(), bound, out);
            freeNames(c.then(), bound, out);
            freeNames(c.otherwise(), bound, out);
        } else if (e instanceof Expr.Paren p) {
            freeNames(p.inner(), bound, out);
        }
    }
}
