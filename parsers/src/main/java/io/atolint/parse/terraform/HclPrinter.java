package io.atolint.parse.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an expression back as HCL in one canonical layout: for messages ({@code multi_az = var.env
 * == "prod"} is UNKNOWN) and for the fidelity comparison with HashiCorp's parser.
 */
public final class HclPrinter {
    private HclPrinter() {
    }

    public static String print(Expr e) {
        StringBuilder b = new StringBuilder();
        print(e, b);
        return b.toString();
    }

    private static void print(Expr e, StringBuilder b) {
        if (e instanceof Expr.Literal l) {
            literal(l.value(), b);
        } else if (e instanceof Expr.Template t) {
            b.append('"');
            templateBody(t, b);
            b.append('"');
        } else if (e instanceof Expr.TemplateIf t) {
            b.append('"');
            templateBody(new Expr.Template(List.of(t), t.pos()), b);
            b.append('"');
        } else if (e instanceof Expr.TemplateFor t) {
            b.append('"');
            templateBody(new Expr.Template(List.of(t), t.pos()), b);
            b.append('"');
        } else if (e instanceof Expr.Variable v) {
            b.append(v.name());
        } else if (e instanceof Expr.GetAttr g) {
            print(g.target(), b);
            b.append('.').append(g.name());
        } else if (e instanceof Expr.Index i) {
            print(i.target(), b);
            b.append('[');
            print(i.key(), b);
            b.append(']');
        } else if (e instanceof Expr.Splat s) {
            print(s.source(), b);
            b.append(s.legacy() ? ".*" : "[*]");
            String each = print(s.each());
            b.append(each.startsWith("*") ? each.substring(1) : each);
        } else if (e instanceof Expr.SplatItem s) {
            b.append('*');
        } else if (e instanceof Expr.Call c) {
            b.append(c.name()).append('(');
            join(c.args(), b);
            if (c.expandLast()) {
                b.append("...");
            }
            b.append(')');
        } else if (e instanceof Expr.Tuple t) {
            b.append('[');
            join(t.items(), b);
            b.append(']');
        } else if (e instanceof Expr.ObjectCons o) {
            b.append('{');
            List<String> items = new ArrayList<>();
            for (Expr.ObjectItem it : o.items()) {
                String key = it.key() instanceof Expr.Literal l && l.value() instanceof String s
                        && s.matches("[A-Za-z_][A-Za-z0-9_-]*") ? s : print(it.key());
                items.add(key + " = " + print(it.value()));
            }
            b.append(String.join(", ", items)).append('}');
        } else if (e instanceof Expr.Unary u) {
            b.append(u.op());
            print(u.operand(), b);
        } else if (e instanceof Expr.Binary bin) {
            print(bin.left(), b);
            b.append(' ').append(bin.op()).append(' ');
            print(bin.right(), b);
        } else if (e instanceof Expr.Conditional c) {
            print(c.condition(), b);
            b.append(" ? ");
            print(c.then(), b);
            b.append(" : ");
            print(c.otherwise(), b);
        } else if (e instanceof Expr.For f) {
            b.append(f.isObject() ? '{' : '[').append("for ");
            if (f.keyVar() != null) {
                b.append(f.keyVar()).append(", ");
            }
            b.append(f.valueVar()).append(" in ");
            print(f.collection(), b);
            b.append(" : ");
            if (f.isObject()) {
                print(f.keyExpr(), b);
                b.append(" => ");
            }
            print(f.valueExpr(), b);
            if (f.grouping()) {
                b.append("...");
            }
            if (f.condition() != null) {
                b.append(" if ");
                print(f.condition(), b);
            }
            b.append(f.isObject() ? '}' : ']');
        } else if (e instanceof Expr.Paren p) {
            b.append('(');
            print(p.inner(), b);
            b.append(')');
        } else if (e instanceof Expr.TypeExpr t) {
            b.append(t.text());
        } else if (e instanceof Expr.Invalid i) {
            b.append("<invalid: ").append(i.reason()).append('>');
        }
    }

    private static void templateBody(Expr.Template t, StringBuilder b) {
        for (Expr p : t.parts()) {
            if (p instanceof Expr.Literal l && l.value() instanceof String s) {
                b.append(escape(s).replace("${", "$${").replace("%{", "%%{"));
            } else if (p instanceof Expr.TemplateIf ti) {
                b.append("%{if ");
                print(ti.condition(), b);
                b.append('}');
                templateBody((Expr.Template) ti.then(), b);
                Expr.Template otherwise = (Expr.Template) ti.otherwise();
                if (!otherwise.parts().isEmpty()) {
                    b.append("%{else}");
                    templateBody(otherwise, b);
                }
                b.append("%{endif}");
            } else if (p instanceof Expr.TemplateFor tf) {
                b.append("%{for ");
                if (tf.keyVar() != null) {
                    b.append(tf.keyVar()).append(", ");
                }
                b.append(tf.valueVar()).append(" in ");
                print(tf.collection(), b);
                b.append('}');
                templateBody((Expr.Template) tf.body(), b);
                b.append("%{endfor}");
            } else {
                b.append("${");
                print(p, b);
                b.append('}');
            }
        }
    }

    private static void join(List<Expr> items, StringBuilder b) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            print(items.get(i), b);
        }
    }

    private static void literal(Object v, StringBuilder b) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            b.append('"').append(escape(s)).append('"');
        } else if (v instanceof BigDecimal d) {
            b.append(d.stripTrailingZeros().toPlainString());
        } else {
            b.append(v);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r");
    }
}
