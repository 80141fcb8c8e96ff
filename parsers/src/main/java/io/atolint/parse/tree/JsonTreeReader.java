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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private static final class Frame {
        final boolean map;
        final Node.Pos start;
        final List<Node.Entry> entries = new ArrayList<>();
        final List<Node> items = new ArrayList<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        Node.ScalarNode pendingKey;

        Frame(boolean map, Node.Pos start) {
            this.map = map;
            this.start = start;
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
                Node.Pos here = pos(p.currentTokenLocation(), p.currentLocation());
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.size() >= limits.maxNestingDepth()) {
                            throw new TreeReadException("nesting deeper than " + limits.maxNestingDepth() + " levels",
                                    here.line(), here.column(), true);
                        }
                        stack.push(new Frame(t == JsonToken.START_OBJECT, here));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Frame f = stack.pop();
                        Node.Pos pp = new Node.Pos(f.start.line(), f.start.column(), here.endLine(), here.endColumn());
                        Node n = f.map ? new Node.MapNode(f.entries, null, pp) : new Node.SeqNode(f.items, null, pp);
                        root = attach(stack, n, root, dups);
                    }
                    case FIELD_NAME -> {
                        Frame f = stack.peek();
                        String name = p.currentName();
                        Node.Pos kp = new Node.Pos(here.line(), here.column(), here.line(),
                                here.column() + name.length() + 2);
                        f.pendingKey = new Node.ScalarNode(name, name, null, kp);
                    }
                    case VALUE_STRING -> root = attach(stack, new Node.ScalarNode(p.getText(), p.getText(), null, here), root, dups);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                            root = attach(stack, new Node.ScalarNode(p.getText(), number(p), null, here), root, dups);
                    case VALUE_TRUE -> root = attach(stack, new Node.ScalarNode("true", Boolean.TRUE, null, here), root, dups);
                    case VALUE_FALSE -> root = attach(stack, new Node.ScalarNode("false", Boolean.FALSE, null, here), root, dups);
                    case VALUE_NULL -> root = attach(stack, new Node.ScalarNode("null", null, null, here), root, dups);
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
                        + " opened at line " + stack.peek().start.line(), l.getLineNr(), l.getColumnNr(), false);
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

    private static Node attach(Deque<Frame> stack, Node n, Node root, List<DuplicateKey> dups) {
        if (stack.isEmpty()) {
            return root == null ? n : root;
        }
        Frame f = stack.peek();
        if (f.map) {
            Node.ScalarNode k = f.pendingKey;
            Integer first = f.firstLine.putIfAbsent(k.text(), k.pos().line());
            if (first != null) {
                dups.add(new DuplicateKey(k.text(), k.pos().line(), k.pos().column(), first));
            }
            f.entries.add(new Node.Entry(k, n));
            f.pendingKey = null;
        } else {
            f.items.add(n);
        }
        return root;
    }

    private static Node.Pos pos(JsonLocation start, JsonLocation end) {
        int l = Math.max(1, start.getLineNr());
        int c = Math.max(1, start.getColumnNr());
        return new Node.Pos(l, c, Math.max(l, end.getLineNr()), Math.max(1, end.getColumnNr()));
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
