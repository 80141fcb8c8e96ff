package io.atolint.parse.terraformplan;

import io.atolint.model.Format;
import io.atolint.model.KindTable;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.Limits;
import io.atolint.parse.tree.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the output of {@code terraform show -json PLANFILE} into a model. {@code planned_values} give
 * each resource instance with its address (module path included) and its resolved values; what
 * {@code resource_changes} marks {@code after_unknown} is UNKNOWN ("known after apply"). The
 * {@code configuration} section says which resources each attribute's expression refers to: an
 * unknown attribute keeps those as references, and a list of N unknown elements built from exactly N
 * referenced instances (a splat such as {@code aws_subnet.public[*].id}) becomes N references, in
 * order. Known ids and ARNs of other planned resources become references too. Resources are
 * located at their object in the plan file, with the address as logical path (the plan has no
 * {@code .tf} positions).
 */
final class PlanReader {
    private static final String AFTER_APPLY = "known after apply";

    /** A planned resource instance before conversion. */
    private record Planned(String address, String modulePath, String base, String type, Node.MapNode node) {
    }

    private final String file;
    private final Limits limits;
    private final Map<String, Node> afterUnknown = new HashMap<>();
    private final Map<String, Node.MapNode> configModules = new HashMap<>();
    private final Map<String, List<Planned>> byBase = new LinkedHashMap<>();
    private final Map<String, String> idToResource = new HashMap<>();

