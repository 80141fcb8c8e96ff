package io.atolint.parse.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.atolint.parse.Limits;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads JSON into the same {@link Node} tree as YAML, with positions, iteratively (depth-checked) and
 * with duplicate keys reported rather than rejected, so that one duplicate does not hide the rest of
 * a template.
 */
public final class JsonTreeReader {
    private final Limits limits;

    public JsonTreeReader(Limits limits) {
        this.limits = limits;
    }

    /** An object (its entries) or an array (its items) being read, and where it starts. */
    private static final class Frame {
        final boolean map;
        final int line;
        final int column;
        final MappingEntries entries;
        final List<Node> items;
        Node.ScalarNode pendingKey;

        Frame(boolean map, int line, int column) {
            this.map = map;
            this.line = line;
            this.column = column;
            this.entries = map ? new MappingEntries() : null;
            this.items = map ? null : new ArrayList<>();
        }
    }

    public TreeDocument read(String text) throws TreeReadException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth() + 1)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                        .maxNumberLength(1000)
                        .build())
                .build();
        List<DuplicateKey> dups = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        Node root = null;
        try (JsonParser p = factory.createParser(text)) {
            p.enable(JsonParser.Feature.ALLOW_COMMENTS);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                // Jackson makes an object for each position asked: only those the token needs are.
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        JsonLocation at = p.currentTokenLocation();
                        int line = line(at);
                        int column = column(at);
                        if (stack.size() >= limits.maxNestingDepth()) {
                            throw new TreeReadException("nesting deeper than " + limits.maxNestingDepth() + " levels",
                                    line, column, true);
                        }
                        stack.push(new Frame(t == JsonToken.START_OBJECT, line, column));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Frame f = stack.pop();
                        JsonLocation end = p.currentLocation();
                        int endLine = Math.max(f.line, end.getLineNr());
                        int endColumn = Math.max(1, end.getColumnNr());
                        Node n = f.map ? new Node.MapNode(f.entries.entries, null, f.line, f.column, endLine, endColumn)
                                : new Node.SeqNode(f.items, null, f.line, f.column, endLine, endColumn);
                        root = attach(stack, n, root, dups);
                    }
                    case FIELD_NAME -> {
                        Frame f = stack.peek();
                        String name = p.currentName();
                        JsonLocation at = p.currentTokenLocation();
                        int line = line(at);
                        int column = column(at);
                        f.pendingKey = new Node.ScalarNode(name, name, null, line, column, line, column + name.length() + 2);
                    }
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                            root = attach(stack, scalar(p, t), root, dups);
                    default -> {
                        // embedded objects do not occur in text input
                    }
                }
                if (stack.isEmpty() && root != null) {
                    break;
                }
            }
            if (!stack.isEmpty()) {
                JsonLocation l = p.currentLocation();
                throw new TreeReadException("unexpected end of input: unclosed " + (stack.peek().map ? "object" : "array")
                        + " opened at line " + stack.peek().line, l.getLineNr(), l.getColumnNr(), false);
            }
            // Anything after the root value is an error in JSON.
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new TreeReadException("unexpected content after the end of the JSON document",
                        l.getLineNr(), l.getColumnNr(), false);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            boolean limit = msg != null && (msg.contains("exceeds the maximum") || msg.contains("nesting depth"));
            throw new TreeReadException(firstLine(msg), l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : Math.max(1, l.getColumnNr()), limit);
        } catch (IOException e) {
            throw new TreeReadException("cannot read JSON: " + e.getMessage(), 1, 1, false);
        }
        return new TreeDocument(root, dups);
    }

    /** The number, or its text when it has no BigDecimal form (an exponent beyond the int range). */
    private static Object number(JsonParser p) throws IOException {
        BigDecimal d = io.atolint.model.Numbers.parse(p.getText());
        return d == null ? p.getText() : d;
    }

    /**
     * A scalar from its token's start to where the parser is when the token is met: positions are read
     * before the text, as Jackson reads a string's content only when asked for it.
     */
    private static Node.ScalarNode scalar(JsonParser p, JsonToken t) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonLocation end = p.currentLocation();
        int line = line(start);
        int column = column(start);
        int endLine = Math.max(line, end.getLineNr());
        int endColumn = Math.max(1, end.getColumnNr());
        return switch (t) {
            case VALUE_STRING -> new Node.ScalarNode(p.getText(), p.getText(), null, line, column, endLine, endColumn);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new Node.ScalarNode(p.getText(), number(p), null, line, column, endLine, endColumn);
            case VALUE_TRUE -> new Node.ScalarNode("true", Boolean.TRUE, null, line, column, endLine, endColumn);
            case VALUE_FALSE -> new Node.ScalarNode("false", Boolean.FALSE, null, line, column, endLine, endColumn);
            default -> new Node.ScalarNode("null", null, null, line, column, endLine, endColumn);
        };
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }

    private static Node attach(Deque<Frame> stack, Node n, Node root, List<DuplicateKey> dups) {
        if (stack.isEmpty()) {
            return root == null ? n : root;
        }
        Frame f = stack.peek();
        if (f.map) {
            f.entries.add(f.pendingKey, n, dups);
            f.pendingKey = null;
        } else {
            f.items.add(n);
        }
        return root;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int i = s.indexOf('\n');
        // Jackson names its input source in positions; ours are the file's own line and column
        return (i < 0 ? s : s.substring(0, i)).trim()
                .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
    }

    /** True when the text looks like JSON (after a BOM and whitespace, it opens an object or array). */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }
}
