package io.atolint.parse.cloudformation;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.tree.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one template offers and asks of the other templates of a scan, with its names evaluated: its
 * exports, the names it imports (where first), its uses of {@code Fn::GetStackOutput}, and the URLs of
 * its nested stacks. It depends on the template alone, so it is read where the template is, on every
 * core and while its tree is fresh; {@link StackLinks} then only matches.
 */
public record TemplateSites(StackLinks.Template template, List<StackLinks.Export> exports,
                            Map<String, SourceLocation> imports, List<StackOutputUse> stackOutputs,
                            List<NestedUrl> nestedUrls) {

    /** {@code AWS::StackName} while names are read: a stand-in the deployment replaces. */
    static final String STACK_NAME = "\u0001stack-name\u0001";

    /** Nodes one walk of a template looks at, at most, for each intrinsic it looks for. */
    private static final int MAX_VISITED = 2_000_000;

    /** A use of {@code Fn::GetStackOutput} whose stack and output names are known. */
    record StackOutputUse(Node site, String stack, String output) {
    }

    /** A nested stack whose TemplateURL is a URL: its text (shown) and its path (matched). */
    record NestedUrl(String logicalId, String text, StackLinks.UrlPath path, SourceLocation at) {
    }

    /** The sites of a template. */
    public static TemplateSites of(StackLinks.Template t, ParseOptions options) {
        Node.MapNode root = t.root();
        Node resources = root.get("Resources").orElse(null);
        Node outputs = root.get("Outputs").orElse(null);
        Walk walk = new Walk(resources, outputs);
        List<NestedStack> nested = nestedStacks(resources);
        boolean hasExports = outputs instanceof Node.MapNode;
        if (!hasExports && walk.imports.isEmpty() && walk.stackOutputs.isEmpty() && nested.isEmpty()) {
            return new TemplateSites(t, List.of(), Map.of(), List.of(), List.of()); // nothing to evaluate
        }
        // Names are evaluated as separate readers did them (each with its own budget and memos), from one context.
        TemplateContext ctx = context(t, options);
        IntrinsicResolver names = new IntrinsicResolver(ctx, x -> { });
        List<StackLinks.Export> exports = hasExports ? exportsOf(t, (Node.MapNode) outputs, names) : List.of();
        Map<String, SourceLocation> imports = new LinkedHashMap<>();
        for (Node site : walk.imports) {
            Optional<String> n = names.eval(site, "Fn::ImportValue").asString();
            if (n.isPresent() && !n.get().contains(STACK_NAME)) {
                imports.putIfAbsent(n.get(), site.location(t.path(), "Fn::ImportValue"));
            }
        }
        return new TemplateSites(t, exports, imports, stackOutputsOf(walk.stackOutputs, ctx),
                nestedUrlsOf(t, nested, ctx));
    }

    /** A resolver's context for reading names: AWS::StackName stands in for what the deployment decides. */
    static TemplateContext context(StackLinks.Template t, ParseOptions options) {
        StackInfo s = t.stack().name() == null ? t.stack().withName(STACK_NAME, "AWS::StackName") : t.stack();
        return TemplateContext.of(t.path(), t.root(), options, Map.of(), t.path() + "#", s);
    }

    private static List<StackLinks.Export> exportsOf(StackLinks.Template t, Node.MapNode outputs, IntrinsicResolver r) {
        List<StackLinks.Export> out = new ArrayList<>();
        for (Node.Entry e : outputs.entries()) {
            if (!(e.value() instanceof Node.MapNode o) || !(o.get("Export").orElse(null) instanceof Node.MapNode ex)
                    || ex.get("Name").isEmpty() || o.get("Value").isEmpty()) {
                continue;
            }
            String path = "Outputs/" + e.key().text() + "/Export/Name";
            Optional<String> name = r.eval(ex.get("Name").get(), path).asString();
            if (name.isEmpty()) {
                continue;
            }
            String n = name.get();
            if (!n.contains(STACK_NAME)) {
                out.add(new StackLinks.Export(t, e.key().text(), o.get("Value").get(), n, null));
            } else {
                String[] parts = n.split(Pattern.quote(STACK_NAME), -1);
                StringBuilder re = new StringBuilder(Pattern.quote(parts[0]));
                for (int i = 1; i < parts.length; i++) {
                    re.append(i == 1 ? "(.+?)" : "\\1").append(Pattern.quote(parts[i]));
                }
                out.add(new StackLinks.Export(t, e.key().text(), o.get("Value").get(), null, Pattern.compile(re.toString()),
                        parts[0], parts[parts.length - 1]));
            }
        }
        return out;
    }

    private static List<StackOutputUse> stackOutputsOf(List<Node> sites, TemplateContext ctx) {
        if (sites.isEmpty()) {
            return List.of();
        }
        IntrinsicResolver r = new IntrinsicResolver(ctx, x -> { });
        List<StackOutputUse> out = new ArrayList<>();
        for (Node site : sites) {
            if (!(site instanceof Node.MapNode m) || m.get("StackName").isEmpty() || m.get("OutputName").isEmpty()) {
                continue;
            }
            Optional<String> stack = r.eval(m.get("StackName").get(), "Fn::GetStackOutput").asString();
            Optional<String> output = r.eval(m.get("OutputName").get(), "Fn::GetStackOutput").asString();
            if (stack.isPresent() && output.isPresent() && !stack.get().contains(STACK_NAME)) {
                out.add(new StackOutputUse(site, stack.get(), output.get()));
            }
        }
        return out;
    }

    private record NestedStack(String logicalId, Node url) {
    }

    /** The resources of type {@code AWS::CloudFormation::Stack} that have a TemplateURL. */
    private static List<NestedStack> nestedStacks(Node resources) {
        if (!(resources instanceof Node.MapNode m)) {
            return List.of();
        }
        List<NestedStack> out = new ArrayList<>();
        for (Node.Entry e : m.entries()) {
            if (e.value() instanceof Node.MapNode rn && rn.get("Type").orElse(null) instanceof Node.ScalarNode type
                    && "AWS::CloudFormation::Stack".equals(type.value())
                    && rn.get("Properties").orElse(null) instanceof Node.MapNode props
                    && props.get("TemplateURL").isPresent()) {
                out.add(new NestedStack(e.key().text(), props.get("TemplateURL").get()));
            }
        }
        return out;
    }

    private static List<NestedUrl> nestedUrlsOf(StackLinks.Template t, List<NestedStack> nested, TemplateContext ctx) {
        if (nested.isEmpty()) {
            return List.of();
        }
        IntrinsicResolver r = new IntrinsicResolver(ctx, x -> { });
        List<NestedUrl> out = new ArrayList<>();
        for (NestedStack n : nested) {
            String path = "Resources/" + n.logicalId() + "/Properties/TemplateURL";
            Value url = r.eval(n.url(), path);
            String text = url.asString().orElse(url instanceof Value.Unknown u ? u.raw() : null);
            if (text == null || !text.contains("://")) {
                continue; // relative paths are the handler's; an unreadable URL names nothing
            }
            StackLinks.UrlPath p = StackLinks.UrlPath.of(text.replace(STACK_NAME, "${AWS::StackName}"));
            if (p != null) {
                out.add(new NestedUrl(n.logicalId(), text, p, n.url().location(t.path(), path)));
            }
        }
        return out;
    }

    /**
     * One walk of the resources and outputs for the argument nodes of {@code Fn::ImportValue} and of
     * {@code Fn::GetStackOutput} (long or short form), in the order of a walk for each alone: a site's
     * arguments are not searched for more sites of the same function, and each function's search
     * stops after {@link #MAX_VISITED} nodes.
     */
    private static final class Walk {
        final List<Node> imports = new ArrayList<>();
        final List<Node> stackOutputs = new ArrayList<>();

        /** A node to look at, and whether it is inside a site of each function. */
        private record Step(Node node, boolean inImport, boolean inStackOutput) {
        }

        Walk(Node resources, Node outputs) {
            ArrayDeque<Step> todo = new ArrayDeque<>();
            if (resources != null) {
                todo.push(new Step(resources, false, false));
            }
            if (outputs != null) {
                todo.push(new Step(outputs, false, false));
            }
            int importVisits = 0;
            int outputVisits = 0;
            while (!todo.isEmpty()) {
                Step s = todo.pop();
                boolean inImport = s.inImport() || importVisits >= MAX_VISITED;
                boolean inOutput = s.inStackOutput() || outputVisits >= MAX_VISITED;
                if (inImport && inOutput) {
                    continue;
                }
                Node n = s.node();
                if (!inImport) {
                    importVisits++;
                    if ("!ImportValue".equals(n.tag())) {
                        imports.add(ShortForms.untagged(n));
                        inImport = true;
                    } else if (isCall(n, "Fn::ImportValue")) {
                        imports.add(((Node.MapNode) n).entries().get(0).value());
                        inImport = true;
                    }
                }
                if (!inOutput) {
                    outputVisits++;
                    if (isCall(n, "Fn::GetStackOutput")) {
                        stackOutputs.add(((Node.MapNode) n).entries().get(0).value());
                        inOutput = true;
                    }
                }
                if (inImport && inOutput) {
                    continue;
                }
                if (n instanceof Node.MapNode m) {
                    for (Node.Entry e : m.entries()) {
                        todo.push(new Step(e.value(), inImport, inOutput));
                    }
                } else if (n instanceof Node.SeqNode q) {
                    for (Node item : q.items()) {
                        todo.push(new Step(item, inImport, inOutput));
                    }
                }
            }
        }

        private static boolean isCall(Node n, String fn) {
            return n instanceof Node.MapNode m && m.entries().size() == 1 && m.entries().get(0).key().text().equals(fn);
        }
    }
}