    PlanReader(String file, Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    Model read(Node.MapNode root) {
        Model model = new Model(file, Format.TERRAFORM_PLAN, List.of(file));
        get(root, "terraform_version").ifPresent(v -> model.meta().put("terraformVersion", text(v)));
        for (Node change : items(get(root, "resource_changes"))) {
            if (change instanceof Node.MapNode c) {
                get(get(c, "change"), "after_unknown")
                        .ifPresent(u -> afterUnknown.put(get(c, "address").map(PlanReader::text).orElse(""), u));
            }
        }
        // Every section is checked for its shape: a wrong one ("configuration": [], "values": null) is a
        // positioned finding and is read as absent, never a cast that loses the whole plan.
        shaped(model, root, "configuration", "an object");
        get(root, "configuration").flatMap(c -> shaped(model, c, "root_module", "an object"));
        get(get(root, "configuration"), "root_module").filter(Node.MapNode.class::isInstance)
                .ifPresent(m -> indexConfig("", (Node.MapNode) m));
        List<Planned> planned = new ArrayList<>();
        shaped(model, root, "planned_values", "an object");
        get(root, "planned_values").flatMap(pv -> shaped(model, pv, "root_module", "an object"));
        get(get(root, "planned_values"), "root_module").filter(Node.MapNode.class::isInstance)
                .ifPresent(m -> collect(model, (Node.MapNode) m, planned, 0));
        if (!root.keys().contains("planned_values")) {
            model.report(ParseFindings.invalid(SourceLocation.at(file, 1, 1), "Terraform plan JSON without planned_values"));
        }
        for (Planned p : planned) {
            byBase.computeIfAbsent(p.modulePath() + p.base(), k -> new ArrayList<>()).add(p);
            Optional<Node> values = get(p.node(), "values");
            for (String key : List.of("id", "arn")) {
                get(values, key).map(PlanReader::text)
                        .filter(s -> s.length() > 4).ifPresent(s -> idToResource.putIfAbsent(s, idOf(p.address())));
            }
        }
        for (Planned p : planned) {
            if (model.resourceCount() >= limits.maxResources()) {
                model.report(ParseFindings.limit(location(p.node(), p.address()), "more than "
                        + limits.maxResources() + " resources; the rest of the plan is not read"));
                break;
            }
            if (model.contains(idOf(p.address()))) {
                continue;
            }
            model.add(resource(model, p));
        }
        return model;
    }

    private String idOf(String address) {
        return file + "#" + address;
    }

    // ---------------------------------------------------------------- structure

    private void indexConfig(String path, Node.MapNode module) {
        configModules.put(path, module);
        get(module, "module_calls").filter(Node.MapNode.class::isInstance).ifPresent(calls -> {
            for (Node.Entry e : ((Node.MapNode) calls).entries()) {
                if (e.value() instanceof Node.MapNode call) {
                    get(call, "module").filter(Node.MapNode.class::isInstance)
                            .ifPresent(m -> indexConfig(path + "module." + e.key().text() + ".", (Node.MapNode) m));
                }
            }
        });
    }

    private void collect(Model model, Node.MapNode module, List<Planned> out, int depth) {
        if (depth > limits.maxModuleDepth()) {
            // dropping a module silently would drop its findings and pass the scan: say what is not read
            model.report(ParseFindings.limit(location(module, get(module, "address").map(PlanReader::text).orElse("")),
                    "child_modules nested more than " + limits.maxModuleDepth() + " levels (--limit module-depth=N): "
                            + "this module and those below it are not read"));
            return;
        }
        shaped(model, module, "resources", "a list");
        shaped(model, module, "child_modules", "a list");
        for (Node n : items(get(module, "resources"))) {
            if (!(n instanceof Node.MapNode r) || !"managed".equals(get(r, "mode").map(PlanReader::text).orElse(""))) {
                continue;
            }
            String address = get(r, "address").map(PlanReader::text).orElse("");
            String type = get(r, "type").map(PlanReader::text).orElse("");
            String name = get(r, "name").map(PlanReader::text).orElse("");
            int at = address.lastIndexOf(type + "." + name);
            String modulePath = at > 0 ? address.substring(0, at) : "";
            out.add(new Planned(address, configPath(modulePath), type + "." + name, type, r));
        }
        for (Node c : items(get(module, "child_modules"))) {
            if (c instanceof Node.MapNode child) {
                collect(model, child, out, depth + 1);
            }
        }
    }

    /** {@code module.net[0].module.sub["a"].} to the configuration's {@code module.net.module.sub.}. */
    private static String configPath(String modulePath) {
        // what modulePath.replaceAll("\\[[^\\]]*]", "") did, in one pass (it rescanned the rest from each '[')
        return io.atolint.model.TextScans.withoutSpans(modulePath, "[", ']', "");
    }

    // ---------------------------------------------------------------- resources

    private Resource resource(Model model, Planned p) {
        SourceLocation at = location(p.node(), p.address());
        Node.MapNode values = get(p.node(), "values").filter(Node.MapNode.class::isInstance)
                .map(Node.MapNode.class::cast).orElse(null);
        Node unknown = afterUnknown.get(p.address());
        Node.MapNode exprs = configResource(p).flatMap(c -> get(c, "expressions"))
                .filter(Node.MapNode.class::isInstance).map(Node.MapNode.class::cast).orElse(null);
        Value.MapV attrs = object(values, unknown, exprs, p, p.address(), at);
        if (values == null) {
            // no values object (null, absent or another shape): every attribute is UNKNOWN, never "omitted"
            Optional<Node> written = get(p.node(), "values");
            if (written.isPresent()) {
                model.report(ParseFindings.invalid(location(written.get(), p.address() + "/values"),
                        "\"values\" of " + p.address() + " is not an object as a Terraform plan writes it; its attributes are UNKNOWN"));
            }
            attrs = attrs.withUnknownRest("the plan gives no values for " + p.address());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (!p.modulePath().isEmpty()) {
            meta.put("module", p.address().substring(0, p.address().lastIndexOf(p.base()) - 1));
        }
        get(p.node(), "index").ifPresent(i -> meta.put("index", text(i)));
        return new Resource(idOf(p.address()), p.address(), p.type(), KindTable.kindOf(p.type()), attrs, at,
                Format.TERRAFORM_PLAN, meta);
    }

    private Optional<Node.MapNode> configResource(Planned p) {
        Node.MapNode module = configModules.get(p.modulePath());
        if (module == null) {
            return Optional.empty();
        }
        for (Node n : items(get(module, "resources"))) {
            if (n instanceof Node.MapNode r && p.base().equals(get(r, "address").map(PlanReader::text).orElse(""))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A values object merged with its after_unknown mask; keys only in the mask are UNKNOWN. */
    private Value.MapV object(Node.MapNode values, Node unknown, Node exprs, Planned p, String path, SourceLocation at) {
        Map<String, Value> m = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        if (values != null) {
            for (Node.Entry e : values.entries()) {
                String k = e.key().text();
                SourceLocation kl = e.key().location(file, path + "/" + k);
                m.put(k, value(e.value(), child(unknown, k), sub(exprs, k), p, path + "/" + k, kl));
                keys.put(k, kl);
            }
        }
        if (unknown instanceof Node.MapNode um) {
            for (Node.Entry e : um.entries()) {
                String k = e.key().text();
                if (!m.containsKey(k) && isTrue(e.value())) {
                    m.put(k, unknownValue(sub(exprs, k), p, at.withLogicalPath(path + "/" + k)));
                }
            }
        }
        return new Value.MapV(m, keys, at);
    }

    private Value value(Node v, Node unknown, Node exprs, Planned p, String path, SourceLocation at) {
        if (isTrue(unknown)) {
            return unknownValue(exprs, p, at);
        }
        if (v instanceof Node.MapNode mv) {
            return object(mv, unknown, exprs, p, path, v.location(file, path));
        }
        if (v instanceof Node.SeqNode s) {
            List<Value> items = new ArrayList<>();
            List<Integer> unknownAt = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                Node u = element(unknown, i);
                if (isTrue(u)) {
                    unknownAt.add(i);
                }
                Node e = exprs instanceof Node.SeqNode es && !es.items().isEmpty()
                        ? es.items().get(Math.min(i, es.items().size() - 1)) : exprs;
                items.add(value(s.items().get(i), u, e, p, path + "/" + i, s.items().get(i).location(file, path + "/" + i)));
            }
            if (!unknownAt.isEmpty()) {
                // a list of N unknown elements built from N referenced instances: element i is instance i
                List<String> refs = referencedInstances(exprs, p);
                if (refs.size() == unknownAt.size() && unknownAt.size() == s.items().size()) {
                    for (int i = 0; i < refs.size(); i++) {
                        items.set(i, new Value.Ref(refs.get(i), "id", items.get(i).location()));
                    }
                }
            }
            return new Value.ListV(items, v.location(file, path));
        }
        if (v instanceof Node.ScalarNode sc) {
            Object o = sc.value();
            if (o instanceof String str && idToResource.containsKey(str) && !idToResource.get(str).equals(idOf(p.address()))) {
                return new Value.Ref(idToResource.get(str), str.startsWith("arn:") ? "arn" : "id", at);
            }
            if (o instanceof Number n && !(o instanceof BigDecimal)) {
                o = new BigDecimal(n.toString());
            }
            return new Value.Scalar(o, null, at);
        }
        return new Value.Scalar(null, null, at);
    }

    private Value unknownValue(Node exprs, Planned p, SourceLocation at) {
        List<Value.Ref> refs = new ArrayList<>();
        for (String id : referencedInstances(exprs, p)) {
            refs.add(new Value.Ref(id, null, at));
        }
        return new Value.Unknown(AFTER_APPLY, "(known after apply)", refs, at);
    }

    // ---------------------------------------------------------------- references

    /** The resource instances an expression refers to, in order, following module variables to their callers. */
    private List<String> referencedInstances(Node exprs, Planned p) {
        Set<String> out = new LinkedHashSet<>();
        for (String ref : references(exprs)) {
            resolve(ref, p.modulePath(), out, 0);
        }
        return new ArrayList<>(out);
    }

    private static List<String> references(Node exprs) {
        List<String> out = new ArrayList<>();
        if (exprs instanceof Node.MapNode m) {
            for (Node r : items(get(m, "references"))) {
                out.add(text(r));
            }
        }
        return out;
    }

    private void resolve(String ref, String modulePath, Set<String> out, int depth) {
        if (depth > 16) {
            return;
        }
        String[] parts = ref.split("\\.");
        if (parts.length >= 2 && parts[0].equals("var") && !modulePath.isEmpty()) {
            String name = parts[1].replaceAll("\\[.*", "");
            String callName = modulePath.substring(modulePath.lastIndexOf("module.", modulePath.length() - 2) + 7,
                    modulePath.length() - 1);
            String parentPath = modulePath.substring(0, modulePath.lastIndexOf("module.", modulePath.length() - 2));
            Node.MapNode parent = configModules.get(parentPath);
            Optional<Node> call = parent == null ? Optional.empty()
                    : get(get(get(get(parent, "module_calls"), callName), "expressions"), name);
            call.ifPresent(c -> references(c).forEach(r -> resolve(r, parentPath, out, depth + 1)));
            return;
        }
        if (parts.length >= 3 && parts[0].equals("module")) {
            String child = modulePath + "module." + parts[1].replaceAll("\\[.*", "") + ".";
            Node.MapNode m = configModules.get(child);
            Optional<Node> output = m == null ? Optional.empty()
                    : get(get(get(m, "outputs"), parts[2].replaceAll("\\[.*", "")), "expression");
            output.ifPresent(o -> references(o).forEach(r -> resolve(r, child, out, depth + 1)));
            return;
        }
        if (parts.length < 2 || Set.of("var", "local", "count", "each", "path", "terraform", "self", "data").contains(parts[0])) {
            return;
        }
        String name = parts[1];
        String index = null;
        int bracket = name.indexOf('[');
        if (bracket >= 0) {
            index = name.substring(bracket);
            name = name.substring(0, bracket);
        }
        List<Planned> instances = byBase.getOrDefault(modulePath + parts[0] + "." + name, List.of());
        for (Planned i : instances) {
            if (index == null || i.address().endsWith(index)) {
                out.add(idOf(i.address()));
            }
        }
    }

    // ---------------------------------------------------------------- JSON helpers

    private static Optional<Node> get(Node.MapNode m, String key) {
        return m == null ? Optional.empty() : m.get(key);
    }

    /**
     * A section that is present with another shape than {@code expected} ("an object", "a list"; null counts as
     * absent when a plan writes it for an empty section) is reported; returns the section when it has the shape.
     */
    private Optional<Node> shaped(Model model, Node parent, String key, String expected) {
        Optional<Node> v = parent instanceof Node.MapNode m ? m.get(key) : Optional.empty();
        if (v.isEmpty() || v.get() instanceof Node.ScalarNode s && s.value() == null) {
            return Optional.empty();
        }
        boolean ok = expected.equals("a list") ? v.get() instanceof Node.SeqNode : v.get() instanceof Node.MapNode;
        if (!ok) {
            model.report(ParseFindings.invalid(location(v.get(), key), "\"" + key + "\" is not " + expected
                    + " as a Terraform plan writes it; it is not read"));
            return Optional.empty();
        }
        return v;
    }

    private static Optional<Node> get(Optional<Node> m, String key) {
        return m.filter(Node.MapNode.class::isInstance).flatMap(n -> ((Node.MapNode) n).get(key));
    }

    private static List<Node> items(Optional<Node> n) {
        return n.filter(Node.SeqNode.class::isInstance).map(s -> ((Node.SeqNode) s).items()).orElse(List.of());
    }

    private static Node child(Node n, String key) {
        return n instanceof Node.MapNode m ? m.get(key).orElse(null) : null;
    }

    /**
     * The expressions of a key inside a value: nested blocks have their own expressions; inside an
     * attribute's object or list, the attribute's one expression (its references) applies throughout.
     */
    private static Node sub(Node exprs, String key) {
        if (exprs instanceof Node.MapNode m && (m.get("references").isPresent() || m.get("constant_value").isPresent())) {
            return exprs;
        }
        return child(exprs, key);
    }

    private static Node element(Node n, int i) {
        return n instanceof Node.SeqNode s && i < s.items().size() ? s.items().get(i) : null;
    }

    private static boolean isTrue(Node n) {
        return n instanceof Node.ScalarNode s && Boolean.TRUE.equals(s.value());
    }

    private static String text(Node n) {
        return n instanceof Node.ScalarNode s ? (s.value() == null ? "" : String.valueOf(s.value())) : "";
    }

    private SourceLocation location(Node n, String logicalPath) {
        return n.location(file, logicalPath);
    }
}
