package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rewrites an expression bottom-up: {@code step} sees each node after its children were rewritten and
 * returns it or its replacement; {@code at} gives each rebuilt node its position (kept, or moved).
 */
final class ExprRewriter {
    private ExprRewriter() {
    }

    static Expr rewrite(Expr e, Function<Expr, Expr> step) {
        return rewrite(e, step, Function.identity());
    }

    /** The expression with every node at {@code to}: what it says, written elsewhere. */
    static Expr moved(Expr e, HclPos to) {
        return rewrite(e, Function.identity(), p -> to);
    }

    /** The expression with every node's position in another file (an override file's, merged elsewhere). */
    static Expr inFile(Expr e, String file) {
        return rewrite(e, Function.identity(), p -> p.in(file));
    }

    private static Expr rewrite(Expr e, Function<Expr, Expr> step, Function<HclPos, HclPos> at) {
        if (e == null) {
            return null;
        }
        Expr r = e;
        if (e instanceof Expr.Template t) {
            r = new Expr.Template(all(t.parts(), step, at), at.apply(t.pos()));
        } else if (e instanceof Expr.TemplateIf t) {
            r = new Expr.TemplateIf(rewrite(t.condition(), step, at), rewrite(t.then(), step, at),
                    rewrite(t.otherwise(), step, at), at.apply(t.pos()));
        } else if (e instanceof Expr.TemplateFor t) {
            r = new Expr.TemplateFor(t.keyVar(), t.valueVar(), rewrite(t.collection(), step, at), rewrite(t.body(), step, at),
                    at.apply(t.pos()));
        } else if (e instanceof Expr.GetAttr g) {
            r = new Expr.GetAttr(rewrite(g.target(), step, at), g.name(), at.apply(g.pos()));
        } else if (e instanceof Expr.Index i) {
            r = new Expr.Index(rewrite(i.target(), step, at), rewrite(i.key(), step, at), at.apply(i.pos()));
        } else if (e instanceof Expr.Splat s) {
            r = new Expr.Splat(rewrite(s.source(), step, at), rewrite(s.each(), step, at), s.legacy(), at.apply(s.pos()));
        } else if (e instanceof Expr.Call c) {
            r = new Expr.Call(c.name(), all(c.args(), step, at), c.expandLast(), at.apply(c.pos()));
        } else if (e instanceof Expr.Tuple t) {
            r = new Expr.Tuple(all(t.items(), step, at), at.apply(t.pos()));
        } else if (e instanceof Expr.ObjectCons o) {
            List<Expr.ObjectItem> items = new ArrayList<>();
            for (Expr.ObjectItem item : o.items()) {
                items.add(new Expr.ObjectItem(rewrite(item.key(), step, at), rewrite(item.value(), step, at)));
            }
            r = new Expr.ObjectCons(items, at.apply(o.pos()));
        } else if (e instanceof Expr.Unary u) {
            r = new Expr.Unary(u.op(), rewrite(u.operand(), step, at), at.apply(u.pos()));
        } else if (e instanceof Expr.Binary b) {
            r = new Expr.Binary(b.op(), rewrite(b.left(), step, at), rewrite(b.right(), step, at), at.apply(b.pos()));
        } else if (e instanceof Expr.Conditional c) {
            r = new Expr.Conditional(rewrite(c.condition(), step, at), rewrite(c.then(), step, at),
                    rewrite(c.otherwise(), step, at), at.apply(c.pos()));
        } else if (e instanceof Expr.For f) {
            r = new Expr.For(f.keyVar(), f.valueVar(), rewrite(f.collection(), step, at), rewrite(f.keyExpr(), step, at),
                    rewrite(f.valueExpr(), step, at), rewrite(f.condition(), step, at), f.grouping(), at.apply(f.pos()));
        } else if (e instanceof Expr.Paren p) {
            r = new Expr.Paren(rewrite(p.inner(), step, at), at.apply(p.pos()));
        } else if (e instanceof Expr.Literal l) {
            r = new Expr.Literal(l.value(), at.apply(l.pos()));
        } else if (e instanceof Expr.Variable v) {
            r = new Expr.Variable(v.name(), at.apply(v.pos()));
        } else if (e instanceof Expr.SplatItem i) {
            r = new Expr.SplatItem(at.apply(i.pos()));
        } else if (e instanceof Expr.TypeExpr t) {
            r = new Expr.TypeExpr(t.text(), at.apply(t.pos()));
        } else if (e instanceof Expr.Invalid i) {
            r = new Expr.Invalid(i.reason(), at.apply(i.pos()));
        }
        return step.apply(r);
    }

    private static List<Expr> all(List<Expr> es, Function<Expr, Expr> step, Function<HclPos, HclPos> at) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(rewrite(e, step, at));
        }
        return out;
    }
}
