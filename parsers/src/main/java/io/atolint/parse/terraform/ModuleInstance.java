package io.atolint.parse.terraform;

import io.atolint.model.Kind;
import io.atolint.model.KindTable;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One instance of a module ({@code module.net}, {@code module.net[1]}, or the root): its variables
 * (inputs from the caller, tfvars, defaults), locals, resource and data expansions by
 * {@code count}/{@code for_each}, child modules and outputs, all evaluated lazily and once. A name
 * that depends on itself (locals referring to each other) ends as a positioned finding and UNKNOWN.
 */
final class ModuleInstance {
    /** A value resolved from a root name, and how many traversal steps it used. */
    record Resolved(Value value, int consumed) {
    }

    /** One instance of a resource or module: its key ({@code null}, an index or a for_each key). */
    record Instance(Object key, String address, Map<String, Value> bindings) {
    }

    /** What {@code count}/{@code for_each} gave: instances, or why their number is unknown. */
    record Expansion(String mode, List<Instance> instances, String unknownReason, Value.Unknown unknown) {
        boolean isKnown() {
            return unknownReason == null;
        }
    }

    private final TerraformRun run;
    private final ModuleConfig config;
    private final String prefix;
    private final String key;
    private final int depth;
    private final ModuleInstance parent;
    private final Map<String, Supplier<Value>> inputs;
    private final Map<String, Value> variables = new HashMap<>();
    private final Map<String, Value> locals = new HashMap<>();
    private final Set<String> localsInProgress = new HashSet<>();
    private final List<String> localsStack = new ArrayList<>();
    private final Map<String, Expansion> expansions = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private final Map<String, Object> children = new HashMap<>();
    private final Map<String, Value> outputs = new HashMap<>();
    private final Set<String> outputsInProgress = new HashSet<>();

    ModuleInstance(TerraformRun run, ModuleConfig config, String prefix, String key, int depth, ModuleInstance parent,
                   Map<String, Supplier<Value>> inputs) {
        this.run = run;
        this.config = config;
        this.prefix = prefix;
        this.key = key;
        this.depth = depth;
        this.parent = parent;
        this.inputs = inputs;
    }

    ModuleConfig config() {
        return config;
    }

    String prefix() {
        return prefix;
    }

    /** The key of this instance in {@code .terraform/modules/modules.json} ({@code ""} for the root). */
    String modulesKey() {
        return key;
    }

    int depth() {
        return depth;
    }

    ModuleInstance parent() {
        return parent;
    }

    private Env env(String file, String path) {
        return new Env(this, file, path);
    }

    // ---------------------------------------------------------------- names

    Resolved resolve(String root, List<Expr> chain, Env env, SourceLocation at, Evaluator ev) {
        String first = chain.isEmpty() || !(chain.get(0) instanceof Expr.GetAttr g) ? null : g.name();
        switch (root) {
            case "var":
                return first == null ? new Resolved(unknown("var without a name", at), 0)
                        : new Resolved(variable(first, at), 1);
            case "local":
                return first == null ? new Resolved(unknown("local without a name", at), 0)
                        : new Resolved(local(first, at), 1);
            case "path":
                return new Resolved(Values.str("root".equals(first) ? run.rootDir() : "cwd".equals(first) ? "."
                        : config.dir(), at), 1);
            case "terraform":
                return new Resolved(Values.str("default", at), 1);
            case "count", "each", "self":
                return new Resolved(unknown(root + "." + first + " is not available here", at), 1);
            case "module":
                return first == null ? new Resolved(unknown("module without a name", at), 0) : module(first, chain, env, at, ev);
            case "data":
                if (first == null || chain.size() < 2 || !(chain.get(1) instanceof Expr.GetAttr n)) {
                    return new Resolved(unknown("incomplete data source reference", at), chain.size());
                }
                return new Resolved(data(first, n.name(), at), 2);
            default:
                if (first == null) {
                    return new Resolved(unknown("unknown name " + root, at), 0);
                }
                return resource(root + "." + first, chain, env, at, ev);
        }
    }

    private static Value.Unknown unknown(String reason, SourceLocation at) {
        return new Value.Unknown(reason, null, List.of(), at);
    }

    // ---------------------------------------------------------------- variables and locals

