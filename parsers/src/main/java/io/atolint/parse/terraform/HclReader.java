package io.atolint.parse.terraform;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedTuple;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForConditional;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForSource;
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
import io.atolint.model.Finding;
import io.atolint.model.Numbers;
import io.atolint.model.SourceLocation;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adapter around hcl4j, and the only class that knows it: reads HCL text into
 * {@link HclBody}/{@link Expr} trees with 1-based positions.
 *
 * <p>Only hcl4j's lexer is used. {@code HCLParser} evaluates expressions with unknown variables into
 * concrete, often wrong values, has no positions and prints to standard output. The lexer
 * ({@code HCLLexer}) is package-private: it is reached by reflection, which works on the class path
 * and keeps hcl4j's package free of our classes (a class of ours in its package would be a split
 * package and a surprise for readers). The lexer never prints.
 *
 * <p>The lexer's tree is flat (operands and operators in sequence, commas dropped); this class parses
 * those sequences with HCL's operator precedence and works around what the lexer gets wrong:
 * <ul>
 *   <li>it accepts unbalanced braces, unterminated heredocs and comments silently: {@link HclText}
 *       checks the structure first and the file becomes one positioned PARSE001;</li>
 *   <li>it drops the key and value of {@code {for k, v in m : k => v}}, and the {@code ...} of an
 *       expanded argument: for-expressions are re-read from the source text, part by part;</li>
 *   <li>it reads {@code a - 1} as the number {@code -} and {@code a -1} as the number {@code -1};
 *       it reads the legacy splat {@code a.*.id} as a multiplication;</li>
 *   <li>it leaves heredocs and {@code %{}} directives as raw text: templates are parsed here, their
 *       interpolations re-lexed.</li>
 * </ul>
 * Known gaps that stay a PARSE001 at the position the lexer gives: a parenthesised object key
 * {@code { (var.k) = 1 }}.
 */
