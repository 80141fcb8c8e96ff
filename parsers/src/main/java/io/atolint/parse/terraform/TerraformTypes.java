package io.atolint.parse.terraform;

import io.atolint.model.Numbers;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The conversions Terraform applies to a variable's value for its declared type: primitives
 * ({@code number} from {@code "3"}, {@code bool} from {@code "true"}), and through collections and
 * objects, the attributes an object type declares {@code optional(T, default)} and the value leaves
 * out, which become their default (or null). Values that do not convert are left as they are, and so
 * is anything not known: the conversion never guesses.
 */
final class TerraformTypes {
    /** Reads a default written in a type constraint ({@code optional(bool, true)}): the expression text to its value. */
    interface Defaults extends Function<String, Value> {
    }

    private TerraformTypes() {
    }

    /** {@code v} converted to {@code type}, the type constraint as written; defaults unread. */
    static Value convert(Value v, String type) {
        return convert(v, type, text -> null);
    }

    static Value convert(Value v, String type, Defaults defaults) {
        String t = type == null ? "" : type.strip();
        if (t.isEmpty()) {
            return v;
        }
        Type parsed;
        try {
            parsed = new Parser(t).type();
        } catch (IllegalArgumentException e) {
            return v; // a type this reader does not follow: the value stays as given
        }
        return parsed.convert(v, defaults, 0);
    }

    /** Whether a type constraint is a collection or structure (a {@code --var} value is then HCL). */
    static boolean isComplex(String type) {
        String t = type == null ? "" : type.strip();
        return t.startsWith("list") || t.startsWith("map") || t.startsWith("set") || t.startsWith("object")
                || t.startsWith("tuple");
    }

    // ---------------------------------------------------------------- types

    private sealed interface Type {
        Value convert(Value v, Defaults defaults, int depth);
    }

    private record Primitive(String name) implements Type {
        @Override
        public Value convert(Value v, Defaults defaults, int depth) {
            if (!(v instanceof Value.Scalar s) || s.value() == null) {
                return v;
            }
            Object x = s.value();
            switch (name) {
                case "number":
                    if (x instanceof String str) {
                        BigDecimal n = Numbers.parse(str);
                        return n == null ? v : new Value.Scalar(n, s.how(), s.location());
                    }
                    return v;
                case "bool":
                    if ("true".equals(x) || "false".equals(x)) {
                        return new Value.Scalar(Boolean.valueOf((String) x), s.how(), s.location());
                    }
                    return v;
                case "string":
                    if (x instanceof BigDecimal d) {
                        return new Value.Scalar(d.stripTrailingZeros().toPlainString(), s.how(), s.location());
                    }
                    if (x instanceof Boolean b) {
                        return new Value.Scalar(b.toString(), s.how(), s.location());
                    }
                    return v;
                default:
                    return v;
            }
        }
    }

    /** {@code list(T)}, {@code set(T)}, {@code map(T)}: every element converted to T. */
    private record Collection(String kind, Type element) implements Type {
        @Override
        public Value convert(Value v, Defaults defaults, int depth) {
            if (depth > 32) {
                return v;
            }
            if (v instanceof Value.ListV l && !kind.equals("map")) {
                List<Value> out = new ArrayList<>();
                l.items().forEach(i -> out.add(element.convert(i, defaults, depth + 1)));
                return new Value.ListV(out, l.location());
            }
            if (v instanceof Value.MapV m && kind.equals("map")) {
                Map<String, Value> out = new LinkedHashMap<>();
                m.entries().forEach((k, i) -> out.put(k, element.convert(i, defaults, depth + 1)));
                return new Value.MapV(out, keyLocations(m), m.location());
            }
            return v;
        }
    }

