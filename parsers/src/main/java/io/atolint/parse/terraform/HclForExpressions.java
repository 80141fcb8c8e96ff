package io.atolint.parse.terraform;

/**
 * For-expressions ({@code [for k, v in coll : value if cond]}, {@code {for k, v in coll : key => value...}})
 * re-read from the source text, part by part: hcl4j's lexer drops the key and value of object
 * for-expressions (and is unreliable on the others), so {@link Masking} hides them from it and each
 * part is parsed here as its own snippet, with exact positions.
 */
final class HclForExpressions {
    /** Parses the text {@code [from, to)} of the source as one expression. */
    interface Snippets {
        Expr snippet(int from, int to);
    }

    private final HclText src;
    private final HclDiagnostics diagnostics;
    private final Snippets snippets;

    HclForExpressions(HclText src, HclDiagnostics diagnostics, Snippets snippets) {
        this.src = src;
        this.diagnostics = diagnostics;
        this.snippets = snippets;
    }

    /** The for-expression whose bracket is at {@code open}. */
    Expr read(int open, HclPos at) {
        String t = src.text();
        if (open < 0 || open >= t.length() || (t.charAt(open) != '[' && t.charAt(open) != '{')) {
            diagnostics.problem(at, "cannot locate the for-expression in the text");
            return new Expr.Invalid("for-expression", at);
        }
        boolean object = t.charAt(open) == '{';
        int close = src.matchingClose(open);
        if (close < 0) {
            diagnostics.problem(at, "for-expression is never closed");
            return new Expr.Invalid("for-expression", at);
        }
        int forKw = skipSpace(t, open + 1);
        if (!t.startsWith("for", forKw)) {
            diagnostics.problem(at, "expected 'for'");
            return new Expr.Invalid("for-expression", at);
        }
        int in = src.findTopLevel(forKw + 3, close, i -> isWord(t, i, "in"));
        if (in < 0) {
            diagnostics.problem(at, "for-expression without 'in'");
            return new Expr.Invalid("for-expression", at);
        }
        String[] vars = t.substring(forKw + 3, in).split(",");
        String keyVar = vars.length == 2 ? vars[0].strip() : null;
        String valueVar = vars[vars.length - 1].strip();
        int colon = colonOfFor(in + 2, close);
        if (colon < 0) {
            diagnostics.problem(at, "for-expression without ':'");
            return new Expr.Invalid("for-expression", at);
        }
        Expr collection = snippets.snippet(in + 2, colon);
        int ifKw = src.findTopLevel(colon + 1, close, i -> isWord(t, i, "if"));
        int bodyEnd = ifKw < 0 ? close : ifKw;
        Expr condition = ifKw < 0 ? null : snippets.snippet(ifKw + 2, close);
        Expr keyExpr = null;
        boolean grouping = false;
        int valueStart = colon + 1;
        int valueEnd = bodyEnd;
        if (object) {
            int arrow = src.findTopLevel(colon + 1, bodyEnd, i -> t.startsWith("=>", i));
            if (arrow < 0) {
                diagnostics.problem(at, "object for-expression without '=>'");
                return new Expr.Invalid("for-expression", at);
            }
            keyExpr = snippets.snippet(colon + 1, arrow);
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
        Expr value = snippets.snippet(valueStart, valueEnd);
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


    static int skipSpace(String t, int i) {
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
}