public final class HclReader {
    private static final Constructor<?> LEXER;
    private static final Method YYLEX;
    private static final Field ELEMENTS;
    private static final Pattern LEXER_POSITION = Pattern.compile("line: (\\d+) col: (\\d+)");
    private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?\\d+");
    private static final String SNIPPET_PREFIX = "_ = (";
    private static final int CHUNK = 2048;
    private static final Pattern BLOCK_HEADER = Pattern.compile(
            "\\s*([A-Za-z_][\\w-]*)(?:[ \\t]+(?:\"(?:[^\"\\\\\\n]|\\\\.)*\"|[A-Za-z_][\\w-]*))*[ \\t]*\\{");
    private static final Pattern HEADER_WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Za-z_][\\w-]*)");
    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("||", 1), Map.entry("&&", 2), Map.entry("==", 3), Map.entry("!=", 3),
            Map.entry("<", 4), Map.entry(">", 4), Map.entry("<=", 4), Map.entry(">=", 4),
            Map.entry("+", 5), Map.entry("-", 5), Map.entry("*", 6), Map.entry("/", 6), Map.entry("%", 6));

    static {
        try {
            Class<?> c = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
            LEXER = c.getDeclaredConstructor(java.io.Reader.class);
            LEXER.setAccessible(true);
            YYLEX = c.getDeclaredMethod("yylex");
            YYLEX.setAccessible(true);
            ELEMENTS = c.getDeclaredField("elementStack");
            ELEMENTS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String path;
    private final Limits limits;
    private final List<Finding> problems = new ArrayList<>();
    private int budget;

    private HclReader(String path, Limits limits) {
        this.path = path;
        this.limits = limits;
        this.budget = limits.maxResolutionSteps();
    }

    /** Reads a file; on a syntax error the body is empty and the problem is a positioned PARSE001. */
    public static HclFile read(String path, String text, Limits limits) {
        HclReader r = new HclReader(path, limits);
        HclBody body = r.readFile(text);
        return new HclFile(path, body, r.problems);
    }

    /** Reads one expression (a {@code --var} value); null when it does not parse. */
    public static Expr readExpression(String text, Limits limits) {
        HclReader r = new HclReader("<expression>", limits);
        HclText t = new HclText(text);
        if (t.validate(limits.maxNestingDepth()) != null) {
            return null;
        }
        Converter c = r.new Converter(t, Masking.NONE, o -> HclPos.NONE);
        Expr e = c.snippet(0, text.length());
        return r.problems.isEmpty() ? e : null;
    }

    private HclBody readFile(String text) {
        HclText t = new HclText(text);
        HclText.Problem p = t.validate(limits.maxNestingDepth());
        if (p != null) {
            problem(t.pos(p.offset()), p.message());
            return HclBody.EMPTY;
        }
        Masking masking = Masking.of(t);
        List<HclAttribute> attributes = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        int before = problems.size();
        try {
            if (!readBody(t, masking, 0, text.length(), true, attributes, blocks)) {
                return HclBody.EMPTY;
            }
        } catch (BudgetExceeded e) {
            problems.add(ParseFindings.limit(SourceLocation.at(path, Math.max(1, e.pos().line()), Math.max(1, e.pos().column())),
                    "not read: the file has more than " + limits.maxResolutionSteps() + " syntax elements (raise it with --limit resolution-steps=N)"));
            return HclBody.EMPTY;
        }
        HclBody body = new HclBody(attributes, blocks);
        if (problems.size() > before) {
            return HclBody.EMPTY; // Terraform rejects the whole file; a half-read one could mislead the rules
        }
        return body;
    }

    /**
     * Reads the statements of {@code [from, to)} (a file, or the inside of a block) into
     * {@code attributes} and {@code blocks}. hcl4j's lexer looks ahead to the end of its input at
     * every block header, which makes one call on a large text quadratic; so the text is lexed in
     * pieces of a few kilobytes cut between statements, and a block larger than that is split at its
     * braces: header read here, body read the same way. False after a lexer error (reported).
     */
    private boolean readBody(HclText t, Masking masking, int from, int to, boolean topLevel,
                             List<HclAttribute> attributes, List<HclBlock> blocks) {
        String text = t.text();
        List<Integer> cuts = new ArrayList<>();
        t.visitRange(from, to, new HclText.Visitor() {
            @Override
            public void code(int offset, int depth) {
                if (depth == 0 && text.charAt(offset) == '\n') {
                    cuts.add(offset + 1);
                }
            }
        });
        cuts.add(to);
        int chunkStart = from;
        int stmtStart = from;
        for (int cut : cuts) {
            if (cut <= stmtStart) {
                continue;
            }
            if (cut - stmtStart > CHUNK) {
                int[] header = bigBlockHeader(t, stmtStart, cut);
                if (header != null) {
                    if (!lexChunk(t, masking, chunkStart, stmtStart, topLevel, attributes, blocks)) {
                        return false;
                    }
                    List<HclAttribute> innerAttrs = new ArrayList<>();
                    List<HclBlock> innerBlocks = new ArrayList<>();
                    if (!readBody(t, masking, header[1] + 1, header[2], false, innerAttrs, innerBlocks)) {
                        return false;
                    }
                    List<String> names = blockNames(text.substring(header[0], header[1]));
                    blocks.add(new HclBlock(names.get(0), names.subList(1, names.size()),
                            new HclBody(innerAttrs, innerBlocks), t.pos(header[0])));
                    chunkStart = cut;
                    stmtStart = cut;
                    continue;
                }
            }
            stmtStart = cut;
            if (cut - chunkStart >= CHUNK) {
                if (!lexChunk(t, masking, chunkStart, cut, topLevel, attributes, blocks)) {
                    return false;
                }
                chunkStart = cut;
            }
        }
        return lexChunk(t, masking, chunkStart, to, topLevel, attributes, blocks);
    }

    private boolean lexChunk(HclText t, Masking masking, int from, int to, boolean topLevel,
                             List<HclAttribute> attributes, List<HclBlock> blocks) {
        if (from >= to || t.text().substring(from, to).isBlank()) {
            return true;
        }
        List<Symbol> symbols;
        try {
            symbols = lex(masking.text().substring(from, to));
        } catch (LexFailure f) {
            HclPos start = t.pos(from);
            HclPos at = f.pos == null ? start : new HclPos(start.line() + f.pos.line() - 1,
                    f.pos.line() == 1 ? start.column() + f.pos.column() - 1 : f.pos.column());
            problem(at, f.getMessage());
            return false;
        }
        HclBody part = new Converter(t, masking, t::pos, from).body(symbols, topLevel);
        attributes.addAll(part.attributes());
        blocks.addAll(part.blocks());
        return true;
    }

    /**
     * For a statement that is a block ({@code type "label" label {}}): the offsets of its first word,
     * its '{' and its '}'; null for an attribute.
     */
    private static int[] bigBlockHeader(HclText t, int from, int to) {
        Matcher m = BLOCK_HEADER.matcher(t.text()).region(from, to);
        if (!m.lookingAt()) {
            return null;
        }
        int open = m.end() - 1;
        int close = t.matchingClose(open);
        if (close < 0 || close >= to) {
            return null;
        }
        return new int[]{m.start(1), open, close};
    }

    private static List<String> blockNames(String header) {
        List<String> out = new ArrayList<>();
        Matcher m = HEADER_WORD.matcher(header);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2));
        }
        return out;
    }

    private void problem(HclPos at, String message) {
        problems.add(ParseFindings.invalid(SourceLocation.at(path, Math.max(1, at.line()), Math.max(1, at.column())),
                "invalid HCL: " + message));
    }

    /** Why the lexer stopped, positioned when its message says where. */
    private static final class LexFailure extends Exception {
        private final transient HclPos pos;

        LexFailure(String message, HclPos pos) {
            super(message);
            this.pos = pos;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Symbol> lex(String text) throws LexFailure {
        try {
            Object lexer = LEXER.newInstance(new StringReader(text));
            YYLEX.invoke(lexer);
            return new ArrayList<>((List<Symbol>) ELEMENTS.get(lexer));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String msg = cause == null ? "lexer failure" : String.valueOf(cause.getMessage());
            Matcher m = LEXER_POSITION.matcher(msg);
            HclPos at = m.find() ? new HclPos(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
            if (cause instanceof StackOverflowError) {
                msg = "nests too deeply";
            } else if (cause instanceof RuntimeException && !(cause.getClass().getName().contains("hcl4j"))) {
                msg = "cannot be read (" + cause.getClass().getSimpleName() + ")";
            }
            throw new LexFailure(msg.replace('\n', ' ').replace("\r", ""), at);
        } catch (ReflectiveOperationException e) {
            throw new LexFailure("cannot start the HCL lexer: " + e, null);
        }
    }

    /**
     * Turns lexer symbols of one text (the file, or a snippet re-lexed from it) into our tree;
     * {@code map} turns offsets of {@code src} into file positions.
     */
    private final class Converter {
        private final HclText src;
        private final Masking masking;
        private final LongFunction<HclPos> map;
        private final long base;

        Converter(HclText src, Masking masking, LongFunction<HclPos> map) {
            this(src, masking, map, 0);
        }

        /** {@code base}: where in {@code src} the lexed text starts (files are lexed in chunks). */
        Converter(HclText src, Masking masking, LongFunction<HclPos> map, long base) {
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
            if (--budget < 0) {
                throw new BudgetExceeded(pos(at));
            }
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
                raw = stripIndent(raw);
            }
            return template(List.of(raw), map.apply(r.start()), true);
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
            // an index after a term that is not a reference: ["a", "b"][1], f(x)[0], (x)[0] (hcl4j gives the
            // term, then the index as an array literal of its own)
            while (c.more() && c.peek() instanceof HCLArray idx && !(e instanceof Expr.Invalid) && indexes(idx, c.listContext)) {
                c.next();
                List<Symbol> inner = idx.getChildren();
                if (inner.size() == 1 && inner.get(0) instanceof Operator o && "*".equals(o.getName())) {
                    e = new Expr.Splat(e, new Expr.SplatItem(pos(idx)), pos(idx));
                } else {
                    e = new Expr.Index(e, sequence(inner, false, pos(idx)), pos(idx));
                }
            }
            // legacy splat `a.*.b`: the lexer gives a, *, ".", b
            if (c.isOperator("*") && c.peekAt(1) instanceof HCLValue dot && ".".equals(String.valueOf(dot.value))) {
                Symbol star = c.next();
                c.next();
                Expr each = new Expr.SplatItem(pos(star));
                if (c.more() && c.peek() instanceof VariableTree rest) {
                    c.next();
                    each = traversalOnto(each, rest.getChildren(), 0);
                }
                return new Expr.Splat(e, each, pos(star));
            }
            // 1.5e3: the lexer splits the exponent off as a name
            if (e instanceof Expr.Literal l && l.value() instanceof BigDecimal d && c.more()
                    && c.peek() instanceof VariableTree vt && EXPONENT.matcher(String.valueOf(vt.getName())).matches()) {
                c.next();
                BigDecimal withExponent = Numbers.parse(d.toPlainString() + vt.getName());
                return withExponent == null ? new Expr.Invalid("number out of range", l.pos())
                        : new Expr.Literal(withExponent, l.pos());
            }
            return e;
        }

        /**
         * Whether an array literal right after a term indexes it: always outside a list; inside one (whose
         * commas the lexer dropped) only when no comma separates it from the term.
         */
        private boolean indexes(HCLArray a, boolean listContext) {
            if (!listContext) {
                return true;
            }
            Long p = offset(a);
            if (p == null) {
                return false;
            }
            String t = src.text();
            int i = (int) Math.min(p, t.length()) - 1;
            while (i >= 0 && Character.isWhitespace(t.charAt(i))) {
                i--;
            }
            return i >= 0 && t.charAt(i) != ',' && t.charAt(i) != '[' && t.charAt(i) != '(';
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
                        return region.heredoc() ? heredoc(region) : forExpression(region.start(), map.apply(region.start()));
                    }
                    if (str.contains("${") || str.contains("%{")) {
                        return template(List.of(str), pos(v), false);
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
            return new Expr.Call(f.getName(), args, expandsLast(f), pos(f));
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
                    int[] paren = offset(a) == null ? null : masking.parenKey(offset(a));
                    Expr key = a.runtimeName != null ? stringTemplate(a.runtimeName)
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
            return forExpression(p == null ? -1 : (int) (long) p, pos(s));
        }

        private Expr forExpression(int open, HclPos at) {
            String t = src.text();
            if (open < 0 || open >= t.length() || (t.charAt(open) != '[' && t.charAt(open) != '{')) {
                problem(at, "cannot locate the for-expression in the text");
                return new Expr.Invalid("for-expression", at);
            }
            boolean object = t.charAt(open) == '{';
            int close = src.matchingClose(open);
            if (close < 0) {
                problem(at, "for-expression is never closed");
                return new Expr.Invalid("for-expression", at);
            }
            int forKw = skipSpace(t, open + 1);
            if (!t.startsWith("for", forKw)) {
                problem(at, "expected 'for'");
                return new Expr.Invalid("for-expression", at);
            }
            int in = src.findTopLevel(forKw + 3, close, i -> isWord(t, i, "in"));
            if (in < 0) {
                problem(at, "for-expression without 'in'");
                return new Expr.Invalid("for-expression", at);
            }
            String[] vars = t.substring(forKw + 3, in).split(",");
            String keyVar = vars.length == 2 ? vars[0].strip() : null;
            String valueVar = vars[vars.length - 1].strip();
            int colon = colonOfFor(in + 2, close);
            if (colon < 0) {
                problem(at, "for-expression without ':'");
                return new Expr.Invalid("for-expression", at);
            }
            Expr collection = snippet(in + 2, colon);
            int ifKw = src.findTopLevel(colon + 1, close, i -> isWord(t, i, "if"));
            int bodyEnd = ifKw < 0 ? close : ifKw;
            Expr condition = ifKw < 0 ? null : snippet(ifKw + 2, close);
            Expr keyExpr = null;
            boolean grouping = false;
            int valueStart = colon + 1;
            int valueEnd = bodyEnd;
            if (object) {
                int arrow = src.findTopLevel(colon + 1, bodyEnd, i -> t.startsWith("=>", i));
                if (arrow < 0) {
                    problem(at, "object for-expression without '=>'");
                    return new Expr.Invalid("for-expression", at);
                }
                keyExpr = snippet(colon + 1, arrow);
                valueStart = arrow + 2;
                int e = valueEnd - 1;
                while (e > valueStart && Character.isWhitespace(t.charAt(e))) {
                    e--;
                }
                if (e - 2 >= valueStart && t.startsWith("...", e - 2)) {
                    grouping = true;
                    valueEnd = e - 2;
                }
            }
            Expr value = snippet(valueStart, valueEnd);
            return new Expr.For(keyVar, valueVar, collection, keyExpr, value, condition, grouping, at);
        }

        /** The ':' that ends the collection, skipping the ':' of conditionals in it. */
        private int colonOfFor(int from, int to) {
            String t = src.text();
            int[] pending = {0};
            return src.findTopLevel(from, to, i -> {
                char c = t.charAt(i);
                if (c == '?') {
                    pending[0]++;
                    return false;
                }
                if (c == ':') {
                    if (pending[0] > 0) {
                        pending[0]--;
                        return false;
                    }
                    return true;
                }
                return false;
            });
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
            HclText.Problem sp = st.validate(limits.maxNestingDepth());
            if (sp != null) {
                problem(at, sp.message());
                return new Expr.Invalid(sp.message(), at);
            }
            Masking sm = Masking.of(st);
            List<Symbol> syms;
            try {
                syms = lex(sm.text());
            } catch (LexFailure f) {
                problem(at, f.getMessage());
                return new Expr.Invalid(f.getMessage(), at);
            }
            Converter inner = new Converter(st, sm, o -> o < SNIPPET_PREFIX.length() ? at
                    : offsets.apply(Math.min(o - SNIPPET_PREFIX.length(), text.length())));
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
            return template(pieces, at, false);
        }

        /**
         * Builds a template from literal text pieces (which may hold {@code ${}} and {@code %{}}
         * sequences still to parse) and already parsed expressions.
         */
        private Expr template(List<Object> pieces, HclPos at, boolean heredoc) {
            List<Object> tokens = new ArrayList<>();
            for (Object piece : pieces) {
                if (piece instanceof Expr e) {
                    tokens.add(e);
                } else {
                    scanTemplateText((String) piece, at, tokens);
                }
            }
            TemplateBuilder b = new TemplateBuilder(tokens, at);
            List<Expr> parts = b.parts(null);
            if (b.error != null) {
                problem(at, b.error);
                return new Expr.Invalid(b.error, at);
            }
            if (parts.isEmpty()) {
                return new Expr.Literal("", at);
            }
            if (parts.size() == 1 && parts.get(0) instanceof Expr.Literal l && l.value() instanceof String) {
                return l;
            }
            return new Expr.Template(parts, at);
        }

        /** Splits literal template text into strings, parsed interpolations and directive markers. */
        private void scanTemplateText(String text, HclPos at, List<Object> out) {
            StringBuilder lit = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if ((c == '$' || c == '%') && text.startsWith(c + "" + c + "{", i)) {
                    lit.append(c).append('{');
                    i += 3;
                    continue;
                }
                if ((c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    int close = HclText.closeOfInterpolation(text, i + 2);
                    if (close < 0) {
                        lit.append(text, i, text.length());
                        break;
                    }
                    if (lit.length() > 0) {
                        out.add(new Expr.Literal(lit.toString(), at));
                        lit.setLength(0);
                    }
                    String inner = text.substring(i + 2, close);
                    String stripped = stripTilde(inner);
                    if (c == '$') {
                        out.add(subExpression(stripped, o -> at, at));
                    } else {
                        out.add(directive(stripped.strip(), at));
                    }
                    i = close + 1;
                    continue;
                }
                lit.append(c);
                i++;
            }
            if (lit.length() > 0) {
                out.add(new Expr.Literal(lit.toString(), at));
            }
        }

        private Directive directive(String text, HclPos at) {
            String[] words = text.split("\\s+", 2);
            String kw = words[0];
            String rest = words.length > 1 ? words[1] : "";
            switch (kw) {
                case "if":
                    return new Directive("if", null, null, subExpression(rest, o -> at, at), at);
                case "else":
                case "endif":
                case "endfor":
                    return new Directive(kw, null, null, null, at);
                case "for": {
                    int in = rest.indexOf(" in ");
                    if (in < 0) {
                        return new Directive("bad", null, null, null, at);
                    }
                    String[] vars = rest.substring(0, in).split(",");
                    String keyVar = vars.length == 2 ? vars[0].strip() : null;
                    return new Directive("for", keyVar, vars[vars.length - 1].strip(),
                            subExpression(rest.substring(in + 4), o -> at, at), at);
                }
                default:
                    return new Directive("bad:" + kw, null, null, null, at);
            }
        }

        private static String stripTilde(String s) {
            String r = s;
            if (r.startsWith("~")) {
                r = r.substring(1);
            }
            if (r.endsWith("~")) {
                r = r.substring(0, r.length() - 1);
            }
            return r;
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
    }

    /** A {@code %{ ... }} directive between template parts. */
    private record Directive(String keyword, String keyVar, String valueVar, Expr expr, HclPos pos) {
    }

    /** Nests the flat token list of a template into if/for parts. */
    private static final class TemplateBuilder {
        private final List<Object> tokens;
        private final HclPos at;
        private int i;
        private String error;

        TemplateBuilder(List<Object> tokens, HclPos at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Parts until one of the {@code stops} keywords (consumed by the caller) or the end. */
        List<Expr> parts(List<String> stops) {
            List<Expr> out = new ArrayList<>();
            while (i < tokens.size() && error == null) {
                Object t = tokens.get(i);
                if (t instanceof Directive d) {
                    if (stops != null && stops.contains(d.keyword())) {
                        return out;
                    }
                    i++;
                    switch (d.keyword()) {
                        case "if" -> {
                            List<Expr> then = parts(List.of("else", "endif"));
                            List<Expr> otherwise = List.of();
                            if (i < tokens.size() && tokens.get(i) instanceof Directive e && e.keyword().equals("else")) {
                                i++;
                                otherwise = parts(List.of("endif"));
                            }
                            if (!(i < tokens.size() && tokens.get(i) instanceof Directive e && e.keyword().equals("endif"))) {
                                error = "%{ if } without %{ endif }";
                                return out;
                            }
                            i++;
                            out.add(new Expr.TemplateIf(d.expr(), new Expr.Template(then, d.pos()),
                                    new Expr.Template(otherwise, d.pos()), d.pos()));
                        }
                        case "for" -> {
                            List<Expr> body = parts(List.of("endfor"));
                            if (!(i < tokens.size() && tokens.get(i) instanceof Directive e && e.keyword().equals("endfor"))) {
                                error = "%{ for } without %{ endfor }";
                                return out;
                            }
                            i++;
                            out.add(new Expr.TemplateFor(d.keyVar(), d.valueVar(), d.expr(),
                                    new Expr.Template(body, d.pos()), d.pos()));
                        }
                        default -> {
                            error = "unexpected template directive %{ " + d.keyword() + " }";
                            return out;
                        }
                    }
                } else {
                    out.add((Expr) t);
                    i++;
                }
            }
            if (stops != null && error == null) {
                error = "template directive not closed (expected %{ " + String.join(" } or %{ ", stops) + " })";
            }
            return out;
        }
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

    /** The evaluation-step budget of {@link Limits} ran out while converting (a pathological file). */
    static final class BudgetExceeded extends RuntimeException {
        private final transient HclPos pos;

        BudgetExceeded(HclPos pos) {
            super("expression too large", null, false, false);
            this.pos = pos;
        }

        HclPos pos() {
            return pos;
        }
    }

    private static int skipSpace(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWord(String t, int i, String word) {
        if (!t.startsWith(word, i)) {
            return false;
        }
        boolean before = i == 0 || !(Character.isLetterOrDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '_'
                || t.charAt(i - 1) == '.' || t.charAt(i - 1) == '-');
        int after = i + word.length();
        boolean afterOk = after >= t.length() || !(Character.isLetterOrDigit(t.charAt(after)) || t.charAt(after) == '_'
                || t.charAt(after) == '-');
        return before && afterOk;
    }

    /** {@code <<-} heredocs drop the smallest indentation of their non-blank lines. */
    static String stripIndent(String raw) {
        String[] lines = raw.split("\n", -1);
        int min = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            int n = 0;
            while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
                n++;
            }
            min = Math.min(min, n);
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k];
            b.append(l.length() >= min ? l.substring(min) : l.strip());
            if (k < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
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
