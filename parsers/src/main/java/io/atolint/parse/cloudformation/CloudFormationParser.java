package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.KindTable;
import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.LogicalPath;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceFile;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CloudFormation template (already a {@link Node} tree) into a {@link Model}: every resource
 * with its kind, resolved properties and position, {@code REFERENCES} relations for {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub} and {@code DependsOn}, and nested stacks whose template is
 * available locally (a CDK asset, a relative {@code TemplateURL}) read into the same model.
 */
public final class CloudFormationParser {
    // the parts after the first possessively: a greedy group recursed once per "::" part (a Type of 50,000 parts
    // overflowed the stack into a false PARSE001); only the whole match is used, and no part can give any back
    private static final Pattern RESOURCE_TYPE = Pattern.compile("(AWS|Custom|Alexa)::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)*+|Custom::.+");

    /** Finds the template of a nested stack resource, if it is available. */
    public interface NestedTemplates {
        Optional<SourceFile> find(SourceFile parent, String logicalId, Node.MapNode resource);
    }

    private final ParseOptions options;
    private final Format format;
    private final NestedTemplates nested;
    private java.util.function.Function<SourceFile, StackInfo> stacks = f -> StackInfo.of(f.path());
    /** Templates the scan reads as more than one nested stack: their resources are named with the stack. */
    private Set<String> sharedNested = Set.of();
    /** The templates being read, outermost first: a nested stack that uses one of them is a cycle. */
    private final Deque<String> chain = new ArrayDeque<>();
    /** The outputs of each nested stack read, by the stack resource's id: {@code !GetAtt Network.Outputs.Subnets}. */
    private final Map<String, java.util.function.Function<String, Optional<Value>>> stackOutputs = new HashMap<>();

    public CloudFormationParser(ParseOptions options, Format format, NestedTemplates nested) {
        this.options = options;
        this.format = format;
        this.nested = nested;
    }

    /**
     * Who each top-level template is among the stacks of the scan (its keys for qualified parameters,
     * its stack name, the exports it may import); nested stacks keep the default identity.
     */
    public CloudFormationParser withStacks(java.util.function.Function<SourceFile, StackInfo> s) {
        this.stacks = s;
        return this;
    }

    /**
     * Templates that several nested stacks of the scan use (several parents, or one parent twice): what
     * is found in them is said once per stack, named with the top template and the stack path
     * ({@code main.yaml/Network: PublicSubnet1}), not the same words once per parent.
     */
    public CloudFormationParser withSharedNested(Set<String> paths) {
        this.sharedNested = paths;
        return this;
    }

    /** Null when the tree is a CloudFormation template, else why it is not one. */
    public static String whyNotATemplate(Node root) {
        if (!(root instanceof Node.MapNode m)) {
            return "not a mapping at the top level";
        }
        if (m.get("AWSTemplateFormatVersion").isPresent()) {
            return null;
        }
        Optional<Node> res = m.get("Resources");
        if (res.isEmpty()) {
            return "no Resources section";
        }
        if (!(res.get() instanceof Node.MapNode r)) {
            return "Resources is not a mapping";
        }
        for (Node.Entry e : r.entries()) {
            if (e.key().text().startsWith("Fn::ForEach::")) {
                return null;
            }
            if (e.value() instanceof Node.MapNode rm && rm.get("Type").orElse(null) instanceof Node.ScalarNode t
                    && t.value() instanceof String type && RESOURCE_TYPE.matcher(type).matches()) {
                return null;
            }
        }
        return "Resources has no entry with an AWS:: Type";
    }

    /** Reads a top-level template into a new model. */
    public Model parse(SourceFile file, TreeDocument doc, String unit) {
        Model model = new Model(unit, format, List.of(file.path()));
        parseInto(model, file, doc, Map.of(), file.path() + "#", "", 0);
        return model;
    }

