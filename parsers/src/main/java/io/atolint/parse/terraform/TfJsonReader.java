package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.parse.Limits;
import io.atolint.parse.SourceFile;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Terraform's JSON syntax ({@code .tf.json}, {@code .tfvars.json}) read into the same
 * {@link HclBody}/{@link Expr} trees as native HCL, so that one evaluator serves both; positions are
 * those of the JSON keys and values. As Terraform reads it: block types are the top-level keys, each
 * label one level of object nesting; a JSON string in an expression is a template
 * ({@code "${aws_subnet.a.id}"}), except where Terraform reads it literally (a variable's
 * {@code default}, a module's {@code source}) or as a reference ({@code depends_on},
 * {@code ignore_changes}); {@code "//"} keys are comments. Without provider schemas, nested objects of a
 * resource are read as attributes (the model treats a nested block and an object attribute alike), but
 * {@code lifecycle}, {@code dynamic}, {@code provisioner} and {@code connection} are blocks.
 */
final class TfJsonReader {
    private static final Set<String> ONE_LABEL = Set.of("variable", "output", "module", "provider");
    private static final Set<String> TWO_LABELS = Set.of("resource", "data");
    private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection", "dynamic");
    private static final Set<String> REFERENCE_LISTS = Set.of("depends_on", "ignore_changes", "replace_triggered_by");

    private final String path;
    private final HclDiagnostics diagnostics;
    private final List<Finding> problems = new ArrayList<>();

    private TfJsonReader(String path, Limits limits) {
        this.path = path;
        this.diagnostics = new HclDiagnostics(path, limits);
    }

    /** A {@code .tf.json} file; on a syntax error the body is empty and the problem is a positioned PARSE001. */
    static HclFile read(String path, String text, Limits limits) {
        TfJsonReader r = new TfJsonReader(path, limits);
        Node.MapNode root = r.root(text, limits);
        HclBody body = root == null ? HclBody.EMPTY : r.configuration(root);
        return r.file(body);
    }

    /** A {@code .tfvars.json} file: each top-level key is a variable, its value literal JSON. */
    static HclFile readVariables(String path, String text, Limits limits) {
        TfJsonReader r = new TfJsonReader(path, limits);
        Node.MapNode root = r.root(text, limits);
        List<HclAttribute> attrs = new ArrayList<>();
        if (root != null) {
            for (Node.Entry e : root.entries()) {
                attrs.add(new HclAttribute(e.key().text(), r.literal(e.value()), pos(e.key())));
            }
        }
        return r.file(new HclBody(attrs, List.of()));
    }

    private HclFile file(HclBody body) {
        List<Finding> all = new ArrayList<>(problems);
        all.addAll(diagnostics.problems());
        return new HclFile(path, all.isEmpty() ? body : HclBody.EMPTY, all);
    }

    private Node.MapNode root(String text, Limits limits) {
        TreeDocument doc = Trees.read(new SourceFile(path, text), limits, problems);
        if (doc == null) {
            return null;
        }
        if (!(doc.root() instanceof Node.MapNode m)) {
            diagnostics.problem(doc.root() == null ? new HclPos(1, 1) : pos(doc.root()),
                    "a Terraform JSON file must hold one object");
            return null;
        }
        return m;
    }

    private static HclPos pos(Node n) {
        return new HclPos(n.pos().line(), n.pos().column());
    }

    // ---------------------------------------------------------------- blocks

    private HclBody configuration(Node.MapNode root) {
        List<HclBlock> blocks = new ArrayList<>();
        for (Node.Entry e : root.entries()) {
            String type = e.key().text();
            if (type.equals("//")) {
                continue;
            }
            int labels = TWO_LABELS.contains(type) ? 2 : ONE_LABEL.contains(type) ? 1 : 0;
            for (Node v : each(e.value())) {
                labelled(type, labels, new ArrayList<>(), v, e.key(), blocks, "block");
            }
        }
        return new HclBody(List.of(), blocks);
    }

    /** Descends one object level per label, then reads the body (an object, or an array of them). */
    private void labelled(String type, int labelsLeft, List<String> labels, Node v, Node.ScalarNode at,
                          List<HclBlock> out, String kind) {
        if (labelsLeft == 0) {
            for (Node body : each(v)) {
                if (body instanceof Node.MapNode m) {
                    out.add(new HclBlock(type, labels, body(m, type, kind), pos(at)));
                } else {
                    diagnostics.problem(pos(body), "the body of " + type + " must be an object");
                }
            }
            return;
        }
        if (!(v instanceof Node.MapNode m)) {
            diagnostics.problem(pos(v), type + " needs " + labelsLeft + " more label" + (labelsLeft > 1 ? "s" : "")
                    + " as object keys");
            return;
        }
        for (Node.Entry e : m.entries()) {
            if (e.key().text().equals("//")) {
                continue;
            }
            List<String> more = new ArrayList<>(labels);
            more.add(e.key().text());
            for (Node x : each(e.value())) {
                labelled(type, labelsLeft - 1, more, x, e.key(), out, kind);
            }
        }
    }

    private static List<Node> each(Node v) {
        return v instanceof Node.SeqNode s ? s.items() : List.of(v);
    }

