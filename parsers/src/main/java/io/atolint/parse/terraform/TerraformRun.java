package io.atolint.parse.terraform;

import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;

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
 * The evaluation of one root module and its module tree into one {@link Model}: resource instances
 * with Terraform addresses as names ({@code module.net.aws_subnet.this["a"]}), attributes evaluated
 * three-valued, references as {@link Value.Ref}s. Bounded by the scan's {@code Limits}: evaluation
 * steps, resources per model, module depth; a module calling itself is a positioned finding.
 */
final class TerraformRun {
    static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");
    private static final Set<String> RESOURCE_META = Set.of("count", "for_each", "provider", "lifecycle",
            "connection", "provisioner");

    /** A resource instance of the model and where its attributes come from. */
    private record InstanceRecord(ModuleInstance module, ModuleConfig.Decl decl, String type,
                                  ModuleInstance.Instance instance) {
    }

    private final Model model;
    private final String unit;
    private final String rootDir;
    private final ParseOptions options;
    private final ModuleLoader loader;
    private final Evaluator evaluator;
    private final Map<String, InstanceRecord> instances = new LinkedHashMap<>();
    private final Map<String, Value.MapV> attributes = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Set<String> dataEvaluating = new HashSet<>();
    private final Set<String> opaqueInProgress = new HashSet<>();
    /** Registry module calls being modelled: an input that reads the call's own outputs finds them UNKNOWN. */
    private final Set<String> modelling = new HashSet<>();
    private final Set<String> reported = new HashSet<>();
    /** {@link #idOf} already made (a run reads one root module on one thread). */
    private final Map<String, String> ids = new HashMap<>();
    private long steps;
    private boolean budgetSpent;
    private final Set<String> sharedDirs;
    private final String rootLabel;

    /**
     * {@code sharedDirs}: module directories that other root modules of the scan instantiate too; what is
     * found in them names this root ({@code rootLabel}), since the same line is reported once per root.
     */
    TerraformRun(Model model, String rootDir, ParseOptions options, ModuleLoader loader, Set<String> sharedDirs,
                 String rootLabel) {
        this.model = model;
        this.unit = model.unit();
        this.rootDir = rootDir;
        this.options = options;
        this.loader = loader;
        this.evaluator = new Evaluator(this);
        this.sharedDirs = sharedDirs;
        this.rootLabel = rootLabel;
    }

    TerraformRun(Model model, String rootDir, ParseOptions options, ModuleLoader loader) {
        this(model, rootDir, options, loader, Set.of(), rootDir);
    }

    private Map<String, List<String>> varFileHints = Map.of();

    /** Var files Terraform does not load by itself, by the variables they set (see {@link #varFileHint}). */
    void setVarFileHints(Map<String, List<String>> hints) {
        this.varFileHints = hints;
    }

