package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rewrites an expression bottom-up: {@code step} sees each node after its children were rewritten and
 * returns it or its replacement. Positions are kept.
 */
final class ExprRewriter {
    private ExprRewriter() {
    }

    static Expr rewrite(Expr e, Function<Expr, Expr> step) {
        if (e == null) {
            return null;
        }
        Expr r = e;
        if (e instanceof Expr.Template t) {
            r = new Expr.Template(all(t.parts(), step), t.pos());
        } else if (e instanceof Expr.TemplateIf t) {
            r = new Expr.TemplateIf(rewrite(t.condition(), step), rewrite(t.then(), step), rewrite(t.otherwise(), step), t.pos());
        } else if (e instanceof Expr.TemplateFor t) {
            r = new Expr.TemplateFor(t.keyVar(), t.valueVar(), rewrite(t.collection(), step), rewrite(t.body(), step), t.pos());
        } else if (e instanceof Expr.GetAttr g) {
            r = new Expr.GetAttr(rewrite(g.target(), step), g.name(), g.pos());
        } else if (e instanceof Expr.Index i) {
            r = new Expr.Index(rewrite(i.target(), step), rewrite(i.key(), step), i.pos());
        } else if (e instanceof Expr.Splat s) {
            r = new Expr.Splat(rewrite(s.source(), step), rewrite(s.each(), step), s.legacy(), s.pos());
        } else if (e instanceof Expr.Call c) {
            r = new Expr.Call(c.name(), all(c.args(), step), c.expandLast(), c.pos());
        } else if (e instanceof Expr.Tuple t) {
            r = new Expr.Tuple(all(t.items(), step), t.pos());
        } else if (e instanceof Expr.ObjectCons o) {
            List<Expr.ObjectItem> items = new ArrayList<>();
            for (Expr.ObjectItem item : o.items()) {
                items.add(new Expr.ObjectItem(rewrite(item.key(), step), rewrite(item.value(), step)));
            }
            r = new Expr.ObjectCons(items, o.pos());
        } else if (e instanceof Expr.Unary u) {
            r = new Expr.Unary(u.op(), rewrite(u.operand(), step), u.pos());
        } else if (e instanceof Expr.Binary b) {
            r = new Expr.Binary(b.op(), rewrite(b.left(), step), rewrite(b.right(), step), b.pos());
        } else if (e instanceof Expr.Conditional c) {
            r = new Expr.Conditional(rewrite(c.condition(), step), rewrite(c.then(), step), rewrite(c.otherwise(), step), c.pos());
        } else if (e instanceof Expr.For f) {
            r = new Expr.For(f.keyVar(), f.valueVar(), rewrite(f.collection(), step), rewrite(f.keyExpr(), step),
                    rewrite(f.valueExpr(), step), rewrite(f.condition(), step), f.grouping(), f.pos());
        } else if (e instanceof Expr.Paren p) {
            r = new Expr.Paren(rewrite(p.inner(), step), p.pos());
        }
        // Literal, Variable, SplatItem, TypeExpr and Invalid have no children
        return step.apply(r);
    }

    private static List<Expr> all(List<Expr> es, Function<Expr, Expr> step) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(rewrite(e, step));
        }
        return out;
    }
}