    /** A block body: attributes, and the nested blocks Terraform defines whatever the provider. */
    private HclBody body(Node.MapNode m, String blockType, String kind) {
        List<HclAttribute> attrs = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        for (Node.Entry e : m.entries()) {
            String name = e.key().text();
            if (name.equals("//")) {
                continue;
            }
            HclPos at = pos(e.key());
            if (blockType.equals("locals")) {
                attrs.add(new HclAttribute(name, expression(e.value()), at));
            } else if (META_BLOCKS.contains(name) && !blockType.equals("variable") && !blockType.equals("output")) {
                int labels = name.equals("dynamic") || name.equals("provisioner") ? 1 : 0;
                for (Node v : each(e.value())) {
                    labelled(name, labels, new ArrayList<>(), v, e.key(), blocks, "meta");
                }
            } else if (blockType.equals("dynamic") && name.equals("content")) {
                for (Node v : each(e.value())) {
                    if (v instanceof Node.MapNode cm) {
                        blocks.add(new HclBlock("content", List.of(), body(cm, "content", kind), at));
                    }
                }
            } else if (blockType.equals("variable") && name.equals("validation")) {
                continue; // conditions on the value, not configuration
            } else {
                attrs.add(new HclAttribute(name, attribute(blockType, name, e.value()), at));
            }
        }
        return new HclBody(attrs, blocks);
    }

    private Expr attribute(String blockType, String name, Node v) {
        if (blockType.equals("variable")) {
            if (name.equals("type") && v instanceof Node.ScalarNode s && s.value() instanceof String t) {
                return new Expr.TypeExpr(unwrapped(t), pos(v));
            }
            return literal(v);
        }
        if (blockType.equals("module") && (name.equals("source") || name.equals("version"))) {
            return literal(v);
        }
        if (REFERENCE_LISTS.contains(name) && v instanceof Node.SeqNode s) {
            List<Expr> items = new ArrayList<>();
            for (Node i : s.items()) {
                items.add(i instanceof Node.ScalarNode sc && sc.value() instanceof String ref
                        ? reference(ref, pos(i)) : expression(i));
            }
            return new Expr.Tuple(items, pos(v));
        }
        if (name.equals("provider") && v instanceof Node.ScalarNode s && s.value() instanceof String ref) {
            return reference(ref, pos(v));
        }
        return expression(v);
    }

    // ---------------------------------------------------------------- expressions

    /** JSON in expression mode: strings are templates, arrays tuples, objects object constructors. */
    private Expr expression(Node v) {
        HclPos at = pos(v);
        diagnostics.tick(at);
        if (v instanceof Node.ScalarNode s) {
            if (s.value() instanceof String str) {
                return str.contains("${") || str.contains("%{") ? template(str, at) : new Expr.Literal(str, at);
            }
            return scalar(s);
        }
        if (v instanceof Node.SeqNode q) {
            List<Expr> items = new ArrayList<>();
            q.items().forEach(i -> items.add(expression(i)));
            return new Expr.Tuple(items, at);
        }
        Node.MapNode m = (Node.MapNode) v;
        List<Expr.ObjectItem> items = new ArrayList<>();
        for (Node.Entry e : m.entries()) {
            String k = e.key().text();
            if (k.equals("//")) {
                continue;
            }
            Expr key = k.contains("${") ? template(k, pos(e.key())) : new Expr.Literal(k, pos(e.key()));
            items.add(new Expr.ObjectItem(key, expression(e.value())));
        }
        return new Expr.ObjectCons(items, at);
    }

    /** JSON in literal mode (variable defaults, tfvars): strings are strings. */
    private Expr literal(Node v) {
        HclPos at = pos(v);
        diagnostics.tick(at);
        if (v instanceof Node.ScalarNode s) {
            return scalar(s);
        }
        if (v instanceof Node.SeqNode q) {
            List<Expr> items = new ArrayList<>();
            q.items().forEach(i -> items.add(literal(i)));
            return new Expr.Tuple(items, at);
        }
        Node.MapNode m = (Node.MapNode) v;
        List<Expr.ObjectItem> items = new ArrayList<>();
        for (Node.Entry e : m.entries()) {
            items.add(new Expr.ObjectItem(new Expr.Literal(e.key().text(), pos(e.key())), literal(e.value())));
        }
        return new Expr.ObjectCons(items, at);
    }

    private static Expr scalar(Node.ScalarNode s) {
        Object value = s.value();
        if (value instanceof BigDecimal || value instanceof Boolean || value instanceof String || value == null) {
            return new Expr.Literal(value, pos(s));
        }
        return new Expr.Literal(s.text(), pos(s));
    }

    private Expr template(String text, HclPos at) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && text.startsWith(c + "" + c + "{", i)) {
                i += 2;
            } else if ((c == '$' || c == '%') && text.charAt(i + 1) == '{') {
                int close = HclText.closeOfInterpolation(text, i + 2);
                if (close < 0) {
                    diagnostics.problem(at, "'" + c + "{' in this string is never closed");
                    return new Expr.Invalid("unclosed interpolation", at);
                }
                i = close;
            }
        }
        HclSymbols symbols = new HclSymbols(diagnostics, new HclText(text), Masking.NONE, o -> at, 0);
        return new HclTemplates(diagnostics, (t, p) -> symbols.subExpression(t, o -> at, at)).template(List.of(text), at);
    }

    /** A bare reference written as a string ({@code "aws_vpc.main"} in depends_on). */
    private Expr reference(String text, HclPos at) {
        String ref = unwrapped(text);
        HclSymbols symbols = new HclSymbols(diagnostics, new HclText(ref), Masking.NONE, o -> at, 0);
        return symbols.subExpression(ref, o -> at, at);
    }

    /**
     * What Terraform reads as a reference or a type, where converters such as hcl2json write an interpolation
     * ({@code "${aws_vpc.main}"}, {@code "${map(object({...}))}"}): the text inside it.
     */
    private static String unwrapped(String text) {
        String t = text.strip();
        if (t.startsWith("${") && t.endsWith("}") && HclText.closeOfInterpolation(t, 2) == t.length() - 1) {
            return t.substring(2, t.length() - 1);
        }
        return text;
    }
}