    /** Where a root variable with no value is set by a var file not loaded: " (prod.tfvars sets it: ...)", or "". */
    String varFileHint(String variable) {
        List<String> files = varFileHints.getOrDefault(variable, List.of());
        if (files.isEmpty()) {
            return "";
        }
        List<String> shown = files.size() > 3 ? files.subList(0, 3) : files;
        return " (" + String.join(", ", shown) + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "")
                + (files.size() == 1 ? " sets it" : " set it") + ": give " + (files.size() == 1 ? "it" : "one")
                + " with --var-file)";
    }

    /** {@code root} for resources of a module shared by several root modules: their names then say which root. */
    Map<String, String> rootMeta(ModuleInstance module) {
        return sharedDirs.contains(module.config().dir()) ? Map.of("root", rootLabel) : Map.of();
    }

    /** A message about a place in a shared module, prefixed with the root module it was met in. */
    private String inRoot(SourceLocation at, String message) {
        String file = at.file();
        String dir = file == null ? "" : TerraformHandler.dir(file);
        return sharedDirs.contains(dir) ? rootLabel + ": " + message : message;
    }

    /** Reports a parse finding, naming the root module when the place is in a shared module. */
    private void report(io.atolint.model.Finding f) {
        model.report(new io.atolint.model.Finding(f.ruleId(), f.severity(), inRoot(f.location(), f.message()), f.location()));
    }

    Model model() {
        return model;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    private ModuleInstance root;
    private String providerRegion;
    private boolean providerRegionRead;

    /** The region: {@code --region}, else the one the root module's default aws provider names, else null. */
    String region() {
        return options.regionOpt().orElseGet(this::providerRegion);
    }

    /** Where {@link #region()} comes from, for the explanations of AZs. */
    String regionSource() {
        return options.regionOpt().isPresent() ? "--region" : "the region of provider aws";
    }

    private String providerRegion() {
        if (providerRegionRead || root == null) {
            return providerRegion;
        }
        providerRegionRead = true;
        ModuleConfig.Decl aws = root.config().providers().get("aws");
        HclAttribute region = aws == null ? null : aws.block().body().attribute("region").orElse(null);
        if (region != null) {
            String r = Values.asText(evaluate(region.value(), new Env(root, aws.file(), "provider.aws/region")));
            providerRegion = io.atolint.parse.RegionAzs.isKnownRegion(r) ? r : null;
        }
        return providerRegion;
    }

    String rootDir() {
        return rootDir.isEmpty() ? "." : rootDir;
    }

    /**
     * The model id of a resource address. Made once per address: every reference to a resource asks for
     * its id, and at 100,000 resources the copies were an eighth of what a scan allocated.
     */
    String idOf(String address) {
        return ids.computeIfAbsent(address, a -> unit + "#" + a);
    }

    int remainingResources() {
        return Math.max(0, options.limits().maxResources() - instances.size());
    }

    void limit(SourceLocation at, String message) {
        if (reported.add(at.display() + message)) {
            report(ParseFindings.limit(at, message));
        }
    }

    void invalid(SourceLocation at, String message) {
        if (reported.add(at.display() + message)) {
            report(ParseFindings.invalid(at, message));
        }
    }

    void note(SourceLocation at, String message) {
        if (reported.add(at.display() + message)) {
            report(ParseFindings.unsupported(at, message));
        }
    }

    /** The largest value (collection elements plus string characters) an expression may produce ({@code --limit value-size}). */
    long maxValueSize() {
        return options.limits().maxValueSize();
    }

    /** A value that would pass {@link #maxValueSize()}: UNKNOWN, with one PARSE002 per place. */
    Value tooLarge(SourceLocation at, String raw) {
        if (reported.add(at.display() + "too large")) {
            report(ParseFindings.limit(at, "the value of " + (raw.length() > 60 ? raw.substring(0, 57) + "..." : raw)
                    + " would exceed " + maxValueSize() + " elements or characters (--limit value-size=N); it is UNKNOWN"));
        }
        return new Value.Unknown("value too large to evaluate", raw, at);
    }

    /** Counts one evaluation step; past the limit, evaluation stops with one PARSE002. */
    void tick(Env env, HclPos pos) {
        if (++steps > options.limits().maxResolutionSteps()) {
            if (!budgetSpent) {
                budgetSpent = true;
                report(ParseFindings.limit(env.location(pos), "evaluation stopped after "
                        + options.limits().maxResolutionSteps() + " steps; the remaining values are UNKNOWN"));
            }
            throw new HclReader.BudgetExceeded(pos);
        }
    }

    /** Evaluates one expression; an error Terraform would report, or the step limit, gives UNKNOWN. */
    Value evaluate(Expr e, Env env) {
        SourceLocation at = env.location(e.pos());
        if (budgetSpent) {
            return new Value.Unknown("evaluation limit reached", Evaluator.raw(e), List.of(), at);
        }
        try {
            return evaluator.eval(e, env);
        } catch (Functions.EvalError err) {
            if (err.invalidInput) {
                invalid(at, err.getMessage());
            }
            return new Value.Unknown("cannot be evaluated: " + err.getMessage(), Evaluator.raw(e), List.of(), at);
        } catch (HclReader.BudgetExceeded b) {
            return new Value.Unknown("evaluation limit reached", Evaluator.raw(e), List.of(), at);
        } catch (StackOverflowError so) {
            invalid(at, "expression nests too deeply to evaluate");
            return new Value.Unknown("nests too deeply", null, List.of(), at);
        }
    }

    // ---------------------------------------------------------------- building the model

    /** Adds every resource instance of {@code module} and its children to the model. */
    void build(ModuleInstance module) {
        if (root == null) {
            root = module;
        }
        ModuleConfig c = module.config();
        for (Map.Entry<String, ModuleConfig.Decl> e : c.resources().entrySet()) {
            ModuleConfig.Decl d = e.getValue();
            String type = d.block().label(0);
            ModuleInstance.Expansion x = module.expansion("resource", e.getKey(), d);
            for (ModuleInstance.Instance i : x.instances()) {
                if (model.resourceCount() >= options.limits().maxResources()) {
                    report(ParseFindings.limit(d.location(i.address()), "more than "
                            + options.limits().maxResources() + " resources; the rest is not read"));
                    return;
                }
                String id = idOf(i.address());
                if (model.contains(id)) {
                    continue;
                }
                instances.put(id, new InstanceRecord(module, d, type, i));
                Map<String, String> meta = new LinkedHashMap<>();
                if (!module.prefix().isEmpty()) {
                    meta.put("module", module.prefix().substring(0, module.prefix().length() - 1));
                }
                meta.putAll(rootMeta(module));
                if (!x.isKnown()) {
                    meta.put("instances", x.unknownReason());
                }
                if (i.address().endsWith("]")) {
                    // Instances of one count/for_each block are copies by intent: the topology treats them as
                    // replicas of each other even when no load balancer names them together.
                    meta.put("block", module.prefix() + e.getKey());
                }
                ignoredChanges(d).ifPresent(v -> meta.put("ignore_changes", v));
                Value.MapV attrs = attributesOf(id);
                if (model.contains(id)) {
                    continue;
                }
                model.add(new Resource(id, i.address(), type, ModuleInstance.kindOf(type), attrs,
                        d.location(i.address()), Format.TERRAFORM, meta));
                if (!x.isKnown() && reported.add("count:" + i.address())) {
                    report(ParseFindings.unsupported(d.location(i.address()), i.address() + ": "
                            + x.unknownReason() + "; read as one instance"));
                }
            }
        }
        for (Map.Entry<String, ModuleConfig.Decl> e : c.modules().entrySet()) {
            Object kids = module.children(e.getKey(), e.getValue());
            if (kids instanceof Map<?, ?> m) {
                for (Object k : m.values()) {
                    build((ModuleInstance) k);
                }
            }
        }
        c.data().forEach((name, d) -> module.expansion("data", name, d));
        addPolicyDocuments(module);
        if (module.prefix().isEmpty()) {
            addInputs(module);
        }
    }

    /**
     * {@code aws_iam_policy_document} data sources are computed locally from their statement blocks, so
     * they are read into the model (kind IAM_POLICY_DOCUMENT, named {@code data.aws_iam_policy_document.x}):
     * rules read the policy a {@code .json} reference stands for. Other data sources are read from the cloud.
     */
    private void addPolicyDocuments(ModuleInstance module) {
        for (Map.Entry<String, ModuleConfig.Decl> e : module.config().data().entrySet()) {
            ModuleConfig.Decl d = e.getValue();
            String type = d.block().label(0);
            if (!type.equals("aws_iam_policy_document")) {
                continue;
            }
            for (ModuleInstance.Instance i : module.expansion("data", e.getKey(), d).instances()) {
                String id = idOf(i.address());
                if (model.contains(id) || model.resourceCount() >= options.limits().maxResources()) {
                    continue;
                }
                instances.put(id, new InstanceRecord(module, d, type, i));
                Value.MapV attrs = attributesOf(id);
                if (model.contains(id)) {
                    continue;
                }
                model.add(new Resource(id, i.address(), type, ModuleInstance.kindOf(type), attrs,
                        d.location(i.address()), Format.TERRAFORM, rootMeta(module)));
            }
        }
    }

    /** The root module's variables as declared, with their defaults (rules judge sensitive defaults). */
    private void addInputs(ModuleInstance module) {
        for (Map.Entry<String, ModuleConfig.Decl> e : module.config().variables().entrySet()) {
            ModuleConfig.Decl d = e.getValue();
            boolean sensitive = d.block().body().attribute("sensitive")
                    .map(a -> a.value() instanceof Expr.Literal l && Boolean.TRUE.equals(l.value())).orElse(false);
            Optional<HclAttribute> def = d.block().body().attribute("default");
            SourceLocation declAt = d.location("var." + e.getKey());
            SourceLocation defAt = def.map(a -> new SourceLocation(a.pos().fileOr(d.file()), a.pos().line(), a.pos().column(),
                    a.pos().line(), a.pos().column(), "var." + e.getKey() + ".default")).orElse(declAt);
            Value defaultValue = def.map(a -> evaluate(a.value(), new Env(module, d.file(), "var." + e.getKey())))
                    .orElse(null);
            model.addInput(new io.atolint.model.Input(e.getKey(), io.atolint.model.Input.TF_VARIABLE, sensitive,
                    defaultValue, declAt, defAt));
        }
    }

    /** {@code lifecycle { ignore_changes = ... }} as written: {@code all} or the attribute list. */
    private static Optional<String> ignoredChanges(ModuleConfig.Decl d) {
        for (HclBlock b : d.block().body().blocks("lifecycle")) {
            Optional<HclAttribute> a = b.body().attribute("ignore_changes");
            if (a.isPresent()) {
                return Optional.of(Evaluator.raw(a.get().value()));
            }
        }
        return Optional.empty();
    }

    /** The evaluated attributes of a resource instance; null while they are being evaluated (a cycle). */
    private Value.MapV attributesOf(String id) {
        Value.MapV m = attributes.get(id);
        if (m != null) {
            return m;
        }
        InstanceRecord r = instances.get(id);
        if (r == null || !evaluating.add(id)) {
            return null;
        }
        try {
            Env env = new Env(r.module(), r.decl().file(), r.instance().address()).with(r.instance().bindings());
            m = body(r.decl().block().body(), env, r.instance().address(), r.decl().location(r.instance().address()), true);
        } finally {
            evaluating.remove(id);
        }
        attributes.put(id, m);
        return m;
    }

    /** A block body as a map: attributes, and nested blocks as lists of maps ({@code dynamic} expanded). */
    Value.MapV body(HclBody body, Env env, String path, SourceLocation at, boolean resource) {
        Map<String, Value> m = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (HclAttribute a : body.attributes()) {
            if (resource && RESOURCE_META.contains(a.name())) {
                continue;
            }
            Env ae = env.atPath(path + "/" + a.name());
            Value v = evaluate(a.value(), ae);
            if (Values.isNull(v)) {
                continue; // an argument set to null is omitted (Terraform's rule)
            }
            m.put(a.name(), v);
            keys.put(a.name(), ae.location(a.pos()));
        }
        Map<String, List<Value>> blocks = new LinkedHashMap<>();
        for (HclBlock b : body.blocks()) {
            if (resource && RESOURCE_META.contains(b.type())) {
                continue;
            }
            if (b.type().equals("dynamic")) {
                dynamic(b, env, path, blocks, keys);
                continue;
            }
            Env be = env.atPath(path + "/" + b.type());
            blocks.computeIfAbsent(b.type(), k -> new ArrayList<>())
                    .add(body(b.body(), be, path + "/" + b.type(), be.location(b.pos()), false));
            keys.putIfAbsent(b.type(), be.location(b.pos()));
        }
        blocks.forEach((k, v) -> m.put(k, Values.list(v, keys.get(k))));
        return new Value.MapV(m, keys, at);
    }

    private void dynamic(HclBlock b, Env env, String path, Map<String, List<Value>> blocks,
                         Map<String, SourceLocation> keys) {
        String type = b.label(0);
        Env be = env.atPath(path + "/" + type);
        SourceLocation at = be.location(b.pos());
        keys.putIfAbsent(type, at);
        List<Value> out = blocks.computeIfAbsent(type, k -> new ArrayList<>());
        String iterator = b.body().attribute("iterator").map(a -> a.value() instanceof Expr.Variable v ? v.name()
                : HclPrinter.print(a.value())).orElse(type);
        Optional<HclAttribute> forEach = b.body().attribute("for_each");
        List<HclBlock> content = b.body().blocks("content");
        if (forEach.isEmpty() || content.isEmpty()) {
            return;
        }
        Value coll = evaluate(forEach.get().value(), be);
        List<Map.Entry<Value, Value>> items = new ArrayList<>();
        if (coll instanceof Value.ListV l) {
            for (int i = 0; i < l.items().size(); i++) {
                Value item = l.items().get(i);
                items.add(Map.entry(Values.asText(item) != null && !(item instanceof Value.MapV) ? item : Values.num(i, at), item));
            }
        } else if (coll instanceof Value.MapV mm) {
            Values.sorted(mm).forEach((k, v) -> items.add(Map.entry(Values.str(k, at), v)));
        } else if (!Values.isNull(coll)) {
            // the for_each as written stays readable: a tag key it names (kubernetes.io/cluster/...) is still seen
            out.add(new Value.Unknown("dynamic block " + type + ": for_each unknown: "
                    + Optional.ofNullable(Values.reasonOf(coll)).orElse("not a collection"),
                    Evaluator.raw(forEach.get().value()), Values.refs(coll), at));
            return;
        }
        for (Map.Entry<Value, Value> kv : items) {
            Env ie = be.with(iterator, Values.map(Map.of("key", kv.getKey(), "value", kv.getValue()), at));
            out.add(body(content.get(0).body(), ie, path + "/" + type, at, false));
        }
    }

    /** Marks a data source instance as being evaluated; false when it already is (it depends on itself). */
    boolean enterData(String address) {
        return dataEvaluating.add(address);
    }

    void exitData(String address) {
        dataEvaluating.remove(address);
    }

    // ---------------------------------------------------------------- references to resources

    /** Identity attributes are references; others are the configured value when there is one. */
    Value resourceAttribute(Value.Ref r, String name, SourceLocation at) {
        if (r.attribute() != null && !r.attribute().isEmpty()) {
            return new Value.Ref(r.targetId(), r.attribute() + "." + name, at);
        }
        if (isIdentity(name)) {
            return new Value.Ref(r.targetId(), name, at);
        }
        Value.MapV m = attributesOf(r.targetId());
        if (m != null) {
            Value v = m.entries().get(name);
            if (v != null) {
                return v;
            }
        }
        return new Value.Ref(r.targetId(), name, at);
    }

    /** Attributes that identify a resource and are how other resources point at it. */
    static boolean isIdentity(String name) {
        return name.equals("id") || name.equals("arn") || name.equals("name") || name.endsWith("_id")
                || name.endsWith("_arn") || name.endsWith("identifier") || name.equals("arn_suffix");
    }

    // ---------------------------------------------------------------- module calls

    /**
     * The child instances of a module block, keyed by instance; or UNKNOWN when the module is not
     * on disk (then an opaque node with its inputs stands for it), calls itself, or nests too deep.
     */
    Object instantiate(ModuleInstance parent, String name, ModuleConfig.Decl d) {
        String childBase = parent.prefix() + "module." + name;
        SourceLocation at = d.location(childBase);
        String source = d.block().body().attribute("source")
                .map(a -> a.value() instanceof Expr.Literal l && l.value() instanceof String s ? s : null).orElse(null);
        String key = parent.modulesKey().isEmpty() ? name : parent.modulesKey() + "." + name;
        if (source == null) {
            invalid(at, "invalid Terraform: module " + name + " needs a literal source");
            return new Value.Unknown("module " + name + " has no literal source", null, List.of(), at);
        }
        Optional<ModuleConfig> child = loader.find(parent.config().dir(), source, rootDir, key);
        if (child.isEmpty()) {
            if (!modelling.add(childBase)) {
                // module "sg" { ingress_with_source_security_group_id = [{ source_security_group_id = module.sg.security_group_id }] }
                return new Value.Unknown("an output of module " + name + ", read by its own inputs", null,
                        List.of(), at);
            }
            Object modelled;
            try {
                modelled = RegistryModules.model(this, parent, name, d, source, at);
            } finally {
                modelling.remove(childBase);
            }
            if (modelled != null) {
                return modelled;
            }
            boolean local = loader.localDir(parent.config().dir(), source) != null || source.startsWith("/");
            String why = local ? loader.whyNotFound(parent.config().dir(), source)
                    : "run terraform init to download it";
            opaque(parent, name, d, source, why, at);
            return new Value.Unknown("module " + name + " (source " + source + ") is not in the scanned files",
                    null, List.of(new Value.Ref(idOf(childBase), null, at)), at);
        }
        for (ModuleInstance p = parent; p != null; p = p.parent()) {
            if (p.config().dir().equals(child.get().dir())) {
                invalid(at, "invalid Terraform: module " + name + " calls " + (child.get().dir().isEmpty() ? "." : child.get().dir())
                        + ", which is already being evaluated: a module cannot call itself");
                return new Value.Unknown("module " + name + " calls itself", null, List.of(), at);
            }
        }
        if (parent.depth() + 1 > options.limits().maxModuleDepth()) {
            report(ParseFindings.limit(at, "modules nested more than " + options.limits().maxModuleDepth()
                    + " deep; module " + name + " is not read"));
            return new Value.Unknown("module nesting limit", null, List.of(), at);
        }
        ModuleInstance.Expansion x = parent.expansion("module", name, d);
        // by address: a later lookup expands the call again, and hashing its instances' bindings would walk values
        Map<String, ModuleInstance> out = new LinkedHashMap<>();
        for (ModuleInstance.Instance i : x.instances()) {
            String prefix = i.address() + ".";
            Map<String, Supplier<Value>> inputs = parent.callInputs(d, i, prefix);
            out.put(i.address(), new ModuleInstance(this, child.get(), prefix, key, parent.depth() + 1, parent, inputs));
        }
        if (!x.isKnown()) {
            note(at, childBase + ": " + x.unknownReason() + "; read as one instance");
        }
        return out;
    }

    /** A module whose source is not on disk: one node with its inputs, so that references still relate. */
    void opaque(ModuleInstance parent, String name, ModuleConfig.Decl d, String source, String why, SourceLocation at) {
        String address = parent.prefix() + "module." + name;
        String id = idOf(address);
        if (model.contains(id) || !opaqueInProgress.add(id)) {
            // in progress: an input (a policy document naming the module's outputs) reads the module again,
            // whose outputs are UNKNOWN whichever call answers
            return;
        }
        try {
            addOpaque(parent, name, d, source, why, at, address, id);
        } finally {
            opaqueInProgress.remove(id);
        }
    }

    private void addOpaque(ModuleInstance parent, String name, ModuleConfig.Decl d, String source, String why,
                           SourceLocation at, String address, String id) {
        Env env = new Env(parent, d.file(), address);
        Map<String, Value> inputs = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (HclAttribute a : d.block().body().attributes()) {
            if (!MODULE_META.contains(a.name())) {
                Env ae = env.atPath(address + "/" + a.name());
                inputs.put(a.name(), evaluate(a.value(), ae));
                keys.put(a.name(), ae.location(a.pos()));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", source);
        meta.putAll(rootMeta(parent));
        if (model.contains(id)) {
            return;
        }
        model.add(new Resource(id, address, "module", Kind.MODULE, new Value.MapV(inputs, keys, at), at,
                Format.TERRAFORM, meta));
        note(at, "module " + name + " (source " + source + ") is not in the scanned files: read as one opaque node"
                + " with its inputs (" + why + ")");
    }

    ModuleLoader loader() {
        return loader;
    }

    ParseOptions options() {
        return options;
    }

    /** Registers a synthesized resource (registry modules modelled from their inputs). */
    void addSynthesized(Resource r, ModuleInstance module, ModuleConfig.Decl decl) {
        if (!model.contains(r.id()) && model.resourceCount() < options.limits().maxResources()) {
            model.add(r);
            attributes.put(r.id(), r.attributes());
        }
    }
}
