package io.atolint.parse.terraform;

import io.atolint.model.Format;
import io.atolint.model.KindTable;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One instance of a registry module call, modelled from its inputs, and what every module's model reads them with.
 * Synthesized resources carry the addresses the real module gives them ({@code module.vpc.aws_subnet.private[1]},
 * {@code module.eks.module.eks_managed_node_group["main"].aws_eks_node_group.this[0]}) and are located at the input
 * that decided them, so that a finding points at the line to change. Only the inputs are read: a value the inputs
 * leave unknown stays unknown, and where a module's default changed between its major versions and the input is not
 * given, the value is UNKNOWN.
 */
abstract class ModelledCall {
    private final TerraformRun run;
    private final ModuleInstance parent;
    private final ModuleConfig.Decl decl;
    final String address;
    final SourceLocation at;
    private final Map<String, Supplier<Value>> inputs;
    private final Map<String, SourceLocation> inputAt = new LinkedHashMap<>();

    ModelledCall(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                 SourceLocation at) {
        this.run = run;
        this.parent = parent;
        this.decl = decl;
        this.address = instance.address();
        this.at = at;
        this.inputs = parent.callInputs(decl, instance, address + ".");
        for (HclAttribute a : decl.block().body().attributes()) {
            HclPos p = a.pos();
            inputAt.put(a.name(), new SourceLocation(p.fileOr(decl.file()), p.line(), p.column(), p.line(), p.column(),
                    address + "/" + a.name()));
        }
    }

    // ---------------------------------------------------------------- inputs

    Optional<Value> in(String name) {
        Supplier<Value> s = inputs.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    Tri bool(String name, boolean dflt) {
        Optional<Value> v = in(name);
        if (v.isEmpty() || Values.isNull(v.get())) {
            return Tri.of(dflt);
        }
        return Evaluator.truth(v.get());
    }

    /** A list input: its elements, or null when the list itself is not known. */
    List<Value> list(String name) {
        Optional<Value> v = in(name);
        if (v.isEmpty() || Values.isNull(v.get())) {
            return List.of();
        }
        return v.get() instanceof Value.ListV l ? l.items() : null;
    }

    SourceLocation where(String... names) {
        for (String n : names) {
            if (inputAt.containsKey(n)) {
                return inputAt.get(n);
            }
        }
        return at;
    }

    Value.Ref add(String type, String name, Object index, Map<String, Value> attrs, Map<String, SourceLocation> keys,
                  String because) {
        return add(type, name, index, attrs, keys, because, null);
    }

    /** @param unknownCount why the resource may not exist (the "instances" meta of a count Terraform cannot know), or null */
    Value.Ref add(String type, String name, Object index, Map<String, Value> attrs, Map<String, SourceLocation> keys,
                  String because, String unknownCount) {
        return addIn("", type, name, index, attrs, keys, where(because), unknownCount);
    }

    /**
     * A resource of the module, or of one of its own module calls ({@code within}: {@code module.service["web"]},
     * empty for the module itself), located at {@code loc}.
     */
    Value.Ref addIn(String within, String type, String name, Object index, Map<String, Value> attrs,
                    Map<String, SourceLocation> keys, SourceLocation loc0, String unknownCount) {
        String addr = address + (within.isEmpty() ? "" : "." + within) + "." + type + "." + name
                + (index == null ? "" : index instanceof Integer ? "[" + index + "]" : "[\"" + index + "\"]");
        SourceLocation loc = loc0.withLogicalPath(addr);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("module", address);
        meta.put("modelled", "from the inputs of " + address);
        meta.putAll(run.rootMeta(parent));
        if (unknownCount != null) {
            meta.put("instances", unknownCount);
        }
        Resource r = new Resource(run.idOf(addr), addr, type, KindTable.kindOf(type), new Value.MapV(attrs, keys, loc), loc,
                Format.TERRAFORM, meta);
        run.addSynthesized(r, parent, decl);
        return new Value.Ref(r.id(), null, loc);
    }

    /**
     * Where each attribute of a resource modelled from an element of a map input is written: where its value is,
     * when that is more precise than the whole call, else at the element ({@code worker = {...}}).
     */
    Map<String, SourceLocation> keysOf(Map<String, Value> attrs, SourceLocation element) {
        Map<String, SourceLocation> k = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : attrs.entrySet()) {
            SourceLocation l = e.getValue().location();
            k.put(e.getKey(), l != null && l != at && !l.equals(at) ? l : element);
        }
        return k;
    }

    Map<String, SourceLocation> keysAt(Map<String, Value> attrs, String... inputNames) {
        Map<String, SourceLocation> k = new LinkedHashMap<>();
        for (String a : attrs.keySet()) {
            k.put(a, where(inputNames));
        }
        return k;
    }

    /**
     * The module's own resource takes most inputs under the same names: they are passed through, with
     * the module's defaults where they differ from the provider's, so that rules do not read an
     * omitted input as the provider's default.
     */
    Map<String, SourceLocation> passThrough(Map<String, Value> attrs, Map<String, Object> moduleDefaults) {
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (String k : attrs.keySet()) {
            keys.put(k, where(k));
        }
        for (String k : inputs.keySet()) {
            if (!attrs.containsKey(k) && !TerraformRun.MODULE_META.contains(k)) {
                attrs.put(k, in(k).orElseThrow());
                keys.put(k, where(k));
            }
        }
        moduleDefaults.forEach((k, v) -> {
            if (!attrs.containsKey(k)) {
                attrs.put(k, new Value.Scalar(v, address + " default", at));
                keys.put(k, at);
            }
        });
        return keys;
    }

    static Value.Ref id(Value.Ref r) {
        return new Value.Ref(r.targetId(), "id", r.location());
    }

