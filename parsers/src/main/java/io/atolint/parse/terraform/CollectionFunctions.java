package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.atolint.parse.terraform.Functions.arg;
import static io.atolint.parse.terraform.Functions.define;
import static io.atolint.parse.terraform.Functions.fail;
import static io.atolint.parse.terraform.Functions.intArg;
import static io.atolint.parse.terraform.Functions.listOf;
import static io.atolint.parse.terraform.Functions.mapOf;
import static io.atolint.parse.terraform.Functions.number;
import static io.atolint.parse.terraform.Functions.one;
import static io.atolint.parse.terraform.Functions.structural;
import static io.atolint.parse.terraform.Functions.text;

/**
 * Terraform's collection functions and the collection type conversions ({@code tolist}, {@code toset},
 * {@code tomap}), plus the Terraform 0.11 {@code list()} and {@code map()} that old configurations
 * still call. Those that only move elements accept symbolic elements.
 */
final class CollectionFunctions {
    /** Bound on the elements a function may create (range, setproduct). */
    private static final int MAX_ELEMENTS = 1024;

    private CollectionFunctions() {
    }

    static void register() {
        structural("length", (a, at, raw) -> length(one(a, "length"), at, raw));
        structural("element", (a, at, raw) -> element(a));
        structural("slice", (a, at, raw) -> slice(a, at));
        structural("concat", (a, at, raw) -> {
            List<Value> out = new ArrayList<>();
            for (Value x : a) {
                out.addAll(listOf(x, "concat"));
            }
            return Values.list(out, at);
        });
        structural("tolist", (a, at, raw) -> toList(one(a, "tolist"), false, at, raw));
        structural("toset", (a, at, raw) -> toList(one(a, "toset"), true, at, raw));
        structural("tomap", (a, at, raw) -> one(a, "tomap") instanceof Value.MapV m ? m : fail("tomap expects a map or object"));
        structural("flatten", (a, at, raw) -> Values.list(flatten(one(a, "flatten")), at));
        structural("reverse", (a, at, raw) -> {
            List<Value> l = new ArrayList<>(listOf(one(a, "reverse"), "reverse"));
            Collections.reverse(l);
            return Values.list(l, at);
        });
        structural("one", (a, at, raw) -> {
            List<Value> l = listOf(one(a, "one"), "one");
            if (l.size() > 1) {
                return fail("one: the list has " + l.size() + " elements");
            }
            return l.isEmpty() ? Values.nul(at) : l.get(0);
        });
        structural("coalescelist", (a, at, raw) -> {
            for (Value x : a) {
                if (!listOf(x, "coalescelist").isEmpty()) {
                    return x;
                }
            }
            return fail("coalescelist: every list is empty");
        });
        structural("keys", (a, at, raw) -> {
            List<Value> out = new ArrayList<>();
            mapOf(one(a, "keys"), "keys").entries().keySet().stream().sorted().forEach(k -> out.add(Values.str(k, at)));
            return Values.list(out, at);
        });
        structural("values", (a, at, raw) -> Values.list(new ArrayList<>(Values.sorted(mapOf(one(a, "values"), "values")).values()), at));
        structural("merge", CollectionFunctions::merge);
        structural("lookup", CollectionFunctions::lookup);
        structural("zipmap", CollectionFunctions::zipmap);
        structural("range", (a, at, raw) -> range(a, at));
        structural("chunklist", (a, at, raw) -> chunklist(a, at));
        structural("setproduct", (a, at, raw) -> setproduct(a, at));
        structural("transpose", (a, at, raw) -> transpose(one(a, "transpose"), at));
        structural("list", (a, at, raw) -> Values.list(a, at));
        structural("map", (a, at, raw) -> legacyMap(a, at));
        define("coalesce", (a, at, raw) -> {
            for (Value x : a) {
                if (!Values.isNull(x) && !"".equals(Values.asText(x))) {
                    return x;
                }
            }
            return fail("coalesce: no non-null, non-empty argument");
        });
        define("distinct", (a, at, raw) -> {
            List<Value> out = new ArrayList<>();
            for (Value v : listOf(one(a, "distinct"), "distinct")) {
                if (out.stream().noneMatch(o -> Values.equal(o, v))) {
                    out.add(v);
                }
            }
            return Values.list(out, at);
        });
        define("contains", (a, at, raw) -> {
            Value needle = arg(a, 1, "contains");
            return Values.bool(listOf(arg(a, 0, "contains"), "contains").stream().anyMatch(v -> Values.equal(v, needle)), at);
        });
        define("index", (a, at, raw) -> {
            List<Value> l = listOf(arg(a, 0, "index"), "index");
            for (int i = 0; i < l.size(); i++) {
                if (Values.equal(l.get(i), arg(a, 1, "index"))) {
                    return Values.num(i, at);
                }
            }
            return fail("index: the value is not in the list");
        });
        define("compact", (a, at, raw) -> {
            List<Value> out = new ArrayList<>();
            for (Value v : listOf(one(a, "compact"), "compact")) {
                if (!Values.isNull(v) && !"".equals(Values.asText(v))) {
                    out.add(v);
                }
            }
            return Values.list(out, at);
        });
        define("sort", (a, at, raw) -> {
            List<String> s = new ArrayList<>();
            for (Value v : listOf(one(a, "sort"), "sort")) {
                s.add(text(v, "sort"));
            }
            Collections.sort(s);
            List<Value> out = new ArrayList<>();
            s.forEach(x -> out.add(Values.str(x, at)));
            return Values.list(out, at);
        });
        define("setunion", (a, at, raw) -> {
            List<Value> out = new ArrayList<>();
            for (Value x : a) {
                for (Value v : listOf(x, "setunion")) {
                    if (out.stream().noneMatch(o -> Values.equal(o, v))) {
                        out.add(v);
                    }
                }
            }
            return Values.list(out, at);
        });
        define("setintersection", (a, at, raw) -> {
            List<Value> out = new ArrayList<>(listOf(arg(a, 0, "setintersection"), "setintersection"));
            for (int i = 1; i < a.size(); i++) {
                List<Value> other = listOf(a.get(i), "setintersection");
                out.removeIf(v -> other.stream().noneMatch(o -> Values.equal(o, v)));
            }
            return Values.list(out, at);
        });
        define("setsubtract", (a, at, raw) -> {
            List<Value> out = new ArrayList<>(listOf(arg(a, 0, "setsubtract"), "setsubtract"));
            List<Value> other = listOf(arg(a, 1, "setsubtract"), "setsubtract");
            out.removeIf(v -> other.stream().anyMatch(o -> Values.equal(o, v)));
            return Values.list(out, at);
        });
        define("matchkeys", (a, at, raw) -> {
            List<Value> vals = listOf(arg(a, 0, "matchkeys"), "matchkeys");
            List<Value> keys = listOf(arg(a, 1, "matchkeys"), "matchkeys");
            List<Value> search = listOf(arg(a, 2, "matchkeys"), "matchkeys");
            if (vals.size() != keys.size()) {
                return fail("matchkeys: the values and keys lists have different lengths");
            }
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                Value k = keys.get(i);
                if (search.stream().anyMatch(s -> Values.equal(s, k))) {
                    out.add(vals.get(i));
                }
            }
            return Values.list(out, at);
        });
        define("alltrue", (a, at, raw) -> Values.bool(listOf(one(a, "alltrue"), "alltrue").stream()
                .allMatch(v -> "true".equals(text(v, "alltrue"))), at));
        define("anytrue", (a, at, raw) -> Values.bool(listOf(one(a, "anytrue"), "anytrue").stream()
                .anyMatch(v -> "true".equals(text(v, "anytrue"))), at));
    }

    /**
     * A list known only as a family of elements ({@code var.azs} without a value, the AZ names of an
     * unknown region): picking elements keeps them symbolic. {@code element} wraps around the unknown
     * length, so only its first two indexes (every region has two AZs) stay provably distinct.
     */
    static Value onSymbolicList(String name, Value.Symbol list, List<Value> args, SourceLocation at) {
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
                if (from < 0 || to < from || to - from > MAX_ELEMENTS) {
                    throw new Functions.EvalError("slice(" + from + ", " + to + ")");
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
        throw new Functions.EvalError("length of " + v);
    }

    private static Value element(List<Value> args) {
        List<Value> l = listOf(arg(args, 0, "element"), "element");
        int i = intArg(arg(args, 1, "element"), "element");
        if (l.isEmpty()) {
            throw new Functions.EvalError("element of an empty list");
        }
        if (i < 0) {
            throw new Functions.EvalError("element: a negative index");
        }
        return l.get(i % l.size());
    }

    private static Value slice(List<Value> args, SourceLocation at) {
        int from = intArg(arg(args, 1, "slice"), "slice");
        int to = intArg(arg(args, 2, "slice"), "slice");
        List<Value> l = listOf(arg(args, 0, "slice"), "slice");
        if (from < 0 || to > l.size() || from > to) {
            throw new Functions.EvalError("slice(" + from + ", " + to + ") of a list of " + l.size());
        }
        return Values.list(l.subList(from, to), at);
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
        throw new Functions.EvalError("to" + (set ? "set" : "list") + " expects a list");
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
            throw new Functions.EvalError("lookup expects a map");
        }
        Value v = map.entries().get(k);
        if (v != null) {
            return v;
        }
        if (args.size() > 2) {
            return args.get(2);
        }
        throw new Functions.EvalError("lookup: no key \"" + k + "\"");
    }

    private static Value zipmap(List<Value> args, SourceLocation at, String raw) {
        List<Value> keys = listOf(arg(args, 0, "zipmap"), "zipmap");
        List<Value> vals = listOf(arg(args, 1, "zipmap"), "zipmap");
        if (keys.size() != vals.size()) {
            throw new Functions.EvalError("zipmap: " + keys.size() + " keys for " + vals.size() + " values");
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
            throw new Functions.EvalError("range: step 0");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal x = start; step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0; x = x.add(step)) {
            out.add(Values.num(x, at));
            if (out.size() > MAX_ELEMENTS) {
                throw new Functions.EvalError("range: more than " + MAX_ELEMENTS + " elements");
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

    /** Every combination of one element from each list, in order. */
    private static Value setproduct(List<Value> args, SourceLocation at) {
        if (args.size() < 2) {
            return fail("setproduct needs at least two sets");
        }
        List<List<Value>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Value a : args) {
            List<Value> items = listOf(a, "setproduct");
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> c : combos) {
                for (Value i : items) {
                    List<Value> n = new ArrayList<>(c);
                    n.add(i);
                    next.add(n);
                    if (next.size() > MAX_ELEMENTS) {
                        throw new Functions.EvalError("setproduct: more than " + MAX_ELEMENTS + " combinations");
                    }
                }
            }
            combos = next;
        }
        List<Value> out = new ArrayList<>();
        combos.forEach(c -> out.add(Values.list(c, at)));
        return Values.list(out, at);
    }

    /** A map of lists of strings, each string becoming a key listing the keys it appeared under. */
    private static Value transpose(Value v, SourceLocation at) {
        Map<String, List<Value>> out = new TreeMap<>();
        for (Map.Entry<String, Value> e : Values.sorted(mapOf(v, "transpose")).entrySet()) {
            for (Value item : listOf(e.getValue(), "transpose")) {
                out.computeIfAbsent(text(item, "transpose"), k -> new ArrayList<>()).add(Values.str(e.getKey(), at));
            }
        }
        Map<String, Value> m = new LinkedHashMap<>();
        out.forEach((k, l) -> m.put(k, Values.list(l, at)));
        return Values.map(m, at);
    }

    /** Terraform 0.11's {@code map("k1", v1, "k2", v2)}. */
    private static Value legacyMap(List<Value> args, SourceLocation at) {
        if (args.size() % 2 != 0) {
            return fail("map needs an even number of arguments");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String k = Values.asText(args.get(i));
            if (k == null) {
                return Values.unknownFrom("map(...)", at, args.get(i));
            }
            out.put(k, args.get(i + 1));
        }
        return Values.map(out, at);
    }
}