    Value variable(String name, SourceLocation at) {
        Value v = variables.get(name);
        if (v != null) {
            return v;
        }
        ModuleConfig.Decl d = config.variables().get(name);
        if (d == null) {
            return unknown("variable " + name + " is not declared", at);
        }
        Supplier<Value> given = inputs.get(name);
        Optional<HclAttribute> def = d.block().body().attribute("default");
        String type = d.block().body().attribute("type").map(a -> a.value() instanceof Expr.TypeExpr t ? t.text() : "")
                .orElse("");
        if (given != null) {
            v = given.get();
            if (Values.isNull(v) && def.isPresent() && d.block().body().attribute("nullable")
                    .map(a -> a.value() instanceof Expr.Literal l && Boolean.FALSE.equals(l.value())).orElse(false)) {
                v = null;
            }
        }
        if (v == null && def.isPresent()) {
            v = run.evaluator().eval(def.get().value(), env(d.file(), prefix + "var." + name));
        }
        if (v == null) {
            SourceLocation where = d.location(prefix + "var." + name);
            String hint = parent == null ? run.varFileHint(name) : "";
            v = new Value.Symbol("var." + name, -1, false, "variable " + name + " has no value" + hint, where);
        }
        Env declEnv = env(d.file(), prefix + "var." + name);
        v = TerraformTypes.convert(v, type, text -> {
            Expr e = HclReader.readExpression(text, run.options().limits());
            return e == null ? null : run.evaluate(e, declEnv);
        });
        variables.put(name, v);
        return v;
    }

    Value local(String name, SourceLocation at) {
        Value v = locals.get(name);
        if (v != null) {
            return v;
        }
        ModuleConfig.Local l = config.locals().get(name);
        if (l == null) {
            return unknown("local." + name + " is not declared", at);
        }
        if (!localsInProgress.add(name)) {
            int from = localsStack.indexOf(name);
            List<String> cycle = new ArrayList<>(localsStack.subList(Math.max(0, from), localsStack.size()));
            cycle.add(name);
            HclPos p = l.attribute().pos();
            run.invalid(SourceLocation.at(p.fileOr(l.file()), p.line(), p.column()), "invalid Terraform: local." + name
                    + " depends on itself (" + String.join(" -> ", cycle.stream().map(c -> "local." + c).toList()) + ")");
            return unknown("local." + name + " depends on itself", at);
        }
        localsStack.add(name);
        try {
            v = run.evaluate(l.attribute().value(), env(l.file(), prefix + "local." + name));
        } finally {
            localsStack.remove(localsStack.size() - 1);
            localsInProgress.remove(name);
        }
        locals.put(name, v);
        return v;
    }

    // ---------------------------------------------------------------- resources

    private Resolved resource(String typeName, List<Expr> chain, Env env, SourceLocation at, Evaluator ev) {
        ModuleConfig.Decl d = config.resources().get(typeName);
        if (d == null) {
            return new Resolved(unknown("unknown name " + typeName + " (no such resource in " + dirName() + ")", at), 1);
        }
        Expansion x = expansion("resource", typeName, d);
        if (!x.isKnown()) {
            String only = run.idOf(x.instances().get(0).address());
            if (chain.size() > 1 && chain.get(1) instanceof Expr.Index) {
                // aws_x.y[i] of an unknown count: the one instance that stands for all of them
                return new Resolved(new Value.Ref(only, null, at), 2);
            }
            return new Resolved(new Value.Unknown(x.unknownReason(), typeName,
                    List.of(new Value.Ref(only, null, at)), at), 1);
        }
        return new Resolved(collect(x, i -> new Value.Ref(run.idOf(i.address()), null, at), at), 1);
    }

    private Value collect(Expansion x, java.util.function.Function<Instance, Value> f, SourceLocation at) {
        switch (x.mode()) {
            case "count" -> {
                List<Value> l = new ArrayList<>();
                x.instances().forEach(i -> l.add(f.apply(i)));
                return Values.list(l, at);
            }
            case "for_each" -> {
                Map<String, Value> m = new LinkedHashMap<>();
                x.instances().forEach(i -> m.put(String.valueOf(i.key()), f.apply(i)));
                return Values.map(m, at);
            }
            default -> {
                return f.apply(x.instances().get(0));
            }
        }
    }

    /** The instances {@code count} or {@code for_each} give a resource, data source or module call. */
    Expansion expansion(String kind, String name, ModuleConfig.Decl d) {
        String memoKey = kind + ":" + name;
        Expansion x = expansions.get(memoKey);
        if (x != null) {
            return x;
        }
        String base = prefix + (kind.equals("data") ? "data." : kind.equals("module") ? "module." : "") + name;
        if (!expanding.add(memoKey)) {
            return new Expansion("single", List.of(new Instance(null, base, Map.of())),
                    "the count of " + base + " depends on itself", null);
        }
        try {
            x = expand(base, d);
        } finally {
            expanding.remove(memoKey);
        }
        expansions.put(memoKey, x);
        return x;
    }