    Value ids(List<Value.Ref> refs) {
        List<Value> out = new ArrayList<>();
        refs.forEach(r -> out.add(id(r)));
        return Values.list(out, at);
    }

    Value.Unknown unknown(String why) {
        return new Value.Unknown(why, null, List.of(), at);
    }

    /** {@link RegistryModules#versionAtLeast(String, int)} of this call's {@code version} constraint. */
    Tri versionAtLeast(int major) {
        return RegistryModules.versionAtLeast(decl.block().body().attribute("version")
                .map(a -> a.value() instanceof Expr.Literal l && l.value() instanceof String v ? v : null).orElse(null), major);
    }

    /** The module's comma-separated {@code cidr_blocks} of one rule ({@code "10.0.0.0/8,0.0.0.0/0"}), else the default list. */
    Value commaList(Value v, Value dflt) {
        if (v == null || Values.isNull(v)) {
            return dflt;
        }
        String text = Values.asText(v);
        if (text == null) {
            return v instanceof Value.ListV || v instanceof Value.Unknown ? v : unknown("cidr_blocks of a rule of " + address + " is not known");
        }
        List<Value> items = new ArrayList<>();
        for (String c : text.split(",")) {
            if (!c.isBlank()) {
                items.add(Values.str(c.strip(), v.location()));
            }
        }
        return Values.list(items, v.location());
    }

    // ---------------------------------------------------------------- elements of map inputs

    /** An input by name: of the module call, or of one element of a map input ({@code services["web"]}). */
    interface Lookup {
        Optional<Value> get(String name);

        /** The first of the names that is given and not null. */
        default Optional<Value> first(String... names) {
            for (String n : names) {
                Optional<Value> v = get(n).filter(x -> !Values.isNull(x));
                if (v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }
    }

    /** The inputs of one element of a map input, then (for a node group) the module's defaults for every element. */
    static Lookup element(Value element, Value defaults) {
        return name -> {
            Optional<Value> v = element instanceof Value.MapV m
                    ? m.get(name).filter(x -> !Values.isNull(x)).map(x -> at(x, m.keyLocation(name))) : Optional.empty();
            return v.isPresent() || !(defaults instanceof Value.MapV d) ? v : d.get(name).map(x -> at(x, d.keyLocation(name)));
        };
    }

    /**
     * A value of an element of a map input, located where its key is written ({@code subnet_ids = [...]} of
     * {@code services["worker"]}) rather than at the whole input, so that a finding points at that line.
     */
    static Value at(Value v, SourceLocation key) {
        if (key == null) {
            return v;
        }
        if (v instanceof Value.ListV l) {
            return new Value.ListV(l.items(), key);
        }
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(s.value(), s.how(), key);
        }
        if (v instanceof Value.Ref r) {
            return new Value.Ref(r.targetId(), r.attribute(), key);
        }
        return v;
    }

    /** The elements of a map input in Terraform's order for {@code for_each} (by key), or null when the map is not known. */
    Map<String, Value> elements(String input) {
        Optional<Value> v = in(input);
        if (v.isEmpty() || Values.isNull(v.get())) {
            return Map.of();
        }
        return v.get() instanceof Value.MapV m ? Values.sorted(m) : null;
    }

    /** Where an element of a map input is written ({@code web = {...}} of {@code services}). */
    SourceLocation elementAt(String input, String key) {
        Optional<Value> v = in(input);
        if (v.isPresent() && v.get() instanceof Value.MapV m && m.keyLocation(key) != null) {
            return m.keyLocation(key);
        }
        return where(input);
    }

    static Tri truth(Optional<Value> v, boolean dflt) {
        return v.isEmpty() || Values.isNull(v.get()) ? Tri.of(dflt) : Evaluator.truth(v.get());
    }

    /** The "instances" meta of a resource that exists only if {@code flag} is true, when the flag is not known. */
    String maybe(Tri create, String flag) {
        return create.isKnown() ? null : "count unknown: " + flag + " of " + address + " is not known";
    }

    static Value.Ref attr(Value.Ref r, String name) {
        return new Value.Ref(r.targetId(), name, r.location());
    }

    Value notGiven(String input, String of) {
        return unknown(input + " of " + of + " is not given: the module's default differs between its major versions");
    }

    /**
     * An object input as the one block it becomes, and its nested objects as theirs
     * ({@code rule = { apply_server_side_encryption_by_default = {...} }}); anything else as it is.
     */
    static Value asBlock(Value v) {
        if (!(v instanceof Value.MapV m)) {
            return v;
        }
        return new Value.ListV(List.of(new Value.MapV(blockEntries(m), m.location())), m.location());
    }

    /** An object's entries with its nested objects as the blocks they become. */
    static Map<String, Value> blockEntries(Value v) {
        Map<String, Value> m = new LinkedHashMap<>();
        if (v instanceof Value.MapV mv) {
            mv.entries().forEach((k, x) -> m.put(k, asBlock(x)));
        }
        return m;
    }

    /**
     * Block inputs that newer major versions take as an object ({@code root_block_device = { encrypted = true }})
     * or a map of objects ({@code ebs_block_device = { data = {...} }}) are read as the blocks they become.
     */
    static void blocksAsLists(Map<String, Value> attrs, String... names) {
        for (String n : names) {
            if (attrs.get(n) instanceof Value.MapV m) {
                boolean ofObjects = m.size() > 0 && m.entries().values().stream().allMatch(x -> x instanceof Value.MapV);
                attrs.put(n, new Value.ListV(ofObjects ? List.copyOf(m.entries().values()) : List.of(m), m.location()));
            }
        }
    }
}
