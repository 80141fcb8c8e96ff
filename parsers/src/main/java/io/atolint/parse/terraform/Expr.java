package io.atolint.parse.terraform;

import java.util.List;

/**
 * An unevaluated HCL expression, as written: every node keeps its position. Bare object keys are
 * {@link Literal} strings (HCL's rule); a parenthesised key is any expression.
 */
public sealed interface Expr {

    HclPos pos();

    /** A string, {@link java.math.BigDecimal}, Boolean or null. */
    record Literal(Object value, HclPos pos) implements Expr {
    }

    /** A string with {@code ${}} interpolations and {@code %{}} directives: literal parts and expressions. */
    record Template(List<Expr> parts, HclPos pos) implements Expr {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** {@code %{ if cond }then%{ else }otherwise%{ endif }} inside a template. */
    record TemplateIf(Expr condition, Expr then, Expr otherwise, HclPos pos) implements Expr {
    }

    /** {@code %{ for k, v in coll }body%{ endfor }} inside a template; {@code keyVar} may be null. */
    record TemplateFor(String keyVar, String valueVar, Expr collection, Expr body, HclPos pos) implements Expr {
    }

    /** A root name: {@code var}, {@code local}, {@code aws_subnet}, {@code count}, a for-variable. */
    record Variable(String name, HclPos pos) implements Expr {
    }

    record GetAttr(Expr target, String name, HclPos pos) implements Expr {
    }

    record Index(Expr target, Expr key, HclPos pos) implements Expr {
    }

    /**
     * {@code source[*].a[0].b} (every following step applies to each element) or the legacy
     * {@code source.*.a.b} ({@code legacy}: only attribute steps do, an index ends it):
     * {@code each} is applied to every element, with {@link SplatItem} standing for the element.
     */
    record Splat(Expr source, Expr each, boolean legacy, HclPos pos) implements Expr {
        public Splat(Expr source, Expr each, HclPos pos) {
            this(source, each, false, pos);
        }
    }

    /** The element a {@link Splat} is applied to. */
    record SplatItem(HclPos pos) implements Expr {
    }

    /** {@code name(args)}; {@code expandLast} for {@code f(list...)}. */
    record Call(String name, List<Expr> args, boolean expandLast, HclPos pos) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Tuple(List<Expr> items, HclPos pos) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    record ObjectItem(Expr key, Expr value) {
    }

    record ObjectCons(List<ObjectItem> items, HclPos pos) implements Expr {
        public ObjectCons {
            items = List.copyOf(items);
        }
    }

    /** {@code !x}, {@code -x}. */
    record Unary(String op, Expr operand, HclPos pos) implements Expr {
    }

    /** Arithmetic, comparison and logic operators. */
    record Binary(String op, Expr left, Expr right, HclPos pos) implements Expr {
    }

    record Conditional(Expr condition, Expr then, Expr otherwise, HclPos pos) implements Expr {
    }

    /**
     * {@code [for k, v in coll : value if cond]} ({@code keyExpr} null) or
     * {@code {for k, v in coll : key => value... if cond}}; {@code keyVar} and {@code condition} may be null.
     */
    record For(String keyVar, String valueVar, Expr collection, Expr keyExpr, Expr valueExpr, Expr condition,
               boolean grouping, HclPos pos) implements Expr {
        public boolean isObject() {
            return keyExpr != null;
        }
    }

    record Paren(Expr inner, HclPos pos) implements Expr {
    }

    /** A type constraint ({@code list(string)}, {@code object({...})}); kept as text, never evaluated. */
    record TypeExpr(String text, HclPos pos) implements Expr {
    }

    /** What the reader could not make sense of; evaluates to UNKNOWN. */
    record Invalid(String reason, HclPos pos) implements Expr {
    }
}