    private Expansion expand(String base, ModuleConfig.Decl d) {
        HclBody body = d.block().body();
        Env env = env(d.file(), base);
        Optional<HclAttribute> count = body.attribute("count");
        Optional<HclAttribute> forEach = body.attribute("for_each");
        SourceLocation at = d.location(base);
        if (count.isPresent()) {
            Value c = run.evaluate(count.get().value(), env);
            Optional<BigDecimal> n = Values.isKnown(c) ? c.asNumber() : Optional.empty();
            if (n.isEmpty() || n.get().signum() < 0 || n.get().stripTrailingZeros().scale() > 0) {
                String why = "count unknown: " + (Values.reasonOf(c) != null ? Values.reasonOf(c) : "count is " + c);
                Map<String, Value> b = Map.of("count", Values.map(Map.of("index",
                        new Value.Unknown("count.index of " + base + " (" + why + ")", null, List.of(), at)), at));
                return new Expansion("count", List.of(new Instance(null, base, b)), why, null);
            }
            // compared in full: a count of 4294967297 is not 1
            boolean over = n.get().compareTo(BigDecimal.valueOf(run.remainingResources())) > 0;
            int max = over ? run.remainingResources() : n.get().intValue();
            if (over) {
                run.limit(at, base + ": count = " + n.get().toPlainString() + " exceeds the "
                        + "resource limit; only " + max + " instances are read");
            }
            List<Instance> out = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                out.add(new Instance(i, base + "[" + i + "]",
                        Map.of("count", Values.map(Map.of("index", Values.num(i, at)), at))));
            }
            return new Expansion("count", out, null, null);
        }
        if (forEach.isPresent()) {
            Value f = run.evaluate(forEach.get().value(), env);
            List<Instance> out = new ArrayList<>();
            if (f instanceof Value.MapV m && m.entries().keySet().stream().allMatch(k -> k != null)) {
                for (Map.Entry<String, Value> e : Values.sorted(m).entrySet()) {
                    out.add(new Instance(e.getKey(), base + "[\"" + e.getKey() + "\"]",
                            Map.of("each", Values.map(Map.of("key", Values.str(e.getKey(), at), "value", e.getValue()), at))));
                }
                return new Expansion("for_each", capped(base, at, out), null, null);
            }
            if (f instanceof Value.ListV l && l.items().stream().allMatch(i -> Values.asText(i) != null)) {
                List<String> keys = new ArrayList<>(new java.util.TreeSet<>(
                        l.items().stream().map(Values::asText).toList()));
                for (String k : keys) {
                    Value kv = Values.str(k, at);
                    out.add(new Instance(k, base + "[\"" + k + "\"]",
                            Map.of("each", Values.map(Map.of("key", kv, "value", kv), at))));
                }
                return new Expansion("for_each", capped(base, at, out), null, null);
            }
            String why = "for_each unknown: " + (Values.reasonOf(f) != null ? Values.reasonOf(f)
                    : "for_each is not a map or a set of strings");
            Value.Unknown each = new Value.Unknown("each of " + base + " (" + why + ")", null, Values.refs(f), at);
            return new Expansion("for_each", List.of(new Instance(null, base,
                    Map.of("each", Values.map(Map.of("key", each, "value", each), at)))), why, null);
        }
        return new Expansion("single", List.of(new Instance(null, base, Map.of())), null, null);
    }

    /** The instances that fit under the resource limit; the cut is reported. */
    private List<Instance> capped(String base, SourceLocation at, List<Instance> all) {
        int max = run.remainingResources();
        if (all.size() <= max) {
            return all;
        }
        run.limit(at, base + ": for_each has " + all.size() + " elements, above the resource limit; only " + max
                + " instances are read");
        return all.subList(0, max);
    }

    // ---------------------------------------------------------------- data sources

    private Value data(String type, String name, SourceLocation at) {
        ModuleConfig.Decl d = config.data().get(type + "." + name);
        String addr = prefix + "data." + type + "." + name;
        if (d == null) {
            return unknown("unknown name data." + type + "." + name, at);
        }
        Expansion x = expansion("data", type + "." + name, d);
        if (!x.isKnown()) {
            // a policy document of unknown count is still in the model (one instance): rules read its statements
            return new Value.Unknown(x.unknownReason(), addr, type.equals("aws_iam_policy_document")
                    ? List.of(new Value.Ref(run.idOf(addr), null, at)) : List.of(), at);
        }
        return collect(x, i -> DataSources.value(run, this, d, type, i, at), at);
    }

    // ---------------------------------------------------------------- modules

    private Resolved module(String name, List<Expr> chain, Env env, SourceLocation at, Evaluator ev) {
        ModuleConfig.Decl d = config.modules().get(name);
        if (d == null) {
            return new Resolved(unknown("unknown name module." + name, at), 1);
        }
        Object kids = children(name, d);
        if (kids instanceof RegistryModules.Modelled reg) {
            if (chain.size() > 1 && chain.get(1) instanceof Expr.GetAttr out) {
                return new Resolved(reg.output(out.name(), at), 2);
            }
            return new Resolved(Values.map(reg.outputs(), at), 1);
        }
        if (kids instanceof RegistryModules.ModelledCalls calls) {
            return new Resolved(collect(calls.expansion(), i -> Values.map(calls.byAddress().get(i.address()).outputs(), at),
                    at), 1);
        }
        if (kids instanceof Value.Unknown u) {
            return new Resolved(new Value.Unknown(u.reason(), prefix + "module." + name, u.refs(), at), 1);
        }
        @SuppressWarnings("unchecked")
        Map<String, ModuleInstance> inst = (Map<String, ModuleInstance>) kids;
        Expansion x = expansion("module", name, d);
        if (!x.isKnown()) {
            return new Resolved(new Value.Unknown(x.unknownReason(), prefix + "module." + name, List.of(), at),
                    chain.size() > 1 && chain.get(1) instanceof Expr.Index ? 2 : 1);
        }
        if (x.mode().equals("single") && chain.size() > 1 && chain.get(1) instanceof Expr.GetAttr out) {
            return new Resolved(inst.get(x.instances().get(0).address()).output(out.name(), at), 2);
        }
        return new Resolved(collect(x, i -> inst.get(i.address()).allOutputs(at), at), 1);
    }

    /** The child instances of a module call, or an UNKNOWN saying why there are none to read. */
    Object children(String name, ModuleConfig.Decl d) {
        Object c = children.get(name);
        if (c != null) {
            return c;
        }
        c = run.instantiate(this, name, d);
        children.put(name, c);
        return c;
    }

    Value output(String name, SourceLocation at) {
        Value v = outputs.get(name);
        if (v != null) {
            return v;
        }
        ModuleConfig.Decl d = config.outputs().get(name);
        if (d == null) {
            return unknown("module " + prefix + " has no output " + name, at);
        }
        if (!outputsInProgress.add(name)) {
            return unknown("output " + name + " depends on itself", at);
        }
        try {
            v = d.block().body().attribute("value")
                    .map(a -> run.evaluate(a.value(), env(d.file(), prefix + "output." + name)))
                    .orElse(Values.nul(at));
        } finally {
            outputsInProgress.remove(name);
        }
        outputs.put(name, v);
        return v;
    }

    Value allOutputs(SourceLocation at) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (String o : config.outputs().keySet()) {
            m.put(o, output(o, at));
        }
        return Values.map(m, at);
    }

    /** Inputs a module block passes to its child, evaluated lazily in this (the caller's) instance. */
    Map<String, Supplier<Value>> callInputs(ModuleConfig.Decl d, Instance instance, String childPrefix) {
        Map<String, Supplier<Value>> in = new LinkedHashMap<>();
        Env env = env(d.file(), childPrefix).with(instance.bindings());
        for (HclAttribute a : d.block().body().attributes()) {
            if (TerraformRun.MODULE_META.contains(a.name())) {
                continue;
            }
            Value[] memo = new Value[1];
            in.put(a.name(), () -> {
                if (memo[0] == null) {
                    memo[0] = run.evaluate(a.value(), env.atPath(childPrefix + "var." + a.name()));
                }
                return memo[0];
            });
        }
        return in;
    }

    String dirName() {
        return config.dir().isEmpty() ? "." : config.dir();
    }

    /** Whether a resource type is worth a model resource (every managed resource is). */
    static Kind kindOf(String type) {
        return KindTable.kindOf(type);
    }

    void note(SourceLocation at, String message) {
        run.note(at, message);
    }
}
