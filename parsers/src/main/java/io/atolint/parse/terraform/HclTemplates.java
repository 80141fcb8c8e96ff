package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * Templates: the inside of a quoted string with {@code ${}} interpolations and {@code %{}} directives,
 * or of a heredoc (which hcl4j's lexer leaves as raw text). Literal text is split into strings,
 * interpolations (parsed as expressions by {@link Interpolations}) and directive markers, which are
 * then nested into {@code if}/{@code for} parts.
 */
final class HclTemplates {
    /** Parses the text of one {@code ${...}} interpolation or directive argument. */
    interface Interpolations {
        Expr parse(String text, HclPos at);
    }

    private final HclDiagnostics diagnostics;
    private final Interpolations interpolations;

    HclTemplates(HclDiagnostics diagnostics, Interpolations interpolations) {
        this.diagnostics = diagnostics;
        this.interpolations = interpolations;
    }

    /**
     * Builds a template from literal text pieces (which may hold {@code ${}} and {@code %{}}
     * sequences still to parse) and already parsed expressions.
     */
    Expr template(List<Object> pieces, HclPos at) {
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
            diagnostics.problem(at, b.error);
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
                    out.add(interpolations.parse(stripped, at));
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
                return new Directive("if", null, null, interpolations.parse(rest, at), at);
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
                        interpolations.parse(rest.substring(in + 4), at), at);
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
}
