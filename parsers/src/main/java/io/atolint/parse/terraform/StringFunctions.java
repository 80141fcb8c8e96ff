package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.RoundingMode;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.atolint.parse.terraform.Functions.arg;
import static io.atolint.parse.terraform.Functions.define;
import static io.atolint.parse.terraform.Functions.fail;
import static io.atolint.parse.terraform.Functions.intArg;
import static io.atolint.parse.terraform.Functions.listOf;
import static io.atolint.parse.terraform.Functions.number;
import static io.atolint.parse.terraform.Functions.one;
import static io.atolint.parse.terraform.Functions.text;

/**
 * Terraform's string functions, {@code regex}/{@code regexall} among them, and the path functions that
 * only take text apart ({@code basename}, {@code dirname}). Regular expressions are RE2 in Terraform:
 * the syntax differences that matter ({@code (?P<name>...)}, POSIX classes) are translated, and every
 * match runs on a bounded input so that a pattern cannot backtrack for ever.
 */
final class StringFunctions {
    /** Character reads one regular-expression match may make before it is abandoned. */
    private static final long MAX_REGEX_STEPS = 1_000_000;

    private StringFunctions() {
    }

    static void register() {
        define("format", (a, at, raw) -> Values.str(format(a), at));
        define("formatlist", (a, at, raw) -> formatlist(a, at));
        define("join", (a, at, raw) -> {
            List<String> parts = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) {
                for (Value v : listOf(a.get(i), "join")) {
                    parts.add(text(v, "join"));
                }
            }
            return Values.str(String.join(text(arg(a, 0, "join"), "join"), parts), at);
        });
        define("split", (a, at, raw) -> {
            String sep = text(arg(a, 0, "split"), "split");
            String s = text(arg(a, 1, "split"), "split");
            List<Value> out = new ArrayList<>();
            if (s.isEmpty()) {
                return Values.list(out, at);
            }
            for (String p : s.split(Pattern.quote(sep), -1)) {
                out.add(Values.str(p, at));
            }
            return Values.list(out, at);
        });
        define("lower", (a, at, raw) -> Values.str(text(one(a, "lower"), "lower").toLowerCase(Locale.ROOT), at));
        define("upper", (a, at, raw) -> Values.str(text(one(a, "upper"), "upper").toUpperCase(Locale.ROOT), at));
        define("title", (a, at, raw) -> Values.str(title(text(one(a, "title"), "title")), at));
        define("trimspace", (a, at, raw) -> Values.str(text(one(a, "trimspace"), "trimspace").strip(), at));
        define("trim", (a, at, raw) -> Values.str(trim(text(arg(a, 0, "trim"), "trim"), text(arg(a, 1, "trim"), "trim")), at));
        define("trimprefix", (a, at, raw) -> {
            String s = text(arg(a, 0, "trimprefix"), "trimprefix");
            String p = text(arg(a, 1, "trimprefix"), "trimprefix");
            return Values.str(s.startsWith(p) ? s.substring(p.length()) : s, at);
        });
        define("trimsuffix", (a, at, raw) -> {
            String s = text(arg(a, 0, "trimsuffix"), "trimsuffix");
            String p = text(arg(a, 1, "trimsuffix"), "trimsuffix");
            return Values.str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s, at);
        });
        define("startswith", (a, at, raw) -> Values.bool(text(arg(a, 0, "startswith"), "startswith")
                .startsWith(text(arg(a, 1, "startswith"), "startswith")), at));
        define("endswith", (a, at, raw) -> Values.bool(text(arg(a, 0, "endswith"), "endswith")
                .endsWith(text(arg(a, 1, "endswith"), "endswith")), at));
        define("strcontains", (a, at, raw) -> Values.bool(text(arg(a, 0, "strcontains"), "strcontains")
                .contains(text(arg(a, 1, "strcontains"), "strcontains")), at));
        define("replace", (a, at, raw) -> Values.str(replace(text(arg(a, 0, "replace"), "replace"),
                text(arg(a, 1, "replace"), "replace"), text(arg(a, 2, "replace"), "replace")), at));
        define("substr", (a, at, raw) -> Values.str(substr(text(arg(a, 0, "substr"), "substr"),
                intArg(arg(a, 1, "substr"), "substr"), intArg(arg(a, 2, "substr"), "substr")), at));
        define("chomp", (a, at, raw) -> Values.str(chomp(text(one(a, "chomp"), "chomp")), at));
        define("indent", (a, at, raw) -> {
            String pad = " ".repeat(Math.max(0, intArg(arg(a, 0, "indent"), "indent")));
            return Values.str(text(arg(a, 1, "indent"), "indent").replace("\n", "\n" + pad), at);
        });
        define("strrev", (a, at, raw) -> Values.str(reverseGraphemes(text(one(a, "strrev"), "strrev")), at));
        define("regex", (a, at, raw) -> {
            Matcher m = matcher(text(arg(a, 0, "regex"), "regex"), text(arg(a, 1, "regex"), "regex"));
            if (!find(m)) {
                return fail("regex: the pattern does not match");
            }
            return match(m, at);
        });
        define("regexall", (a, at, raw) -> {
            Matcher m = matcher(text(arg(a, 0, "regexall"), "regexall"), text(arg(a, 1, "regexall"), "regexall"));
            List<Value> out = new ArrayList<>();
            while (find(m)) {
                out.add(match(m, at));
                if (m.end() == m.start() && m.end() >= m.regionEnd()) {
                    break;
                }
            }
            return Values.list(out, at);
        });
        define("basename", (a, at, raw) -> {
            String p = trimSlashes(text(one(a, "basename"), "basename"));
            return Values.str(p.isEmpty() ? "/" : p.substring(p.lastIndexOf('/') + 1), at);
        });
        define("dirname", (a, at, raw) -> {
            String p = text(one(a, "dirname"), "dirname");
            int i = p.lastIndexOf('/');
            return Values.str(i < 0 ? "." : i == 0 ? "/" : trimSlashes(p.substring(0, i)), at);
        });
    }

    private static String trimSlashes(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    // ---------------------------------------------------------------- regular expressions

    /** A Java pattern for an RE2 one, matched on a bounded view of {@code input}. */
    private static Matcher matcher(String re2, String input) {
        try {
            return Pattern.compile(javaPattern(re2)).matcher(new Bounded(input));
        } catch (PatternSyntaxException e) {
            throw new Functions.EvalError("invalid regular expression: " + e.getDescription());
        }
    }

    private static boolean find(Matcher m) {
        try {
            return m.find();
        } catch (StepsExceeded e) {
            throw new Functions.EvalError("the regular expression takes too long on this input");
        } catch (StackOverflowError e) {
            // Java's matcher recurses once per repetition of a group ("^(a|b)*$" on 50,000 characters overflowed into a
            // false PARSE001 'nests too deeply'); RE2 does not: the value is unknown, the file is not wrong
            throw new Functions.EvalError("the regular expression repeats a group too often on this input");
        }
    }

    /**
     * RE2's {@code (?P<name>...)} is Java's {@code (?<name>...)} (names reduced to letters and digits,
     * remembered by position), and {@code [[:alpha:]]} is {@code \p{Alpha}}.
     */
    static String javaPattern(String re2) {
        String p = re2.replace("(?P<", "(?<");
        Matcher named = Pattern.compile("\\(\\?<([A-Za-z_][A-Za-z0-9_]*)>").matcher(p);
        StringBuilder b = new StringBuilder();
        int n = 0;
        while (named.find()) {
            named.appendReplacement(b, Matcher.quoteReplacement("(?<g" + (n++) + "x" + encodeName(named.group(1)) + ">"));
        }
        named.appendTail(b);
        p = b.toString();
        String[][] classes = {{"alnum", "Alnum"}, {"alpha", "Alpha"}, {"ascii", "ASCII"}, {"blank", "Blank"},
                {"cntrl", "Cntrl"}, {"digit", "Digit"}, {"graph", "Graph"}, {"lower", "Lower"}, {"print", "Print"},
                {"punct", "Punct"}, {"space", "Space"}, {"upper", "Upper"}, {"word", "Alnum_"}, {"xdigit", "XDigit"}};
        for (String[] c : classes) {
            String java = c[1].equals("Alnum_") ? "\\w" : "\\p{" + c[1] + "}";
            p = p.replace("[:" + c[0] + ":]", java).replace("[:^" + c[0] + ":]", java.equals("\\w") ? "\\W" : "\\P{" + c[1] + "}");
        }
        return p;
    }

    /** A group name as Java accepts it (letters and digits): Z is ZZ, _ is ZU. */
    private static String encodeName(String name) {
        return name.replace("Z", "ZZ").replace("_", "ZU");
    }

    private static String decodeName(String encoded) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == 'Z' && i + 1 < encoded.length()) {
                b.append(encoded.charAt(++i) == 'U' ? '_' : 'Z');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** One match as Terraform gives it: the text, the list of groups, or the object of named groups. */
    private static Value match(Matcher m, SourceLocation at) {
        Map<String, String> names = groupNames(m.pattern());
        int groups = m.groupCount();
        if (groups == 0) {
            return Values.str(m.group(), at);
        }
        if (!names.isEmpty() && names.size() != groups) {
            return fail("the regular expression mixes named and unnamed groups");
        }
        if (!names.isEmpty()) {
            Map<String, Value> out = new LinkedHashMap<>();
            names.forEach((name, javaName) -> {
                String g = m.group(javaName);
                out.put(name, g == null ? Values.nul(at) : Values.str(g, at));
            });
            return Values.map(out, at);
        }
        List<Value> out = new ArrayList<>();
        for (int i = 1; i <= groups; i++) {
            out.add(group(m, i, at));
        }
        return Values.list(out, at);
    }

    private static Value group(Matcher m, int i, SourceLocation at) {
        String g = m.group(i);
        return g == null ? Values.nul(at) : Values.str(g, at);
    }

    /** The original names of the named groups, with the names Java knows them by. */
    private static Map<String, String> groupNames(Pattern p) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher names = Pattern.compile("\\(\\?<(g\\d+x([A-Za-z0-9]*))>").matcher(p.pattern());
        while (names.find()) {
            out.put(decodeName(names.group(2)), names.group(1));
        }
        return out;
    }

    private static final class StepsExceeded extends RuntimeException {
        StepsExceeded() {
            super(null, null, false, false);
        }
    }

    /** The input of a match, counting reads: past {@link #MAX_REGEX_STEPS} the match is abandoned. */
    private static final class Bounded implements CharSequence {
        private final String s;
        private final long[] steps;

        Bounded(String s) {
            this(s, new long[1]);
        }

        private Bounded(String s, long[] steps) {
            this.s = s;
            this.steps = steps;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_REGEX_STEPS) {
                throw new StepsExceeded();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(s.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    // ---------------------------------------------------------------- the rest

    private static String replace(String s, String search, String repl) {
        if (search.length() > 2 && search.startsWith("/") && search.endsWith("/")) {
            Matcher m = matcher(search.substring(1, search.length() - 1), s);
            StringBuilder b = new StringBuilder();
            int last = 0;
            while (find(m)) {
                b.append(s, last, m.start());
                b.append(expand(repl, m));
                last = m.end();
                if (m.end() == m.start()) {
                    if (m.end() >= s.length()) {
                        break;
                    }
                    b.append(s.charAt(m.end()));
                    last = m.end() + 1;
                    m.region(last, s.length());
                }
            }
            b.append(s.substring(Math.min(last, s.length())));
            return b.toString();
        }
        return search.isEmpty() ? s : s.replace(search, repl);
    }

    /** Go's replacement template: {@code $1}, {@code ${1}}, {@code ${name}}, {@code $$}. */
    private static String expand(String repl, Matcher m) {
        Map<String, String> names = groupNames(m.pattern());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c != '$' || i + 1 >= repl.length()) {
                b.append(c);
                continue;
            }
            char n = repl.charAt(i + 1);
            if (n == '$') {
                b.append('$');
                i++;
                continue;
            }
            String name;
            int end;
            if (n == '{') {
                int close = repl.indexOf('}', i + 2);
                if (close < 0) {
                    b.append(c);
                    continue;
                }
                name = repl.substring(i + 2, close);
                end = close;
            } else {
                int j = i + 1;
                while (j < repl.length() && (Character.isLetterOrDigit(repl.charAt(j)) || repl.charAt(j) == '_')) {
                    j++;
                }
                name = repl.substring(i + 1, j);
                end = j - 1;
            }
            String g = null;
            if (name.matches("\\d+")) {
                int k = Integer.parseInt(name);
                g = k <= m.groupCount() ? m.group(k) : null;
            } else if (names.containsKey(name)) {
                g = m.group(names.get(name));
            }
            if (g != null) {
                b.append(g);
            }
            i = end;
        }
        return b.toString();
    }

    private static String substr(String s, int offset, int length) {
        int[] cps = s.codePoints().toArray();
        int off = offset < 0 ? Math.max(0, cps.length + offset) : Math.min(offset, cps.length);
        int end = length < 0 ? cps.length : Math.min(cps.length, off + length);
        return new String(cps, off, Math.max(0, end - off));
    }

    private static String reverseGraphemes(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(s);
        List<String> parts = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            parts.add(s.substring(start, end));
        }
        StringBuilder b = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            b.append(parts.get(i));
        }
        return b.toString();
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return b.toString();
    }

    private static String trim(String s, String chars) {
        int a = 0;
        int z = s.length();
        while (a < z && chars.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (z > a && chars.indexOf(s.charAt(z - 1)) >= 0) {
            z--;
        }
        return s.substring(a, z);
    }

    /** Terraform's format verbs: %s %d %v %q %f %t %x %X %o %b %e and %%, with flags and width. */
    static String format(List<Value> args) {
        String f = text(arg(args, 0, "format"), "format");
        StringBuilder b = new StringBuilder();
        int next = 1;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            int j = i + 1;
            while (j < f.length() && "0123456789.-+# ".indexOf(f.charAt(j)) >= 0) {
                j++;
            }
            if (j >= f.length()) {
                throw new Functions.EvalError("format: unfinished verb");
            }
            char verb = f.charAt(j);
            String flags = f.substring(i + 1, j);
            i = j;
            if (verb == '%') {
                b.append('%');
                continue;
            }
            Value v = arg(args, next++, "format");
            int dot = flags.indexOf('.');
            int precision = dot < 0 ? -1 : Integer.parseInt("0" + flags.substring(dot + 1).replaceAll("\\D", ""));
            String s = switch (verb) {
                case 'd' -> number(v, "format").toBigInteger().toString();
                case 'f' -> number(v, "format").setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
                case 'e' -> String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "e", number(v, "format").doubleValue());
                case 'q' -> EncodingFunctions.jsonString(text(v, "format"));
                case 'x' -> number(v, "format").toBigInteger().toString(16);
                case 'X' -> number(v, "format").toBigInteger().toString(16).toUpperCase(Locale.ROOT);
                case 'o' -> number(v, "format").toBigInteger().toString(8);
                case 'b' -> number(v, "format").toBigInteger().toString(2);
                case 't' -> {
                    String t = text(v, "format");
                    if (!t.equals("true") && !t.equals("false")) {
                        throw new Functions.EvalError("format: %t needs a bool");
                    }
                    yield t;
                }
                case 'v' -> v instanceof Value.Scalar ? text(v, "format") : EncodingFunctions.jsonencode(v);
                case 's' -> {
                    String t = text(v, "format");
                    yield precision >= 0 && precision < t.length() ? t.substring(0, precision) : t;
                }
                default -> throw new Functions.EvalError("format: unknown verb %" + verb);
            };
            if (flags.contains("+") && "dfe".indexOf(verb) >= 0 && !s.startsWith("-")) {
                s = "+" + s;
            }
            String width = (dot < 0 ? flags : flags.substring(0, dot)).replaceAll("[^0-9]", "");
            if (width.startsWith("0") && width.length() > 1) {
                width = width.substring(1);
            } else if (width.equals("0")) {
                width = "";
            }
            if (!width.isEmpty()) {
                int w = Integer.parseInt(width);
                boolean zero = flags.replace("-", "").replace("+", "").startsWith("0") && !flags.contains("-");
                StringBuilder p = new StringBuilder(s);
                while (p.length() < w) {
                    if (flags.contains("-")) {
                        p.append(' ');
                    } else if (zero) {
                        p.insert(p.length() > 0 && (p.charAt(0) == '-' || p.charAt(0) == '+') ? 1 : 0, '0');
                    } else {
                        p.insert(0, ' ');
                    }
                }
                s = p.toString();
            }
            b.append(s);
        }
        return b.toString();
    }

    private static Value formatlist(List<Value> args, SourceLocation at) {
        int n = -1;
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i) instanceof Value.ListV l) {
                if (n >= 0 && n != l.items().size()) {
                    throw new Functions.EvalError("formatlist: lists of different lengths");
                }
                n = l.items().size();
            }
        }
        if (n < 0) {
            n = 1;
        }
        List<Value> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Value> row = new ArrayList<>();
            row.add(args.get(0));
            for (int i = 1; i < args.size(); i++) {
                row.add(args.get(i) instanceof Value.ListV l ? l.items().get(k) : args.get(i));
            }
            out.add(Values.str(format(row), at));
        }
        return Values.list(out, at);
    }

    /**
     * The text without the line breaks that end it (Terraform's {@code (?:\r\n?|\n)*\z}: every trailing CR and LF). A
     * loop: the expression (\r?\n)+$ it replaces recursed once per break, and 50,000 of them overflowed the stack
     * into a false "nests too deeply".
     */
    static String chomp(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
