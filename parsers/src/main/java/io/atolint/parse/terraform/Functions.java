package io.atolint.parse.terraform;

import io.atolint.model.Numbers;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's built-in functions, three-valued: an unknown input gives an UNKNOWN result, never a
 * guess. Every pure function of Terraform 1.x is evaluated, by family ({@link CollectionFunctions},
 * {@link StringFunctions}, {@link NumericFunctions}, {@link EncodingFunctions},
 * {@link NetworkFunctions}, {@link TimeFunctions}; {@code try}, {@code can} and
 * {@code templatestring} are the evaluator's, since they evaluate their arguments themselves).
 * Functions that read the file system, the clock, randomness or the machine are UNKNOWN with the
 * reason ({@link #NOT_EVALUATED}, listed in the README), and so are provider functions.
 *
 * <p>Functions that only move elements around ({@code element}, {@code slice}, {@code concat}, ...)
 * accept elements that are symbols (an AZ that is {@code names[1]} of an unknown region), so that
 * {@code slice(data.aws_availability_zones.a.names, 0, 3)} stays three provably distinct AZs.
 */
final class Functions {

    /** One function: its arguments (already evaluated and known, see {@link #call}) to its result. */
    interface Fn {
        Value apply(List<Value> args, SourceLocation at, String raw);
    }

    private record Def(Fn fn, boolean structural) {
    }

    private static final Map<String, Def> TABLE = new HashMap<>();

    /** Built-in functions of Terraform 1.x that are left UNKNOWN, and why. */
    static final Map<String, String> NOT_EVALUATED = Map.ofEntries(
            Map.entry("file", "it reads a file"),
            Map.entry("fileexists", "it looks at the file system"),
            Map.entry("fileset", "it lists the file system"),
            Map.entry("filebase64", "it reads a file"),
            Map.entry("filebase64sha256", "it reads a file"),
            Map.entry("filebase64sha512", "it reads a file"),
            Map.entry("filemd5", "it reads a file"),
            Map.entry("filesha1", "it reads a file"),
            Map.entry("filesha256", "it reads a file"),
            Map.entry("filesha512", "it reads a file"),
            Map.entry("templatefile", "it reads a file"),
            Map.entry("abspath", "it depends on the working directory"),
            Map.entry("pathexpand", "it depends on the home directory of the machine"),
            Map.entry("timestamp", "it reads the clock"),
            Map.entry("plantimestamp", "it reads the clock"),
            Map.entry("uuid", "it is random"),
            Map.entry("bcrypt", "it is random (a fresh salt at every run)"),
            Map.entry("base64gzip", "its bytes depend on Go's gzip writer, which the JDK's does not reproduce"),
            Map.entry("yamlencode", "the exact text Terraform writes (quoting, ordering, line breaks) is not reproduced"),
            Map.entry("rsadecrypt", "it needs a private key, and its result is a secret, not configuration"),
            Map.entry("issensitive", "sensitivity marks are not tracked"),
            Map.entry("type", "it exists only in terraform console"));

    static {
        CollectionFunctions.register();
        StringFunctions.register();
        NumericFunctions.register();
        EncodingFunctions.register();
        NetworkFunctions.register();
        TimeFunctions.register();
    }

    private Functions() {
    }

    /** An error Terraform would report (caught by {@code try} and {@code can}). */
    static final class EvalError extends RuntimeException {
        /** Whether the input itself is wrong whatever the variables are (Terraform refuses it): a PARSE001. */
        final boolean invalidInput;

        EvalError(String message) {
            this(message, false);
        }

        private EvalError(String message, boolean invalidInput) {
            super(message, null, false, false);
            this.invalidInput = invalidInput;
        }

        /** An index out of range of a known list, or not a whole number. */
        static EvalError invalid(String message) {
            return new EvalError(message, true);
        }
    }

    /** A function of known arguments. */
    static void define(String name, Fn fn) {
        TABLE.put(name, new Def(fn, false));
    }

    /** A function that only moves elements: its arguments' shape must be known, their elements need not be. */
    static void structural(String name, Fn fn) {
        TABLE.put(name, new Def(fn, true));
    }

    /** The names of the functions atolint evaluates (the evaluator's {@code try}, {@code can}, {@code templatestring} aside). */
    static Set<String> evaluated() {
        return java.util.Collections.unmodifiableSet(TABLE.keySet());
    }

    static Value call(String name, List<Value> args, SourceLocation at, String raw) {
        if (!args.isEmpty() && args.get(0) instanceof Value.Symbol list && list.index() < 0) {
            Value v = CollectionFunctions.onSymbolicList(name, list, args, at);
            if (v != null) {
                return v;
            }
        }
        if (name.equals("jsonencode") && args.size() == 1 && args.get(0) instanceof Value.MapV m
                && (!Values.isKnown(m) || !Values.refs(m).isEmpty())) {
            // A document with unresolved leaves (an ARN of a resource created alongside) keeps its structure, so
            // that rules read the statements they can and see UNKNOWN only where a value is not resolved.
            return m;
        }
        if (name.equals("jsondecode") && args.size() == 1 && args.get(0) instanceof Value.MapV m) {
            // JSON text kept structured (above, and aws_iam_policy_document's json) decodes to itself
            return m;
        }
        Def def = TABLE.get(name);
        if (def == null) {
            String why = NOT_EVALUATED.get(name);
            return new Value.Unknown(why != null ? name + "() is not evaluated: " + why
                    : "function " + name + "() is not a Terraform function atolint knows", raw, Values.refs(args), at);
        }
        for (Value a : args) {
            if (def.structural() ? !shapeKnown(a, name) : !Values.isKnown(a)) {
                return Values.unknownFrom(raw, at, args.toArray(new Value[0]));
            }
        }
        return def.fn().apply(args, at, raw);
    }

    /** Lists, maps and numbers whose shape is known (their elements may be symbols). */
    private static boolean shapeKnown(Value v, String fn) {
        if (v instanceof Value.Unknown || v instanceof Value.Symbol) {
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

    // ---------------------------------------------------------------- argument helpers for the families

    static Value fail(String message) {
        throw new EvalError(message);
    }

    static Value one(List<Value> args, String name) {
        if (args.isEmpty()) {
            fail(name + " needs an argument");
        }
        return args.get(0);
    }

    static Value arg(List<Value> args, int i, String name) {
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

    static Value.MapV mapOf(Value v, String name) {
        if (v instanceof Value.MapV m) {
            return m;
        }
        throw new EvalError(name + " expects a map, got " + v);
    }

    static String text(Value v, String name) {
        String s = Values.asText(v);
        if (s == null) {
            throw new EvalError(name + " expects a string, got " + v);
        }
        return s;
    }

    static BigDecimal number(Value v, String name) {
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

    static int intArg(Value v, String name) {
        BigDecimal d = number(v, name);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalError(name + " expects a whole number, got " + d);
        }
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
