package io.atolint.parse.terraform;

import io.atolint.parse.Limits;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HCL text into {@link HclBody}/{@link Expr} trees with 1-based positions: the entry point of
 * the HCL reader, and the statement level of it. The work is shared out:
 * <ul>
 *   <li>{@link HclText} checks the structure first (hcl4j's lexer accepts unbalanced braces,
 *       unterminated heredocs and comments silently): a broken file becomes one positioned PARSE001;</li>
 *   <li>{@link Masking} hides from the lexer what it gets wrong (for-expressions, heredocs,
 *       parenthesised object keys) without moving a character;</li>
 *   <li>this class cuts the text into statement-sized pieces and lexes them with {@link HclLexer}, the
 *       bridge to hcl4j's lexer;</li>
 *   <li>{@link HclSymbols} turns the lexer's symbols into our tree, {@link HclForExpressions} and
 *       {@link HclTemplates} read for-expressions and templates from the text.</li>
 * </ul>
 */
public final class HclReader {
    private static final int CHUNK = 2048;
    // labels and their characters possessively: a greedy group recursed once per character of a quoted label (and
    // once per label), and a label of 50,000 characters overflowed the stack into a false PARSE001; nothing a
    // repetition matched could be given back to what follows it (a quote, a space, an identifier, '{')
    private static final Pattern BLOCK_HEADER = Pattern.compile(
            "\\s*([A-Za-z_][\\w-]*)(?:[ \\t]+(?:\"(?:[^\"\\\\\\n]|\\\\.)*+\"|[A-Za-z_][\\w-]*))*+[ \\t]*\\{");
    private static final Pattern HEADER_WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*+)\"|([A-Za-z_][\\w-]*)");

    private final HclDiagnostics diagnostics;

    private HclReader(String path, Limits limits) {
        this.diagnostics = new HclDiagnostics(path, limits);
    }

    /** Reads a file; on a syntax error the body is empty and the problem is a positioned PARSE001. */
    public static HclFile read(String path, String text, Limits limits) {
        HclReader r = new HclReader(path, limits);
        HclBody body = r.readFile(text);
        return new HclFile(path, body, r.diagnostics.problems());
    }

    /** Reads one expression (a {@code --var} value); null when it does not parse. */
    public static Expr readExpression(String text, Limits limits) {
        HclReader r = new HclReader("<expression>", limits);
        HclText t = new HclText(text);
        if (t.validate(limits.maxNestingDepth()) != null) {
            return null;
        }
        Expr e = new HclSymbols(r.diagnostics, t, Masking.NONE, o -> HclPos.NONE, 0).snippet(0, text.length());
        return r.diagnostics.problems().isEmpty() ? e : null;
    }

    /** Reads template text (the value {@code templatestring} is given); null when it does not parse. */
    public static Expr readTemplate(String text, Limits limits) {
        HclReader r = new HclReader("<template>", limits);
        HclSymbols symbols = new HclSymbols(r.diagnostics, new HclText(text), Masking.NONE, o -> HclPos.NONE, 0);
        Expr e = new HclTemplates(r.diagnostics, (t, at) -> symbols.subExpression(t, o -> at, at))
                .template(List.of(text), HclPos.NONE);
        return r.diagnostics.problems().isEmpty() ? e : null;
    }

    private HclBody readFile(String text) {
        HclText t = new HclText(text);
        HclText.Problem p = t.validate(diagnostics.limits().maxNestingDepth());
        if (p != null) {
            diagnostics.problem(t.pos(p.offset()), p.message());
            return HclBody.EMPTY;
        }
        Masking masking = Masking.of(t);
        List<HclAttribute> attributes = new ArrayList<>();
        List<HclBlock> blocks = new ArrayList<>();
        int before = diagnostics.problems().size();
        try {
            if (!readBody(t, masking, 0, text.length(), true, attributes, blocks)) {
                return HclBody.EMPTY;
            }
        } catch (BudgetExceeded e) {
            diagnostics.limitReached(e.pos());
            return HclBody.EMPTY;
        }
        HclBody body = new HclBody(attributes, blocks);
        if (diagnostics.problems().size() > before) {
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
        List<com.bertramlabs.plugins.hcl4j.symbols.Symbol> symbols;
        try {
            symbols = HclLexer.lex(masking.text().substring(from, to));
        } catch (HclLexer.LexFailure f) {
            HclPos start = t.pos(from);
            HclPos at = f.pos() == null ? start : new HclPos(start.line() + f.pos().line() - 1,
                    f.pos().line() == 1 ? start.column() + f.pos().column() - 1 : f.pos().column());
            diagnostics.problem(at, f.getMessage());
            return false;
        }
        HclBody part = new HclSymbols(diagnostics, t, masking, t::pos, from).body(symbols, topLevel);
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
}