    /**
     * Reads a template into {@code model}. Resource ids are {@code idPrefix + logicalId}; a nested
     * stack's parameters arrive as {@code external} values resolved in its parent.
     */
    public void parseInto(Model model, SourceFile file, TreeDocument doc, Map<String, Value> external,
                          String idPrefix, String stackPath, int depth) {
        chain.addLast(file.path());
        try {
            read(model, file, doc, external, idPrefix, stackPath, depth);
        } finally {
            chain.removeLast();
        }
    }

    private void read(Model model, SourceFile file, TreeDocument doc, Map<String, Value> external,
                      String idPrefix, String stackPath, int depth) {
        Node.MapNode root = (Node.MapNode) doc.root();
        String f = file.path();
        if (doc.tagged()) {
            checkTags(root, f, model);
        }
        // kept as data for what reads it (suppressions that cover the whole template)
        root.get("Metadata").map(md -> Trees.plain(md, f, "Metadata")).filter(Value.MapV.class::isInstance)
                .ifPresent(md -> model.putFileMetadata(f, (Value.MapV) md));
        if (depth == 0) {
            root.get("Description").filter(Node.ScalarNode.class::isInstance)
                    .ifPresent(d -> model.meta().put("description", ((Node.ScalarNode) d).text()));
            root.get("Transform").ifPresent(t -> model.meta().put("transform", transformText(t)));
        }
        Node resourcesNode = root.get("Resources").orElse(null);
        if (!(resourcesNode instanceof Node.MapNode declared)) {
            model.report(ParseFindings.invalid(resourcesNode == null ? SourceLocation.at(f, 1, 1)
                    : resourcesNode.location(f, "Resources"), "Resources must be a mapping of logical ids to resources"));
            return;
        }
        StackInfo stack = depth == 0 ? stacks.apply(file) : StackInfo.of(f);
        if (depth > 0 && chain.stream().skip(1).anyMatch(sharedNested::contains)) {
            String top = chain.peekFirst();
            stack = stack.withLabel(top.substring(top.lastIndexOf('/') + 1) + "/" + stackPath);
        }
        Node.MapNode resources = expandLoops(root, declared, f, external, idPrefix, stack, model);
        if (SamTransform.applies(root)) {
            resources = SamTransform.expand(root, resources);
        }
        root = root.with("Resources", resources, resources);
        TemplateContext ctx = TemplateContext.of(f, root, options, external, idPrefix, stack);
        IntrinsicResolver resolver = new IntrinsicResolver(ctx, model::report);
        resolver.nestedOutputs((id, output) -> {
            java.util.function.Function<String, Optional<Value>> outputs = stackOutputs.get(id);
            return outputs == null ? Optional.empty() : outputs.apply(output);
        });
        if (depth > 0) {
            stackOutputs.put(idPrefix.substring(0, idPrefix.length() - 1), outputsOf(root, resolver));
        }
        readInputs(model, ctx, f);
        List<Pending> dependsOn = new ArrayList<>();
        // Nested stacks are read first, each after the stacks it takes outputs from, so that
        // !GetAtt Network.Outputs.PrivateSubnets, in a sibling's parameters or in a resource, has the child's value.
        for (String key : NestedStackOrder.of(resources)) {
            Node.Entry e = resources.entry(key).orElseThrow(); // the last of duplicates, as the reader reported
            String logical = e.key().text();
            String path = "Resources/" + logical;
            SourceLocation at = e.key().location(f, path);
            if (!(e.value() instanceof Node.MapNode rn)) {
                model.report(ParseFindings.invalid(at, "resource " + logical + " must be a mapping"));
                continue;
            }
            Node typeNode = rn.get("Type").orElse(null);
            if (typeNode instanceof Node.MapNode tm && tm.get("Rain::Module").isPresent()) {
                model.report(ParseFindings.unsupported(at, "resource " + logical
                        + " is a Rain module; scan the packaged template for its resources"));
                continue;
            }
            if (!(typeNode instanceof Node.ScalarNode tn) || !(tn.value() instanceof String type) || type.isBlank()) {
                model.report(ParseFindings.invalid(at, "resource " + logical + " has no Type"));
                continue;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            Optional<Node> cond = rn.get("Condition");
            if (cond.isPresent() && cond.get() instanceof Node.ScalarNode cn) {
                Tri t = resolver.namedCondition(cn.text(), cn.location(f, path + "/Condition"));
                if (t.isFalse()) {
                    continue; // not deployed with these parameter values
                }
                if (!t.isKnown()) {
                    meta.put("condition", cn.text() + " (undecidable)");
                }
            }
            if (model.resourceCount() >= options.limits().maxResources()) {
                model.report(ParseFindings.limit(at, "more than " + options.limits().maxResources()
                        + " resources; the rest of the template is not read"));
                break;
            }
            LogicalPath resourcePath = LogicalPath.of(path);
            Value props = rn.get("Properties").map(p -> resolver.eval(p, resourcePath.child("Properties")))
                    .orElse(Value.MapV.empty(at));
            Value.MapV pm;
            if (props instanceof Value.MapV m) {
                pm = m;
            } else if (props instanceof Value.Unknown u) {
                pm = Value.MapV.unknown("Properties are " + u.reason(), props.location());
            } else {
                model.report(ParseFindings.invalid(rn.get("Properties").get().location(f, path + "/Properties"),
                        "Properties of " + logical + " must be a mapping"));
                pm = Value.MapV.unknown("Properties are not a mapping", props.location());
            }
            Value metadata = rn.get("Metadata").map(m -> resolver.eval(m, resourcePath.child("Metadata"))).orElse(null);
            Value.MapV md = metadata instanceof Value.MapV mm ? mm : Value.MapV.empty(at);
            md.get("aws:cdk:path").flatMap(Value::asString).ifPresent(p -> meta.put("cdkPath", p));
            if (!stackPath.isEmpty()) {
                meta.put("stack", stackPath);
            }
            if (stack.label() != null) {
                meta.put("template", stack.label());
            }
            Kind kind = KindTable.kindOf(type);
            Resource r = new Resource(ctx.idOf(logical), logical, type, kind, pm, at, format, meta, md);
            model.add(r);
            rn.get("DependsOn").ifPresent(d -> dependsOn.add(new Pending(r, d, path + "/DependsOn")));
            if (kind == Kind.NESTED_STACK) {
                readNested(model, file, r, rn, idPrefix, stackPath, depth);
            }
        }
        for (Pending p : dependsOn) {
            List<Node> names = p.node instanceof Node.SeqNode q ? q.items() : List.of(p.node);
            int i = 0;
            for (Node n : names) {
                SourceLocation at = n.location(f, p.path + (names.size() > 1 ? "/" + i : ""));
                i++;
                String target = n instanceof Node.ScalarNode s ? s.text() : null;
                Optional<Resource> t = target == null ? Optional.empty() : model.resource(ctx.idOf(target));
                if (t.isPresent()) {
                    model.relate(new Relation(RelationType.REFERENCES, p.resource, t.get(), "DependsOn", at));
                } else if (target != null && !ctx.resources().contains(target)) {
                    model.report(ParseFindings.invalid(at, "DependsOn names '" + target + "', which is not a resource of this template"));
                }
            }
        }
        reportDependsOnCycles(model, dependsOn, ctx);
    }

    /** A template's outputs, each evaluated once when first asked for (in its own context: its parameters, its ids). */
    private static java.util.function.Function<String, Optional<Value>> outputsOf(Node.MapNode root, IntrinsicResolver resolver) {
        Map<String, Optional<Value>> memo = new HashMap<>();
        return name -> memo.computeIfAbsent(name, n -> root.get("Outputs").filter(Node.MapNode.class::isInstance)
                .flatMap(o -> ((Node.MapNode) o).get(n)).filter(Node.MapNode.class::isInstance)
                .flatMap(o -> ((Node.MapNode) o).get("Value"))
                .map(v -> resolver.eval(v, LogicalPath.of("Outputs/" + n + "/Value"))));
    }

    private void readNested(Model model, SourceFile parent, Resource stack, Node.MapNode node, String idPrefix,
                            String stackPath, int depth) {
        if (nested == null) {
            return;
        }
        Optional<SourceFile> child = nested.find(parent, stack.name(), node);
        if (child.isEmpty()) {
            model.report(ParseFindings.unsupported(stack.location(), "nested stack " + stack.name()
                    + ": its template is not available locally; its resources are not analysed"));
            return;
        }
        if (chain.contains(child.get().path())) {
            model.report(ParseFindings.invalid(stack.location(), "nested stack " + stack.name() + " uses the template "
                    + child.get().path() + ", which is already being read (" + String.join(" -> ", chain) + "): a cycle"));
            return;
        }
        if (depth + 1 > options.limits().maxModuleDepth()) {
            model.report(ParseFindings.limit(stack.location(), "nested stacks deeper than "
                    + options.limits().maxModuleDepth() + " levels"));
            return;
        }
        List<Finding> problems = new ArrayList<>();
        TreeDocument doc = io.atolint.parse.tree.Trees.read(child.get(), options.limits(), problems);
        problems.forEach(model::report);
        if (doc == null) {
            return;
        }
        String why = doc.root() == null ? "empty" : whyNotATemplate(doc.root());
        if (why != null) {
            model.report(ParseFindings.invalid(SourceLocation.at(child.get().path(), 1, 1),
                    "template of nested stack " + stack.name() + " is not a CloudFormation template: " + why));
            return;
        }
        Map<String, Value> params = new LinkedHashMap<>();
        stack.attr("Parameters").flatMap(Value::asMap).ifPresent(m -> params.putAll(m.entries()));
        String childPath = stackPath.isEmpty() ? stack.name() : stackPath + "/" + stack.name();
        parseInto(model, child.get(), doc, params, idPrefix + stack.name() + "/", childPath, depth + 1);
        for (Resource r : model.resources()) {
            if (r.id().startsWith(idPrefix + stack.name() + "/") && r.id().indexOf('/', (idPrefix + stack.name() + "/").length()) < 0) {
                model.relate(new Relation(RelationType.CONTAINS, stack, r, "nested stack", null));
            }
        }
    }

    /** Parameters as declared: rules judge a secret parameter's default, which resolution hides. */
    private static void readInputs(Model model, TemplateContext ctx, String f) {
        for (Map.Entry<String, Node.MapNode> e : ctx.parameters().entrySet()) {
            String path = "Parameters/" + e.getKey();
            Node.MapNode decl = e.getValue();
            boolean noEcho = decl.get("NoEcho").filter(Node.ScalarNode.class::isInstance)
                    .map(n -> ((Node.ScalarNode) n).text().trim().equalsIgnoreCase("true")).orElse(false);
            Node def = decl.get("Default").orElse(null);
            Value defaultValue = null;
            SourceLocation defaultAt = decl.location(f, path);
            if (def instanceof Node.ScalarNode s) {
                defaultAt = s.location(f, path + "/Default");
                defaultValue = new Value.Scalar(s.text(), "literal", defaultAt);
            } else if (def != null) {
                defaultAt = def.location(f, path + "/Default");
                defaultValue = new Value.Unknown("non-scalar default", defaultAt);
            }
            model.addInput(new io.atolint.model.Input(e.getKey(), io.atolint.model.Input.CFN_PARAMETER, noEcho,
                    defaultValue, decl.location(f, path), defaultAt));
        }
    }

    private record Pending(Resource resource, Node node, String path) {
    }

    /** CloudFormation refuses a template whose DependsOn edges form a cycle; so do we, once per cycle. */
    private static void reportDependsOnCycles(Model model, List<Pending> dependsOn, TemplateContext ctx) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        Map<String, Pending> site = new LinkedHashMap<>();
        for (Pending p : dependsOn) {
            List<Node> names = p.node instanceof Node.SeqNode q ? q.items() : List.of(p.node);
            for (Node n : names) {
                if (n instanceof Node.ScalarNode s) {
                    edges.computeIfAbsent(p.resource.name(), k -> new ArrayList<>()).add(s.text());
                    site.put(p.resource.name(), p);
                }
            }
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String start : edges.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            // iterative depth-first search; a grey node met again closes a cycle
            Map<String, Integer> state = new LinkedHashMap<>();
            Deque<String> path = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> its = new ArrayDeque<>();
            path.push(start);
            its.push(edges.getOrDefault(start, List.of()).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                java.util.Iterator<String> it = its.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    its.pop();
                    continue;
                }
                String next = it.next();
                Integer st = state.get(next);
                if (st == null && !done.contains(next)) {
                    state.put(next, 1);
                    path.push(next);
                    its.push(edges.getOrDefault(next, List.of()).iterator());
                } else if (st != null && st == 1) {
                    List<String> cycle = new ArrayList<>();
                    for (java.util.Iterator<String> d = path.descendingIterator(); d.hasNext(); ) {
                        cycle.add(d.next());
                    }
                    cycle = cycle.subList(cycle.indexOf(next), cycle.size());
                    Pending p = site.get(path.peek());
                    model.report(ParseFindings.invalid(p.node.location(ctx.file(), p.path),
                            "circular DependsOn: " + String.join(" -> ", cycle) + " -> " + next));
                    done.addAll(cycle);
                    path.clear();
                    its.clear();
                }
            }
            done.addAll(state.keySet());
        }
    }

    /** Resources with their Fn::ForEach loops expanded where the collection resolves. */
    private Node.MapNode expandLoops(Node.MapNode root, Node.MapNode resources, String file, Map<String, Value> external,
                                     String idPrefix, StackInfo stack, Model model) {
        if (resources.entries().stream().noneMatch(e -> e.key().text().startsWith("Fn::ForEach::"))) {
            return resources;
        }
        // Collections are parameters or literal lists; resolve them with a context that knows no loop output.
        IntrinsicResolver pre = new IntrinsicResolver(TemplateContext.of(file, root, options, external, idPrefix, stack), x -> { });
        ForEachExpander expander = new ForEachExpander(file, n -> pre.eval(n, "Resources"), model::report,
                options.limits().maxResources());
        return new Node.MapNode(expander.expand(resources.entries(), 0), resources.tag(), resources);
    }

    private static String transformText(Node t) {
        if (t instanceof Node.ScalarNode s) {
            return s.text();
        }
        if (t instanceof Node.SeqNode q) {
            List<String> out = new ArrayList<>();
            for (Node n : q.items()) {
                out.add(n instanceof Node.ScalarNode s ? s.text() : "(macro)");
            }
            return String.join(",", out);
        }
        return "(macro)";
    }

    /** Unknown short-form tags and tags on the wrong node type are template errors. */
    private static void checkTags(Node root, String file, Model model) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 2_000_000) {
            Node n = todo.pop();
            if (n.tag() != null) {
                SourceLocation at = n.location(file, "");
                if (n.tag().startsWith("!Rain::")) {
                    model.report(ParseFindings.unsupported(at, "Rain directive " + n.tag()
                            + " is not expanded; scan the packaged template for its resources"));
                } else if (!ShortForms.isKnown(n.tag())) {
                    model.report(ParseFindings.invalid(at, "unknown tag " + n.tag()));
                } else {
                    String misuse = ShortForms.misuse(n);
                    if (misuse != null) {
                        model.report(ParseFindings.invalid(at, misuse));
                    }
                }
            }
            if (n instanceof Node.MapNode m) {
                for (int i = m.entries().size() - 1; i >= 0; i--) {
                    todo.push(m.entries().get(i).value());
                }
            } else if (n instanceof Node.SeqNode q) {
                for (int i = q.items().size() - 1; i >= 0; i--) {
                    todo.push(q.items().get(i));
                }
            }
        }
    }
}
