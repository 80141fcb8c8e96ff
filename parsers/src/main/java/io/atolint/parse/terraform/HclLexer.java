package io.atolint.parse.terraform;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bridge to hcl4j's lexer, and the only class that starts it. {@code HCLParser} evaluates
 * expressions with unknown variables into concrete, often wrong values, has no positions and prints to
 * standard output; its lexer ({@code HCLLexer}) keeps blocks, attributes and unevaluated expression
 * symbols with character offsets and never prints. It is package-private: it is reached by reflection,
 * which works on the class path and keeps hcl4j's package free of our classes (a class of ours in its
 * package would be a split package and a surprise for readers). {@link HclSymbols} turns its symbols
 * into our tree.
 */
final class HclLexer {
    private static final Constructor<?> LEXER;
    private static final Method YYLEX;
    private static final Field ELEMENTS;
    private static final Pattern LEXER_POSITION = Pattern.compile("line: (\\d+) col: (\\d+)");

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

    private HclLexer() {
    }

    /** Why the lexer stopped, positioned (1-based, in the lexed text) when its message says where. */
    static final class LexFailure extends Exception {
        private final transient HclPos pos;

        LexFailure(String message, HclPos pos) {
            super(message);
            this.pos = pos;
        }

        HclPos pos() {
            return pos;
        }
    }

    /** The top-level symbols of {@code text}. */
    @SuppressWarnings("unchecked")
    static List<Symbol> lex(String text) throws LexFailure {
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
}
