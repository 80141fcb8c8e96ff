package io.atolint.parse.terraform;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedTuple;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.GroupedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Operator;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.PrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringInterpolatedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLMap;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.atolint.model.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Turns hcl4j lexer symbols (see {@link HclLexer}) of one text (a file chunk, or a snippet re-lexed
 * from it) into our tree, and the only class that knows hcl4j's symbol classes. The lexer's tree is
 * flat (operands and operators in sequence, commas dropped): sequences are parsed here with HCL's
 * operator precedence, working around what the lexer gets wrong:
 * <ul>
 *   <li>it reads {@code a - 1} as the number {@code -} and {@code a -1} as the number {@code -1};</li>
 *   <li>it reads the legacy splat {@code a.*.id} as a multiplication;</li>
 *   <li>it gives an index or attribute after a literal, a collection, a for-expression or a
 *       parenthesised expression ({@code [for az in var.azs : az][count.index]}, {@code {a = 1}.a}) as
 *       separate symbols;</li>
 *   <li>it splits the exponent of {@code 1.5e3} off as a name;</li>
 *   <li>it drops the {@code ...} of an expanded argument.</li>
 * </ul>
 * For-expressions and templates are read from the text ({@link HclForExpressions}, {@link HclTemplates}).
 */
final class HclSymbols {
    private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?\\d+");
    private static final String SNIPPET_PREFIX = "_ = (";
    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("||", 1), Map.entry("&&", 2), Map.entry("==", 3), Map.entry("!=", 3),
            Map.entry("<", 4), Map.entry(">", 4), Map.entry("<=", 4), Map.entry(">=", 4),
            Map.entry("+", 5), Map.entry("-", 5), Map.entry("*", 6), Map.entry("/", 6), Map.entry("%", 6));

    private final HclDiagnostics diagnostics;
    private final HclText src;
    private final Masking masking;
    private final LongFunction<HclPos> map;
    private final long base;

    /**
     * {@code map} turns offsets of {@code src} into file positions; {@code base} is where in {@code src}
     * the lexed text starts (files are lexed in chunks).
     */
    HclSymbols(HclDiagnostics diagnostics, HclText src, Masking masking, LongFunction<HclPos> map, long base) {
        this.diagnostics = diagnostics;
        this.src = src;
        this.masking = masking;
        this.map = map;
        this.base = base;
    }

    /** A symbol's character offset in {@link #src}. */
    private Long offset(Symbol s) {
        Long p = s.getPosition();
        return p == null ? null : p + base;
    }

    private HclPos pos(Symbol s) {
        Long p = offset(s);
        return p == null ? HclPos.NONE : map.apply(p);
    }

    private void tick(Symbol at) {
        diagnostics.tick(pos(at));
    }

    private void problem(HclPos at, String message) {
        diagnostics.problem(at, message);
    }

    private HclTemplates templates() {
        return new HclTemplates(diagnostics, (text, at) -> subExpression(text, o -> at, at));
    }

    HclBody body(List<Symbol> children, boolean topLevel) {
        List<HclAttribute> attrs = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        for (Symbol s : children) {
            tick(s);
            if (s instanceof HCLBlock b) {
                List<String> names = b.blockNames == null ? List.of(String.valueOf(b.getName())) : b.blockNames;
                blocks.add(new HclBlock(names.get(0), names.subList(1, names.size()),
                        body(b.getChildren(), false), blockPos(b, names.get(0))));
            } else if (s instanceof HCLAttribute a && a.getName() != null) {
                attrs.add(new HclAttribute(a.getName(), attributeValue(a), pos(a)));
            } else if (s instanceof HCLAttribute a) {
                problem(pos(a), "an attribute name must be an identifier");
            } else if (!(s instanceof StringInterpolatedExpression)) {
                problem(pos(s), topLevel ? "unexpected " + describe(s) + " outside any block"
                        : "unexpected " + describe(s) + " in a block body");
            }
        }
        return new HclBody(attrs, blocks);
    }

    /** The lexer positions a block at its brace: the header starts at the first word of that line. */
    private HclPos blockPos(HCLBlock b, String type) {
        Long p = offset(b);
        if (p == null) {
            return HclPos.NONE;
        }
        String t = src.text();
        int off = (int) Math.max(0, Math.min(p + 1, t.length()));
        int lineStart = t.lastIndexOf('\n', Math.max(0, off - 1)) + 1;
        int i = lineStart;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        if (t.startsWith(type, i)) {
            return map.apply(i);
        }
        return map.apply(off);
    }

    private Expr attributeValue(HCLAttribute a) {
        List<Symbol> children = a.getChildren();
        if (children.isEmpty()) {
            problem(pos(a), "attribute " + a.getName() + " has no value");
            return new Expr.Invalid("no value", pos(a));
        }
        if (children.get(0) instanceof PrimitiveType) {
            return typeConstraint(a);
        }
        return sequence(children, false, pos(a));
    }

    /** Type constraints are kept as written: the lexer turns {@code object} into {@code map}. */
    private Expr typeConstraint(HCLAttribute a) {
        Long p = offset(a);
        String t = src.text();
        int eq = p == null ? -1 : t.indexOf('=', (int) Math.min(p, t.length()));
        if (eq < 0) {
            return new Expr.TypeExpr(typeText(a.getChildren().get(0)), pos(a));
        }
        int i = skipSpace(t, eq + 1);
        int j = i;
        while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
            j++;
        }
        int k = skipSpace(t, j);
        int end = j;
        if (k < t.length() && t.charAt(k) == '(') {
            int close = src.matchingClose(k);
            end = close < 0 ? j : close + 1;
        }
        return new Expr.TypeExpr(t.substring(i, end), map.apply(i));
    }

    /** A heredoc the masking replaced: its lines between the {@code <<ID} line and the terminator. */
    private Expr heredoc(Masking.Region r) {
        String t = src.text();
        int bodyStart = t.indexOf('\n', r.start()) + 1;
        int terminatorLine = t.lastIndexOf('\n', r.end() - 1) + 1;
        String raw = bodyStart <= 0 || terminatorLine < bodyStart ? "" : t.substring(bodyStart, terminatorLine);
        if (t.startsWith("<<-", r.start())) {
            raw = HclTemplates.stripIndent(raw);
        }
        return templates().template(List.of(raw), map.apply(r.start()));
    }

    // ---------------------------------------------------------------- sequences

    /** One expression from a flat symbol sequence; anything left over is a problem. */
    Expr sequence(List<Symbol> syms, boolean listContext, HclPos at) {
        if (syms.isEmpty()) {
            problem(at, "an expression is missing");
            return new Expr.Invalid("missing expression", at);
        }
        Cursor c = new Cursor(syms, listContext);
        Expr e = ternary(c);
        if (c.more()) {
            Symbol s = c.peek();
            problem(pos(s), "unexpected " + describe(s) + " after the expression");
            return new Expr.Invalid("unexpected " + describe(s), pos(s));
        }
        return e;
    }

    /** Comma-separated items (tuple elements, call arguments): the lexer drops the commas. */
    List<Expr> items(List<Symbol> syms) {
        List<Expr> out = new ArrayList<>();
        Cursor c = new Cursor(syms, true);
        while (c.more()) {
            if (c.peek() instanceof HCLValue v && "...".equals(String.valueOf(v.value))) {
                c.next(); // the lexer reads f(list...) as an argument "..."; expandsLast() sees it in the text
                continue;
            }
            int before = c.i;
            out.add(ternary(c));
            if (c.i == before) {
                Symbol s = c.next();
                problem(pos(s), "unexpected " + describe(s));
            }
        }
        return out;
    }

    private Expr ternary(Cursor c) {
        Expr cond = binary(c, 1);
        if (c.isOperator("?")) {
            Symbol q = c.next();
            Expr then = ternary(c);
            if (!c.isOperator(":")) {
                problem(pos(q), "conditional expression without ':'");
                return new Expr.Invalid("conditional without ':'", pos(q));
            }
            c.next();
            Expr otherwise = ternary(c);
            return new Expr.Conditional(cond, then, otherwise, cond.pos());
        }
        return cond;
    }

    private Expr binary(Cursor c, int minPrec) {
        Expr left = unary(c);
        while (c.more()) {
            String op = c.binaryOperator();
            if (op == null) {
                break;
            }
            int prec = PRECEDENCE.get(op);
            if (prec < minPrec) {
                break;
            }
            Symbol opSym = c.peek();
            Expr right;
            if (c.isNegativeNumber()) {
                // the lexer glued the minus to the number: `a -1`
                HCLValue v = (HCLValue) c.next();
                right = number(String.valueOf(v.value).substring(1), v);
            } else {
                c.next();
                right = binary(c, prec + 1);
            }
            left = new Expr.Binary(op, left, right, pos(opSym));
        }
        return left;
    }

    private Expr unary(Cursor c) {
        if (!c.more()) {
            problem(c.lastPos(), "an operand is missing");
            return new Expr.Invalid("missing operand", c.lastPos());
        }
        Symbol s = c.peek();
        if (s instanceof Operator o && ("!".equals(o.getName()) || "-".equals(o.getName()))) {
            c.next();
            return new Expr.Unary(o.getName(), unary(c), pos(s));
        }
        if (s instanceof HCLValue v && "number".equals(v.type) && "-".equals(String.valueOf(v.value))) {
            c.next();
            return new Expr.Unary("-", unary(c), pos(s));
        }
        c.next();
        Expr e = operand(s);
        // 1.5e3: the lexer splits the exponent off as a name
        if (e instanceof Expr.Literal l && l.value() instanceof BigDecimal d && c.more()
                && c.peek() instanceof VariableTree vt && EXPONENT.matcher(String.valueOf(vt.getName())).matches()) {
            c.next();
            BigDecimal withExponent = Numbers.parse(d.toPlainString() + vt.getName());
            return withExponent == null ? new Expr.Invalid("number out of range", l.pos())
                    : new Expr.Literal(withExponent, l.pos());
        }
        return postfix(e, c);
    }

    /**
     * The traversal steps the lexer gives as separate symbols after an operand: {@code [i]} and
     * {@code [*]} after a literal, collection, for-expression or parenthesised expression
     * ({@code [for az in var.azs : az][count.index]}), {@code .name} and the legacy index {@code .0}
     * after them, and the legacy splat {@code a.*.b}.
     */
    private Expr postfix(Expr e, Cursor c) {
        while (c.more()) {
            Symbol next = c.peek();
            if (next instanceof Operator star && "*".equals(star.getName()) && charBefore(star) == '.') {
                c.next();
                e = legacySplat(e, star, c);
            } else if (next instanceof HCLArray a && endsOperand(a)) {
                c.next();
                List<Symbol> inner = a.getChildren();
                if (inner.size() == 1 && inner.get(0) instanceof Operator o && "*".equals(o.getName())) {
                    return new Expr.Splat(e, postfix(new Expr.SplatItem(pos(a)), c), pos(a));
                }
                e = new Expr.Index(e, sequence(inner, false, pos(a)), pos(a));
            } else if (next instanceof HCLValue dot && "number".equals(dot.type) && ".".equals(String.valueOf(dot.value))
                    && c.peekAt(1) instanceof VariableTree rest) {
                c.next();
                c.next();
                e = traversalOnto(e, rest.getChildren(), 0);
            } else if (next instanceof HCLValue dot && "number".equals(dot.type)
                    && String.valueOf(dot.value).matches("\\.\\d+")) {
                c.next();
                e = new Expr.Index(e, new Expr.Literal(new BigDecimal(String.valueOf(dot.value).substring(1)), pos(dot)),
                        pos(dot));
            } else {
                return e;
            }
        }
        return e;
    }

    /**
     * The legacy attribute-only splat {@code a.*.b.c[0]}: the attributes after {@code .*} apply to each
     * element, and an index ends the splat ({@code aws_instance.web.*.private_ip[0]} is the first
     * instance's address).
     */
    private Expr legacySplat(Expr source, Symbol star, Cursor c) {
        Expr each = new Expr.SplatItem(pos(star));
        List<Symbol> after = List.of();
        if (c.isValue(".") && c.peekAt(1) instanceof VariableTree rest) {
            c.next();
            c.next();
            List<Symbol> steps = rest.getChildren();
            int i = 0;
            while (i < steps.size() && steps.get(i) instanceof Variable v && !"*".equals(v.getName())
                    && !String.valueOf(v.getName()).matches("\\d+")) {
                each = new Expr.GetAttr(each, v.getName(), pos(v));
                i++;
            }
            after = steps.subList(i, steps.size());
        }
        Expr splat = new Expr.Splat(source, each, true, pos(star));
        return after.isEmpty() ? splat : traversalOnto(splat, after, 0);
    }

    /** Whether a '[' the lexer gave as its own symbol indexes what precedes it (no ',' in between). */
    private boolean endsOperand(Symbol bracket) {
        char before = charBefore(bracket);
        return before == ']' || before == '}' || before == ')' || before == '"';
    }

    /** The last character before a symbol that is not blank, in the original text; 0 at the start. */
    private char charBefore(Symbol s) {
        Long p = offset(s);
        if (p == null) {
            return 0;
        }
        String t = src.text();
        int i = (int) Math.min(p, t.length()) - 1;
        while (i >= 0 && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 ? 0 : t.charAt(i);
    }

    // ---------------------------------------------------------------- operands

    Expr operand(Symbol s) {
        tick(s);
        if (s instanceof HCLValue v) {
            return value(v);
        }
        if (s instanceof StringInterpolatedExpression sie) {
            return stringTemplate(sie);
        }
        if (s instanceof VariableTree vt) {
            return traversalOnto(null, vt.getChildren(), 0);
        }
        if (s instanceof ComputedTuple || s instanceof ComputedObject) {
            return forExpression(s);
        }
        if (s instanceof Function f) {
            return call(f);
        }
        if (s instanceof PrimitiveType p) {
            return new Expr.TypeExpr(typeText(p), pos(p));
        }
        if (s instanceof Variable v) {
            return new Expr.Variable(v.getName(), pos(v));
        }
        if (s instanceof GroupedExpression g) {
            return new Expr.Paren(sequence(g.getChildren(), false, pos(g)), pos(g));
        }
        if (s instanceof HCLArray a) {
            return new Expr.Tuple(items(a.getChildren()), pos(a));
        }
        if (s instanceof HCLBlock || s instanceof HCLMap) {
            return object(s);
        }
        problem(pos(s), "unexpected " + describe(s));
        return new Expr.Invalid("unexpected " + describe(s), pos(s));
    }

    private Expr value(HCLValue v) {
        String type = String.valueOf(v.type);
        Object raw = v.value;
        switch (type) {
            case "number":
                return number(String.valueOf(raw), v);
            case "boolean":
                return new Expr.Literal(Boolean.valueOf(String.valueOf(raw)), pos(v));
            case "null":
                return new Expr.Literal(null, pos(v));
            default:
                String str = raw == null ? "" : Masking.unicodeEscapes(String.valueOf(raw));
                Masking.Region region = masking.region(str);
                if (region != null) {
                    return region.heredoc() ? heredoc(region) : new HclForExpressions(src, diagnostics, this::snippet).read(region.start(), map.apply(region.start()));
                }
                if (str.contains("${") || str.contains("%{")) {
                    return templates().template(List.of(str), pos(v));
                }
                return new Expr.Literal(str, pos(v));
        }
    }

    private Expr number(String text, Symbol at) {
        BigDecimal d = Numbers.parse(text);
        if (d != null) {
            return new Expr.Literal(d, pos(at));
        }
        problem(pos(at), "not a number this reader can hold: " + text);
        return new Expr.Invalid("not a number: " + text, pos(at));
    }

    /**
     * {@code var.a.b[0][*].c}: a root (name or call) then attribute, index and splat steps; a
     * full splat applies the remaining steps to each element.
     */
    private Expr traversalOnto(Expr start, List<Symbol> steps, int from) {
        Expr cur = start;
        for (int i = from; i < steps.size(); i++) {
            Symbol s = steps.get(i);
            tick(s);
            if (cur == null) {
                cur = s instanceof Function f ? call(f) : s instanceof Variable v ? new Expr.Variable(v.getName(), pos(v))
                        : operand(s);
                continue;
            }
            if (s instanceof Variable v) {
                String name = v.getName();
                if (name != null && name.matches("\\d+")) {
                    cur = new Expr.Index(cur, new Expr.Literal(new BigDecimal(name), pos(v)), pos(v));
                } else if ("*".equals(name)) {
                    Expr each = traversalOnto(new Expr.SplatItem(pos(v)), steps, i + 1);
                    return new Expr.Splat(cur, each, pos(v));
                } else {
                    cur = new Expr.GetAttr(cur, name, pos(v));
                }
            } else if (s instanceof HCLArray a) {
                List<Symbol> inner = a.getChildren();
                if (inner.size() == 1 && inner.get(0) instanceof Operator o && "*".equals(o.getName())) {
                    Expr each = traversalOnto(new Expr.SplatItem(pos(a)), steps, i + 1);
                    return new Expr.Splat(cur, each, pos(a));
                }
                cur = new Expr.Index(cur, sequence(inner, false, pos(a)), pos(a));
            } else {
                problem(pos(s), "unexpected " + describe(s) + " in a reference");
                return new Expr.Invalid("unexpected " + describe(s), pos(s));
            }
        }
        return cur == null ? new Expr.Invalid("empty reference", HclPos.NONE) : cur;
    }

    private Expr call(Function f) {
        List<Expr> args = items(f.getChildren());
        return new Expr.Call(Masking.functionName(f.getName()), args, expandsLast(f), pos(f));
    }

    /** The lexer drops {@code ...} after the last argument: look at the text before the ')'. */
    private boolean expandsLast(Function f) {
        Long p = offset(f);
        if (p == null) {
            return false;
        }
        String t = src.text();
        int open = t.indexOf('(', (int) Math.min(p, t.length()));
        if (open < 0) {
            return false;
        }
        int close = src.matchingClose(open);
        if (close < 0) {
            return false;
        }
        int i = close - 1;
        while (i > open && Character.isWhitespace(t.charAt(i))) {
            i--;
        }
        if (i > open && t.charAt(i) == ',') {
            i--;
            while (i > open && Character.isWhitespace(t.charAt(i))) {
                i--;
            }
        }
        return i - 2 > open && t.startsWith("...", i - 2);
    }

    private Expr object(Symbol s) {
        List<Expr.ObjectItem> items = new ArrayList<>();
        for (Symbol ch : s.getChildren()) {
            tick(ch);
            if (ch instanceof HCLAttribute a) {
                int[] paren = masking.keyRegion(a.getName());
                if (paren == null && offset(a) != null) {
                    paren = masking.parenKey(offset(a));
                }
                String number = offset(a) == null ? null : masking.numberKey(offset(a));
                Expr key = number != null ? new Expr.Literal(number, pos(a))
                        : a.runtimeName != null ? stringTemplate(a.runtimeName)
                        : paren != null ? new Expr.Paren(snippet(paren[0], paren[1]), map.apply(paren[0] - 1))
                        : new Expr.Literal(String.valueOf(a.getName()), pos(a));
                Expr value = a.getChildren().isEmpty() ? new Expr.Invalid("no value", pos(a))
                        : sequence(a.getChildren(), false, pos(a));
                if (a.getChildren().isEmpty()) {
                    problem(pos(a), "object key " + a.getName() + " has no value");
                }
                items.add(new Expr.ObjectItem(key, value));
            } else if (!(ch instanceof StringInterpolatedExpression)) {
                // an interpolated key appears twice in the lexer tree; the attribute carries it
                problem(pos(ch), "unexpected " + describe(ch) + " in an object");
            }
        }
        return new Expr.ObjectCons(items, pos(s));
    }

    // ---------------------------------------------------------------- for-expressions

    /**
     * {@code [for ...]} and {@code {for ...}}, re-read from the text: the lexer loses the key and
     * value of object for-expressions.
     */
    private Expr forExpression(Symbol s) {
        Long p = offset(s);
        return new HclForExpressions(src, diagnostics, this::snippet).read(p == null ? -1 : (int) (long) p, pos(s));
    }
    /** Re-lexes the text {@code [from, to)} of {@link #src} as one expression, with exact positions. */
    Expr snippet(int from, int to) {
        String t = src.text();
        while (from < to && Character.isWhitespace(t.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(t.charAt(to - 1))) {
            to--;
        }
        int base = from;
        return subExpression(t.substring(from, to), o -> map.apply(base + o), map.apply(from));
    }

    /**
     * Lexes {@code text} as an expression in parentheses (newlines allowed); {@code offsets} maps
     * offsets of {@code text} to file positions.
     */
    Expr subExpression(String text, LongFunction<HclPos> offsets, HclPos at) {
        if (text.isBlank()) {
            problem(at, "an expression is missing");
            return new Expr.Invalid("missing expression", at);
        }
        String snippet = SNIPPET_PREFIX + text + "\n)\n";
        HclText st = new HclText(snippet);
        HclText.Problem sp = st.validate(diagnostics.limits().maxNestingDepth());
        if (sp != null) {
            problem(at, sp.message());
            return new Expr.Invalid(sp.message(), at);
        }
        Masking sm = Masking.of(st, true);
        List<Symbol> syms;
        try {
            syms = HclLexer.lex(sm.text());
        } catch (HclLexer.LexFailure f) {
            problem(at, f.getMessage());
            return new Expr.Invalid(f.getMessage(), at);
        }
        HclSymbols inner = new HclSymbols(diagnostics, st, sm, o -> o < SNIPPET_PREFIX.length() ? at
                : offsets.apply(Math.min(o - SNIPPET_PREFIX.length(), text.length())), 0);
        if (syms.size() != 1 || !(syms.get(0) instanceof HCLAttribute a) || a.getChildren().size() != 1
                || !(a.getChildren().get(0) instanceof GroupedExpression g)) {
            problem(at, "cannot read the expression");
            return new Expr.Invalid("unreadable expression", at);
        }
        return inner.sequence(g.getChildren(), false, at);
    }

    // ---------------------------------------------------------------- templates

    /** A quoted string with interpolations: the lexer gives literal parts and expressions joined by '+'. */
    private Expr stringTemplate(StringInterpolatedExpression sie) {
        List<Object> pieces = new ArrayList<>();
        for (Symbol ch : sie.getChildren()) {
            tick(ch);
            if (ch instanceof Operator o && "+".equals(o.getName())) {
                continue;
            }
            if (ch instanceof HCLValue v && "string".equals(v.type)) {
                pieces.add(v.value == null ? "" : String.valueOf(v.value));
            } else if (ch instanceof StringInterpolatedExpression inner) {
                pieces.add(inner.getChildren().isEmpty() ? new Expr.Literal("", pos(inner))
                        : sequence(inner.getChildren(), false, pos(inner)));
            } else {
                pieces.add(operand(ch));
            }
        }
        HclPos p = pos(sie);
        HclPos at = p.column() > 1 ? new HclPos(p.line(), p.column() - 1) : p;
        return templates().template(pieces, at);
    }

    private String typeText(Symbol s) {
        StringBuilder b = new StringBuilder(String.valueOf(s.getName()));
        if (!s.getChildren().isEmpty()) {
            b.append('(');
            List<String> parts = new ArrayList<>();
            for (Symbol ch : s.getChildren()) {
                parts.add(ch instanceof HCLBlock || ch instanceof HCLMap ? "{...}" : typeText(ch));
            }
            b.append(String.join(", ", parts)).append(')');
        }
        return b.toString();
    }

    /** Walks a symbol sequence; knows the lexer's operator quirks. */
    private static final class Cursor {
        private final List<Symbol> syms;
        private final boolean listContext;
        private int i;

        Cursor(List<Symbol> syms, boolean listContext) {
            this.syms = syms;
            this.listContext = listContext;
        }

        boolean more() {
            return i < syms.size();
        }

        Symbol peek() {
            return syms.get(i);
        }

        Symbol peekAt(int ahead) {
            return i + ahead < syms.size() ? syms.get(i + ahead) : null;
        }

        Symbol next() {
            return syms.get(i++);
        }

        HclPos lastPos() {
            return HclPos.NONE;
        }

        boolean isValue(String text) {
            return more() && peek() instanceof HCLValue v && text.equals(String.valueOf(v.value));
        }

        boolean isOperator(String name) {
            return more() && peek() instanceof Operator o && name.equals(o.getName());
        }

        /** The lexer reads {@code a -1} as the operand {@code -1}; only outside lists is it a subtraction. */
        boolean isNegativeNumber() {
            if (listContext || !more() || !(peek() instanceof HCLValue v) || !"number".equals(v.type)) {
                return false;
            }
            String s = String.valueOf(v.value);
            return s.length() > 1 && s.startsWith("-");
        }

        /** The binary operator at the cursor, or null. */
        String binaryOperator() {
            Symbol s = peek();
            if (s instanceof Operator o && PRECEDENCE.containsKey(o.getName())) {
                return o.getName();
            }
            if (s instanceof HCLValue v && "number".equals(v.type) && "-".equals(String.valueOf(v.value))) {
                return "-";
            }
            if (isNegativeNumber()) {
                return "-";
            }
            return null;
        }
    }

    private static int skipSpace(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String describe(Symbol s) {
        if (s instanceof HCLValue v) {
            return "value " + v.value;
        }
        if (s instanceof Operator o) {
            return "operator '" + o.getName() + "'";
        }
        String n = s.getName();
        return s.getSymbolName().toLowerCase(java.util.Locale.ROOT) + (n == null ? "" : " '" + n + "'");
    }
}