    private record Tuple(List<Type> elements) implements Type {
        @Override
        public Value convert(Value v, Defaults defaults, int depth) {
            if (depth > 32 || !(v instanceof Value.ListV l) || l.items().size() != elements.size()) {
                return v;
            }
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                out.add(elements.get(i).convert(l.items().get(i), defaults, depth + 1));
            }
            return new Value.ListV(out, l.location());
        }
    }

    /** An object attribute: its type, whether it may be left out, and the default text. */
    private record Attribute(Type type, boolean optional, String defaultText) {
    }

    private record ObjectType(Map<String, Attribute> attributes) implements Type {
        @Override
        public Value convert(Value v, Defaults defaults, int depth) {
            if (depth > 32 || !(v instanceof Value.MapV m) || m.unknownRest() != null) {
                return v;
            }
            Map<String, Value> out = new LinkedHashMap<>(m.entries());
            for (Map.Entry<String, Attribute> a : attributes.entrySet()) {
                Value given = m.entries().get(a.getKey());
                if (given != null && !Values.isNull(given)) {
                    out.put(a.getKey(), a.getValue().type().convert(given, defaults, depth + 1));
                } else if (a.getValue().optional()) {
                    Value d = a.getValue().defaultText() == null ? null : defaults.apply(a.getValue().defaultText());
                    out.put(a.getKey(), d == null ? Values.nul(m.location()) : a.getValue().type().convert(d, defaults, depth + 1));
                }
            }
            return new Value.MapV(out, keyLocations(m), m.location());
        }
    }

    private record Any() implements Type {
        @Override
        public Value convert(Value v, Defaults defaults, int depth) {
            return v;
        }
    }

    private static Map<String, io.atolint.model.SourceLocation> keyLocations(Value.MapV m) {
        Map<String, io.atolint.model.SourceLocation> out = new LinkedHashMap<>();
        for (String k : m.entries().keySet()) {
            out.put(k, m.keyLocation(k));
        }
        return out;
    }

    // ---------------------------------------------------------------- parsing type constraints

    /** A recursive-descent reader of type constraints; a default is kept as its expression text. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Type type() {
            String word = word();
            switch (word) {
                case "string", "number", "bool" -> {
                    return new Primitive(word);
                }
                case "any" -> {
                    return new Any();
                }
                case "list", "set", "map" -> {
                    expect('(');
                    Type e = type();
                    expect(')');
                    return new Collection(word, e);
                }
                case "tuple" -> {
                    expect('(');
                    expect('[');
                    List<Type> es = new ArrayList<>();
                    while (peek() != ']') {
                        es.add(type());
                        if (peek() == ',') {
                            i++;
                        }
                    }
                    expect(']');
                    expect(')');
                    return new Tuple(es);
                }
                case "object" -> {
                    expect('(');
                    expect('{');
                    Map<String, Attribute> attrs = new LinkedHashMap<>();
                    while (peek() != '}') {
                        String name = word();
                        char sep = peek();
                        if (sep != '=' && sep != ':') {
                            throw new IllegalArgumentException("expected '=' after " + name);
                        }
                        i++;
                        attrs.put(name, attribute());
                        if (peek() == ',') {
                            i++;
                        }
                    }
                    expect('}');
                    expect(')');
                    return new ObjectType(attrs);
                }
                default -> throw new IllegalArgumentException("unknown type " + word);
            }
        }

        private Attribute attribute() {
            int save = i;
            if (word().equals("optional")) {
                expect('(');
                Type t = type();
                String def = null;
                if (peek() == ',') {
                    i++;
                    int start = i;
                    int end = endOfArgument();
                    def = s.substring(start, end).strip();
                    i = end;
                }
                expect(')');
                return new Attribute(t, true, def);
            }
            i = save;
            return new Attribute(type(), false, null);
        }

        /** The end of a default expression: the ')' that closes optional(, outside strings and brackets. */
        private int endOfArgument() {
            int depth = 0;
            boolean str = false;
            for (int k = i; k < s.length(); k++) {
                char c = s.charAt(k);
                if (str) {
                    if (c == '\\') {
                        k++;
                    } else if (c == '"') {
                        str = false;
                    }
                } else if (c == '"') {
                    str = true;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        return k;
                    }
                    depth--;
                }
            }
            throw new IllegalArgumentException("unclosed optional(");
        }

        private String word() {
            skip();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
                i++;
            }
            if (start == i) {
                // a quoted attribute name
                if (i < s.length() && s.charAt(i) == '"') {
                    int end = s.indexOf('"', i + 1);
                    if (end > i) {
                        String q = s.substring(i + 1, end);
                        i = end + 1;
                        return q;
                    }
                }
                throw new IllegalArgumentException("expected a name at " + i);
            }
            return s.substring(start, i);
        }

        private char peek() {
            skip();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        /** Skips blanks, commas between lines and comments. */
        private void skip() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#' || (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else {
                    return;
                }
            }
        }
    }
}
