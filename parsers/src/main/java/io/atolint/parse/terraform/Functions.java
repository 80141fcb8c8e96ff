package io.atolint.parse.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.model.Numbers;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's built-in functions that AWS configurations use for placement and sizing, three-valued:
 * an unknown input gives an UNKNOWN result, never a guess. Functions that only move elements around
 * ({@code element}, {@code slice}, {@code concat}, ...) accept elements that are symbols (an AZ that
 * is {@code names[1]} of an unknown region), so that {@code slice(data.aws_availability_zones.a.names,
 * 0, 3)} stays three provably distinct AZs. Functions that read the files system, the clock or the
 * network ({@code file}, {@code timestamp}, {@code templatefile}) are UNKNOWN.
 */
final class Functions {
    private static final Set<String> STRUCTURAL = Set.of("length", "element", "slice", "concat", "tolist", "toset",
            "flatten", "reverse", "one", "coalescelist", "keys", "values", "merge", "lookup", "zipmap", "tomap",
            "range", "chunklist", "setproduct", "transpose");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Functions() {
    }

    /** An error Terraform would report (caught by {@code try} and {@code can}). */
    static final class EvalError extends RuntimeException {
        EvalError(String message) {
            super(message, null, false, false);
        }
    }

    static Value call(String name, List<Value> args, SourceLocation at, String raw) {
        if (!args.isEmpty() && args.get(0) instanceof Value.Symbol list && list.index() < 0) {
            Value v = onSymbolicList(name, list, args, at);
            if (v != null) {
                return v;
            }
        }
        if (name.equals("jsonencode") && args.size() == 1 && args.get(0) instanceof Value.MapV m && !Values.isKnown(m)) {
            // A document with unresolved leaves (an ARN of a resource created alongside) keeps its structure, so
            // that rules read the statements they can and see UNKNOWN only where a value is not resolved.
            return m;
        }
        boolean structural = STRUCTURAL.contains(name);
        for (Value a : args) {
            if (structural ? !shapeKnown(a, name) : !Values.isKnown(a)) {
                return Values.unknownFrom(raw, at, args.toArray(new Value[0]));
            }
        }
        return switch (name) {
            case "length" -> length(one(args, name), at, raw);
            case "element" -> element(args, at);
            case "slice" -> slice(args, at);
            case "concat" -> concat(args, at);
            case "tolist", "toset" -> toList(one(args, name), name.equals("toset"), at, raw);
            case "tomap" -> one(args, name) instanceof Value.MapV m ? m : fail(name + " expects a map or object");
            case "flatten" -> Values.list(flatten(one(args, name)), at);
            case "reverse" -> {
                List<Value> l = new ArrayList<>(listOf(one(args, name), name));
                java.util.Collections.reverse(l);
                yield Values.list(l, at);
            }
            case "one" -> {
                List<Value> l = listOf(one(args, name), name);
                if (l.size() > 1) {
                    yield fail("one: the list has " + l.size() + " elements");
                }
                yield l.isEmpty() ? Values.nul(at) : l.get(0);
            }
            case "coalescelist" -> {
                for (Value a : args) {
                    if (!listOf(a, name).isEmpty()) {
                        yield a;
                    }
                }
                yield fail("coalescelist: every list is empty");
            }
            case "keys" -> {
                List<Value> out = new ArrayList<>();
                mapOf(one(args, name), name).entries().keySet().stream().sorted().forEach(k -> out.add(Values.str(k, at)));
                yield Values.list(out, at);
            }
            case "values" -> Values.list(new ArrayList<>(Values.sorted(mapOf(one(args, name), name)).values()), at);
            case "merge" -> merge(args, at, raw);
            case "lookup" -> lookup(args, at, raw);
            case "zipmap" -> zipmap(args, at, raw);
            case "range" -> range(args, at);
            case "chunklist" -> chunklist(args, at);
            case "coalesce" -> {
                for (Value a : args) {
                    if (!Values.isNull(a) && !"".equals(Values.asText(a))) {
                        yield a;
                    }
                }
                yield fail("coalesce: no non-null, non-empty argument");
            }
            case "format" -> Values.str(format(args), at);
            case "formatlist" -> formatlist(args, at);
            case "join" -> {
                List<String> parts = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    for (Value v : listOf(args.get(i), name)) {
                        parts.add(text(v, name));
                    }
                }
                yield Values.str(String.join(text(args.get(0), name), parts), at);
            }
            case "split" -> {
                List<Value> out = new ArrayList<>();
                String sep = text(arg(args, 0, name), name);
                String s = text(arg(args, 1, name), name);
                if (s.isEmpty()) {
                    yield Values.list(List.of(), at);
                }
                for (String p : s.split(java.util.regex.Pattern.quote(sep), -1)) {
                    out.add(Values.str(p, at));
                }
                yield Values.list(out, at);
            }
            case "distinct" -> {
                List<Value> out = new ArrayList<>();
                for (Value v : listOf(one(args, name), name)) {
                    if (out.stream().noneMatch(o -> Values.equal(o, v))) {
                        out.add(v);
                    }
                }
                yield Values.list(out, at);
            }
            case "contains" -> {
                Value needle = arg(args, 1, name);
                yield Values.bool(listOf(arg(args, 0, name), name).stream().anyMatch(v -> Values.equal(v, needle)), at);
            }
            case "index" -> {
                List<Value> l = listOf(arg(args, 0, name), name);
                for (int i = 0; i < l.size(); i++) {
                    if (Values.equal(l.get(i), arg(args, 1, name))) {
                        yield Values.num(i, at);
                    }
                }
                yield fail("index: the value is not in the list");
            }
            case "compact" -> {
                List<Value> out = new ArrayList<>();
                for (Value v : listOf(one(args, name), name)) {
                    if (!Values.isNull(v) && !"".equals(Values.asText(v))) {
                        out.add(v);
                    }
                }
                yield Values.list(out, at);
            }
            case "sort" -> {
                List<String> s = new ArrayList<>();
                for (Value v : listOf(one(args, name), name)) {
                    s.add(text(v, name));
                }
                java.util.Collections.sort(s);
                List<Value> out = new ArrayList<>();
                s.forEach(x -> out.add(Values.str(x, at)));
                yield Values.list(out, at);
            }
            case "min", "max" -> {
                List<Value> nums = args.size() == 1 && args.get(0) instanceof Value.ListV l ? l.items() : args;
                BigDecimal best = null;
                for (Value v : nums) {
                    BigDecimal d = number(v, name);
                    if (best == null || (name.equals("min") ? d.compareTo(best) < 0 : d.compareTo(best) > 0)) {
                        best = d;
                    }
                }
                yield best == null ? fail(name + " needs at least one number") : Values.num(best, at);
            }
            case "sum" -> {
                BigDecimal s = BigDecimal.ZERO;
                for (Value v : listOf(one(args, name), name)) {
                    s = s.add(number(v, name));
                }
                yield Values.num(s, at);
            }
            case "abs" -> Values.num(number(one(args, name), name).abs(), at);
            case "ceil" -> Values.num(number(one(args, name), name).setScale(0, RoundingMode.CEILING), at);
            case "floor" -> Values.num(number(one(args, name), name).setScale(0, RoundingMode.FLOOR), at);
            case "pow" -> Values.num(BigDecimal.valueOf(Math.pow(number(arg(args, 0, name), name).doubleValue(),
                    number(arg(args, 1, name), name).doubleValue())), at);
            case "signum" -> Values.num(number(one(args, name), name).signum(), at);
            case "lower" -> Values.str(text(one(args, name), name).toLowerCase(Locale.ROOT), at);
            case "upper" -> Values.str(text(one(args, name), name).toUpperCase(Locale.ROOT), at);
            case "title" -> Values.str(title(text(one(args, name), name)), at);
            case "trimspace" -> Values.str(text(one(args, name), name).strip(), at);
            case "trim" -> Values.str(trim(text(arg(args, 0, name), name), text(arg(args, 1, name), name), true, true), at);
            case "trimprefix" -> {
                String s = text(arg(args, 0, name), name);
                String p = text(arg(args, 1, name), name);
                yield Values.str(s.startsWith(p) ? s.substring(p.length()) : s, at);
            }
            case "trimsuffix" -> {
                String s = text(arg(args, 0, name), name);
                String p = text(arg(args, 1, name), name);
                yield Values.str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s, at);
            }
            case "startswith" -> Values.bool(text(arg(args, 0, name), name).startsWith(text(arg(args, 1, name), name)), at);
            case "endswith" -> Values.bool(text(arg(args, 0, name), name).endsWith(text(arg(args, 1, name), name)), at);
            case "strcontains" -> Values.bool(text(arg(args, 0, name), name).contains(text(arg(args, 1, name), name)), at);
            case "replace" -> {
                String s = text(arg(args, 0, name), name);
                String search = text(arg(args, 1, name), name);
                String repl = text(arg(args, 2, name), name);
                if (search.length() > 2 && search.startsWith("/") && search.endsWith("/")) {
                    yield Values.str(s.replaceAll(search.substring(1, search.length() - 1),
                            repl.replaceAll("\\$\\{(\\d+)}", "\\$$1")), at);
                }
                yield Values.str(s.replace(search, repl), at);
            }
            case "substr" -> {
                String s = text(arg(args, 0, name), name);
                int off = number(arg(args, 1, name), name).intValue();
                int len = number(arg(args, 2, name), name).intValue();
                if (off < 0) {
                    off = Math.max(0, s.length() + off);
                }
                off = Math.min(off, s.length());
                int end = len < 0 ? s.length() : Math.min(s.length(), off + len);
                yield Values.str(s.substring(off, end), at);
            }
            case "tostring" -> Values.isNull(one(args, name)) ? one(args, name)
                    : Values.str(text(one(args, name), name), at);
            case "tonumber" -> Values.isNull(one(args, name)) ? one(args, name)
                    : Values.num(number(one(args, name), name), at);
            case "tobool" -> {
                Value v = one(args, name);
                if (Values.isNull(v)) {
                    yield v;
                }
                String s = text(v, name);
                yield s.equals("true") || s.equals("false") ? Values.bool(s.equals("true"), at)
                        : fail("tobool: cannot convert \"" + s + "\"");
            }
            case "alltrue", "anytrue" -> {
                boolean all = true;
                boolean any = false;
                for (Value v : listOf(one(args, name), name)) {
                    boolean b = "true".equals(text(v, name));
                    all &= b;
                    any |= b;
                }
                yield Values.bool(name.equals("alltrue") ? all : any, at);
            }
            case "cidrsubnet" -> Values.str(cidrsubnet(text(arg(args, 0, name), name),
                    number(arg(args, 1, name), name).intValue(), number(arg(args, 2, name), name).toBigInteger()), at);
            case "cidrhost" -> Values.str(cidrhost(text(arg(args, 0, name), name),
                    number(arg(args, 1, name), name).toBigInteger()), at);
            case "cidrsubnets" -> {
                String prefix = text(arg(args, 0, name), name);
                List<Value> out = new ArrayList<>();
                BigInteger offset = BigInteger.ZERO; // addresses used so far, from the prefix start
                int hostBits = hostBits(prefix);
                for (int i = 1; i < args.size(); i++) {
                    int newbits = intArg(args.get(i), name);
                    if (newbits < 0 || newbits > hostBits) {
                        yield fail("cidrsubnets: " + newbits + " new bits do not fit in " + prefix);
                    }
                    BigInteger size = BigInteger.ONE.shiftLeft(hostBits - newbits);
                    BigInteger netnum = offset.add(size).subtract(BigInteger.ONE).divide(size);
                    out.add(Values.str(cidrsubnet(prefix, newbits, netnum), at));
                    offset = netnum.add(BigInteger.ONE).multiply(size);
                }
                yield Values.list(out, at);
            }
            case "jsonencode" -> Values.str(jsonencode(one(args, name)), at);
            case "jsondecode" -> jsondecode(text(one(args, name), name), at);
            case "setunion" -> {
                List<Value> out = new ArrayList<>();
                for (Value a : args) {
                    for (Value v : listOf(a, name)) {
                        if (out.stream().noneMatch(o -> Values.equal(o, v))) {
                            out.add(v);
                        }
                    }
                }
                yield Values.list(out, at);
            }
            case "setintersection" -> {
                List<Value> out = new ArrayList<>(listOf(arg(args, 0, name), name));
                for (int i = 1; i < args.size(); i++) {
                    List<Value> other = listOf(args.get(i), name);
                    out.removeIf(v -> other.stream().noneMatch(o -> Values.equal(o, v)));
                }
                yield Values.list(out, at);
            }
            case "setsubtract" -> {
                List<Value> out = new ArrayList<>(listOf(arg(args, 0, name), name));
                List<Value> other = listOf(arg(args, 1, name), name);
                out.removeIf(v -> other.stream().anyMatch(o -> Values.equal(o, v)));
                yield Values.list(out, at);
            }
            default -> new Value.Unknown("function " + name + "() is not evaluated", raw, Values.refs(args), at);
        };
    }

    /**
     * A list known only as a family of elements ({@code var.azs} without a value, the AZ names of an
     * unknown region): picking elements keeps them symbolic. {@code element} wraps around the unknown
     * length, so only its first two indexes (every region has two AZs) stay provably distinct.
     */
    private static Value onSymbolicList(String name, Value.Symbol list, List<Value> args, SourceLocation at) {
        String how = list.how() == null ? "" : list.how();
        switch (name) {
            case "tolist", "toset", "sort", "distinct" -> {
                return list;
            }
            case "slice" -> {
                if (args.size() < 3 || !Values.isKnown(args.get(1)) || !Values.isKnown(args.get(2))) {
                    return null;
                }
                int from = intArg(args.get(1), name);
                int to = intArg(args.get(2), name);
                if (from < 0 || to < from || to - from > 1024) {
                    throw new EvalError("slice(" + from + ", " + to + ")");
                }
                List<Value> out = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    out.add(new Value.Symbol(list.family(), i, list.distinct(), how, at));
                }
                return Values.list(out, at);
            }
            case "element" -> {
                if (args.size() < 2 || !Values.isKnown(args.get(1))) {
                    return null;
                }
                int i = intArg(args.get(1), name);
                return new Value.Symbol(list.family(), i, list.distinct() && i >= 0 && i < 2,
                        "element(" + list.family() + ", " + i + ")" + (how.isEmpty() ? "" : "; " + how), at);
            }
            default -> {
                return null;
            }
        }
    }

    /** Lists, maps and numbers whose shape is known (their elements may be symbols). */
    private static boolean shapeKnown(Value v, String fn) {
        if (v instanceof Value.Unknown) {
            return false;
        }
        if (v instanceof Value.Symbol) {
            return false;
        }
        if (fn.equals("flatten") && v instanceof Value.ListV l) {
            for (Value i : l.items()) {
                if (i instanceof Value.ListV && !shapeKnown(i, fn)) {
                    return false;
                }
                if (i instanceof Value.Unknown) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Value fail(String message) {
        throw new EvalError(message);
    }

    private static Value one(List<Value> args, String name) {
        if (args.isEmpty()) {
            fail(name + " needs an argument");
        }
        return args.get(0);
    }

    private static Value arg(List<Value> args, int i, String name) {
        if (i >= args.size()) {
            fail(name + " needs " + (i + 1) + " arguments");
        }
        return args.get(i);
    }

    static List<Value> listOf(Value v, String name) {
        if (v instanceof Value.ListV l) {
            return l.items();
        }
        if (Values.isNull(v)) {
            return List.of();
        }
        if (v instanceof Value.MapV m && name.equals("values")) {
            return new ArrayList<>(m.entries().values());
        }
        throw new EvalError(name + " expects a list, got " + v);
    }

    private static Value.MapV mapOf(Value v, String name) {
        if (v instanceof Value.MapV m) {
            return m;
        }
        throw new EvalError(name + " expects a map, got " + v);
    }

    private static String text(Value v, String name) {
        String s = Values.asText(v);
        if (s == null) {
            throw new EvalError(name + " expects a string, got " + v);
        }
        return s;
    }

    private static BigDecimal number(Value v, String name) {
        if (v instanceof Value.Scalar s && s.value() instanceof BigDecimal d) {
            return d;
        }
        String t = Values.asText(v);
        BigDecimal parsed = t == null ? null : Numbers.parse(t);
        if (parsed != null) {
            return parsed;
        }
        throw new EvalError(name + " expects a number, got " + v);
    }

    private static int intArg(Value v, String name) {
        BigDecimal d = number(v, name);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalError(name + " expects a whole number, got " + d);
        }
    }

    private static Value length(Value v, SourceLocation at, String raw) {
        if (v instanceof Value.ListV l) {
            return Values.num(l.items().size(), at);
        }
        if (v instanceof Value.MapV m) {
            return Values.num(m.entries().size(), at);
        }
        if (v instanceof Value.Scalar s && s.value() instanceof String str) {
            return Values.num(str.codePointCount(0, str.length()), at);
        }
        if (v instanceof Value.Ref) {
            return new Value.Unknown("length of a resource attribute known after apply", raw, Values.refs(v), at);
        }
        throw new EvalError("length of " + v);
    }

    private static Value element(List<Value> args, SourceLocation at) {
        List<Value> l = listOf(arg(args, 0, "element"), "element");
        int i = intArg(arg(args, 1, "element"), "element");
        if (l.isEmpty()) {
            throw new EvalError("element of an empty list");
        }
        return l.get(Math.floorMod(i, l.size()));
    }

    private static Value slice(List<Value> args, SourceLocation at) {
        Value src = arg(args, 0, "slice");
        int from = intArg(arg(args, 1, "slice"), "slice");
        int to = intArg(arg(args, 2, "slice"), "slice");
        List<Value> l = listOf(src, "slice");
        if (from < 0 || to > l.size() || from > to) {
            throw new EvalError("slice(" + from + ", " + to + ") of a list of " + l.size());
        }
        return Values.list(l.subList(from, to), at);
    }

    private static Value concat(List<Value> args, SourceLocation at) {
        List<Value> out = new ArrayList<>();
        for (Value a : args) {
            out.addAll(listOf(a, "concat"));
        }
        return Values.list(out, at);
    }

    private static Value toList(Value v, boolean set, SourceLocation at, String raw) {
        if (v instanceof Value.ListV l) {
            if (!set) {
                return l;
            }
            List<Value> out = new ArrayList<>();
            for (Value i : l.items()) {
                if (!Values.isKnown(i)) {
                    return new Value.Unknown("toset of unknown elements (a set drops duplicates)", raw, Values.refs(v), at);
                }
                if (out.stream().noneMatch(o -> Values.equal(o, i))) {
                    out.add(i);
                }
            }
            // sets of strings iterate in lexical order
            if (out.stream().allMatch(i -> i instanceof Value.Scalar s && s.value() instanceof String)) {
                out.sort((a, b) -> Values.asText(a).compareTo(Values.asText(b)));
            }
            return Values.list(out, at);
        }
        if (Values.isNull(v)) {
            return v;
        }
        throw new EvalError("to" + (set ? "set" : "list") + " expects a list");
    }

    private static List<Value> flatten(Value v) {
        List<Value> out = new ArrayList<>();
        for (Value i : listOf(v, "flatten")) {
            if (i instanceof Value.ListV) {
                out.addAll(flatten(i));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private static Value merge(List<Value> args, SourceLocation at, String raw) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Value a : args) {
            if (Values.isNull(a)) {
                continue;
            }
            if (!(a instanceof Value.MapV m)) {
                return new Value.Unknown("merge of a value that is not a known map", raw, Values.refs(args), at);
            }
            out.putAll(m.entries());
        }
        return Values.map(out, at);
    }

    private static Value lookup(List<Value> args, SourceLocation at, String raw) {
        Value m = arg(args, 0, "lookup");
        Value key = arg(args, 1, "lookup");
        String k = Values.asText(key);
        if (k == null) {
            return Values.unknownFrom(raw, at, key);
        }
        if (!(m instanceof Value.MapV map)) {
            throw new EvalError("lookup expects a map");
        }
        Value v = map.entries().get(k);
        if (v != null) {
            return v;
        }
        if (args.size() > 2) {
            return args.get(2);
        }
        throw new EvalError("lookup: no key \"" + k + "\"");
    }

    private static Value zipmap(List<Value> args, SourceLocation at, String raw) {
        List<Value> keys = listOf(arg(args, 0, "zipmap"), "zipmap");
        List<Value> vals = listOf(arg(args, 1, "zipmap"), "zipmap");
        if (keys.size() != vals.size()) {
            throw new EvalError("zipmap: " + keys.size() + " keys for " + vals.size() + " values");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = Values.asText(keys.get(i));
            if (k == null) {
                return Values.unknownFrom(raw, at, keys.get(i));
            }
            out.put(k, vals.get(i));
        }
        return Values.map(out, at);
    }

    private static Value range(List<Value> args, SourceLocation at) {
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ONE;
        BigDecimal end;
        if (args.size() == 1) {
            end = number(args.get(0), "range");
        } else {
            start = number(arg(args, 0, "range"), "range");
            end = number(arg(args, 1, "range"), "range");
            if (args.size() > 2) {
                step = number(args.get(2), "range");
            }
        }
        if (step.signum() == 0) {
            throw new EvalError("range: step 0");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal x = start; step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0; x = x.add(step)) {
            out.add(Values.num(x, at));
            if (out.size() > 1024) {
                throw new EvalError("range: more than 1024 elements");
            }
        }
        return Values.list(out, at);
    }

    private static Value chunklist(List<Value> args, SourceLocation at) {
        List<Value> l = listOf(arg(args, 0, "chunklist"), "chunklist");
        int size = intArg(arg(args, 1, "chunklist"), "chunklist");
        List<Value> out = new ArrayList<>();
        if (size <= 0) {
            out.add(Values.list(l, at));
            return Values.list(out, at);
        }
        for (int i = 0; i < l.size(); i += size) {
            out.add(Values.list(l.subList(i, Math.min(l.size(), i + size)), at));
        }
        return Values.list(out, at);
    }

    /** Terraform's format verbs: %s %d %v %q %f %t %x and %%. */
    private static String format(List<Value> args) {
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
                throw new EvalError("format: unfinished verb");
            }
            char verb = f.charAt(j);
            String flags = f.substring(i + 1, j);
            i = j;
            if (verb == '%') {
                b.append('%');
                continue;
            }
            Value v = arg(args, next++, "format");
            String s = switch (verb) {
                case 'd' -> number(v, "format").toBigInteger().toString();
                case 'f' -> number(v, "format").setScale(flags.contains(".") ? Integer.parseInt(
                        flags.substring(flags.indexOf('.') + 1).replaceAll("\\D", "0")) : 6, RoundingMode.HALF_EVEN).toPlainString();
                case 'q' -> "\"" + text(v, "format") + "\"";
                case 'x' -> number(v, "format").toBigInteger().toString(16);
                case 'v' -> v instanceof Value.Scalar ? text(v, "format") : jsonencode(v);
                default -> text(v, "format");
            };
            String width = flags.replaceAll("[^0-9]", "");
            if (!width.isEmpty() && !flags.contains(".") && verb != 'f') {
                int w = Integer.parseInt(width);
                char pad = flags.startsWith("0") ? '0' : ' ';
                StringBuilder p = new StringBuilder(s);
                while (p.length() < w) {
                    if (flags.contains("-")) {
                        p.append(' ');
                    } else {
                        p.insert(0, pad);
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
                    throw new EvalError("formatlist: lists of different lengths");
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

    private static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return b.toString();
    }

    private static String trim(String s, String chars, boolean left, boolean right) {
        int a = 0;
        int z = s.length();
        while (left && a < z && chars.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (right && z > a && chars.indexOf(s.charAt(z - 1)) >= 0) {
            z--;
        }
        return s.substring(a, z);
    }

    /** {@code cidrsubnet(prefix, newbits, netnum)} for IPv4 and IPv6. */
    static String cidrsubnet(String prefix, int newbits, BigInteger netnum) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new EvalError("cidrsubnet: not a CIDR prefix: " + prefix);
        }
        byte[] addr = address(prefix.substring(0, slash));
        int bits = addr.length * 8;
        int len = Integer.parseInt(prefix.substring(slash + 1).trim());
        int newLen = len + newbits;
        if (newbits < 0 || newLen > bits) {
            throw new EvalError("cidrsubnet: " + newbits + " new bits do not fit in " + prefix);
        }
        if (netnum.signum() < 0 || netnum.bitLength() > newbits) {
            throw new EvalError("cidrsubnet: " + netnum + " does not fit in " + newbits + " bits");
        }
        BigInteger base = new BigInteger(1, addr);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE));
        BigInteger net = base.and(mask).or(netnum.shiftLeft(bits - newLen));
        return render(net, addr.length) + "/" + newLen;
    }

    private static int hostBits(String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new EvalError("not a CIDR prefix: " + prefix);
        }
        return address(prefix.substring(0, slash)).length * 8 - Integer.parseInt(prefix.substring(slash + 1).trim());
    }

    static String cidrhost(String prefix, BigInteger host) {
        int slash = prefix.indexOf('/');
        byte[] addr = address(prefix.substring(0, slash));
        int bits = addr.length * 8;
        int len = Integer.parseInt(prefix.substring(slash + 1).trim());
        BigInteger size = BigInteger.ONE.shiftLeft(bits - len);
        if (host.signum() < 0) {
            host = size.add(host);
        }
        if (host.signum() < 0 || host.compareTo(size) >= 0) {
            throw new EvalError("cidrhost: host number out of range");
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).xor(size.subtract(BigInteger.ONE));
        return render(new BigInteger(1, addr).and(mask).or(host), addr.length);
    }

    /**
     * An IP address literal. IPv4 is parsed here: InetAddress would look up in DNS any dotted text it cannot
     * read as a literal ("999.1.1.1", "dead.beef"). Text with a colon is an IPv6 literal for InetAddress,
     * which never resolves it as a host name.
     */
    private static byte[] address(String s) {
        String t = s.trim();
        if (t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] out = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    throw new EvalError("not an IP address: " + s);
                }
                out[i] = (byte) octet;
            }
            return out;
        }
        if (!t.contains(":") || !t.matches("[0-9a-fA-F:.]+")) {
            throw new EvalError("not an IP address: " + s);
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            throw new EvalError("not an IP address: " + s);
        }
    }

    private static String render(BigInteger n, int bytes) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, out, bytes - copy, copy);
        if (bytes == 4) {
            return (out[0] & 0xFF) + "." + (out[1] & 0xFF) + "." + (out[2] & 0xFF) + "." + (out[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((out[2 * i] & 0xFF) << 8) | (out[2 * i + 1] & 0xFF);
        }
        // RFC 5952: the longest run of two or more zero groups (the first on a tie) becomes "::"
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(groups[i]));
        }
        return b.toString();
    }

    static String jsonencode(Value v) {
        try {
            return JSON.writeValueAsString(plain(v));
        } catch (JsonProcessingException e) {
            throw new EvalError("jsonencode: " + e.getMessage());
        }
    }

    private static Object plain(Value v) {
        if (v instanceof Value.Scalar s) {
            return s.value();
        }
        if (v instanceof Value.ListV l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        if (v instanceof Value.MapV m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.entries().forEach((k, x) -> out.put(k, plain(x)));
            return out;
        }
        throw new EvalError("jsonencode of " + v);
    }

    private static Value jsondecode(String s, SourceLocation at) {
        try {
            return fromJson(JSON.readTree(s), at);
        } catch (JsonProcessingException e) {
            throw new EvalError("jsondecode: invalid JSON");
        }
    }

    private static Value fromJson(com.fasterxml.jackson.databind.JsonNode n, SourceLocation at) {
        if (n.isObject()) {
            Map<String, Value> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), fromJson(e.getValue(), at)));
            return Values.map(m, at);
        }
        if (n.isArray()) {
            List<Value> l = new ArrayList<>();
            n.forEach(x -> l.add(fromJson(x, at)));
            return Values.list(l, at);
        }
        if (n.isNumber()) {
            return Values.num(n.decimalValue(), at);
        }
        if (n.isBoolean()) {
            return Values.bool(n.booleanValue(), at);
        }
        if (n.isNull()) {
            return Values.nul(at);
        }
        return Values.str(n.asText(), at);
    }

    /** Distinct elements, for sets: strings in lexical order. */
    static List<Value> distinct(List<Value> in) {
        Set<String> seen = new LinkedHashSet<>();
        List<Value> out = new ArrayList<>();
        for (Value v : in) {
            String k = Values.asText(v);
            if (k == null || seen.add(k)) {
                out.add(v);
            }
        }
        return out;
    }
}
