package io.atolint.parse.terraform;

import io.atolint.model.Numbers;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upper bound on the size (elements plus characters, as {@link Values#weight} counts) of what a
 * function call returns, computed from its arguments before the function runs. The evaluator refuses a
 * call whose bound passes the value-size limit ({@code --limit value-size}), so that no function ever
 * starts building a value it could not hold: {@code format("%999999999d", 1)} would allocate a gigabyte,
 * {@code replace(s, "a", big)} or {@code setproduct} multiply their inputs. Every function is bounded:
 * those whose result grows with a number or a product of their arguments by their own rule, every
 * other one by a multiple of its arguments' size (they copy, re-encode or reorder what they are given).
 */
final class ResultBound {
    /** Re-encoding (jsonencode of control characters as {@code \\u0000}, base64, quoting) grows a value at most this much. */
    private static final long LINEAR_FACTOR = 8;
    private static final long SLACK = 1024;
    private static final Pattern VERB = Pattern.compile("%[-+ #0]*+(\\d*+)(?:\\.(\\d*+))?[a-zA-Z%]");

    private ResultBound() {
    }

    /** The most the call can return; {@link Long#MAX_VALUE} when it cannot be bounded below {@code cap}. */
    static long of(String name, List<Value> args, long cap) {
        long in = Values.weight(args, cap);
        long linear = sat(sat(in, LINEAR_FACTOR), 1) + SLACK;
        try {
            return switch (name) {
                case "format" -> format(args, 0, in, cap);
                case "formatlist" -> sat(Math.max(1, longestList(args, cap)), format(args, 0, in, cap));
                case "indent" -> sat(number(args, 0), lines(args, 1) + 1) + linear;
                case "replace" -> replace(args) + linear;
                case "join" -> sat(text(args, 0).length(), elements(args, 1, cap)) + linear;
                case "setproduct" -> product(args, cap);
                case "range" -> range(args) + linear;
                case "regexall", "regex" -> sat(groups(args, 0) + 2, (long) text(args, 1).length() + 1) + linear;
                case "chunklist" -> sat(2, in) + linear;
                default -> linear;
            };
        } catch (RuntimeException e) {
            // arguments of the wrong shape: the function itself reports the error
            return linear;
        }
    }

    /** The format string's text plus every width and precision it asks for, plus the arguments printed. */
    private static long format(List<Value> args, int at, long in, long cap) {
        String f = text(args, at);
        long out = f.length() + sat(in, LINEAR_FACTOR) + SLACK;
        Matcher m = VERB.matcher(f);
        while (m.find()) {
            out = sat(out, 1) + digits(m.group(1)) + digits(m.group(2));
            if (out > cap) {
                return Long.MAX_VALUE;
            }
        }
        return out;
    }

    private static long digits(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        return s.length() > 18 ? Long.MAX_VALUE / 4 : Long.parseLong(s);
    }

    private static long replace(List<Value> args) {
        String s = text(args, 0);
        String search = text(args, 1);
        long repl = text(args, 2).length();
        boolean regex = search.length() > 2 && search.startsWith("/") && search.endsWith("/");
        long matches = regex || search.isEmpty() ? s.length() + 1L : s.length() / search.length() + 1L;
        return sat(matches, repl) + s.length();
    }

    private static long product(List<Value> args, long cap) {
        long n = 1;
        for (Value a : args) {
            n = sat(n, Math.max(1, a.asList().size()));
            if (n > cap) {
                return Long.MAX_VALUE;
            }
        }
        return sat(n, args.size() + 1L) + SLACK;
    }

    private static long range(List<Value> args) {
        if (args.isEmpty()) {
            return 0;
        }
        BigDecimal start = args.size() == 1 ? BigDecimal.ZERO : num(args, 0);
        BigDecimal end = num(args, args.size() == 1 ? 0 : 1);
        BigDecimal step = args.size() > 2 ? num(args, 2).abs() : BigDecimal.ONE;
        if (step.signum() == 0) {
            return 0;
        }
        BigDecimal n = end.subtract(start).abs().divide(step, 0, java.math.RoundingMode.CEILING);
        return n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0 ? Long.MAX_VALUE : sat(n.longValue(), 16);
    }

    private static long groups(List<Value> args, int at) {
        String p = text(args, at);
        long n = 0;
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) == '(') {
                n++;
            }
        }
        return n;
    }

    private static long number(List<Value> args, int at) {
        BigDecimal d = num(args, at);
        return d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0 ? Long.MAX_VALUE : Math.abs(d.longValue());
    }

    private static long lines(List<Value> args, int at) {
        return text(args, at).lines().count();
    }

    private static long elements(List<Value> args, int at, long cap) {
        long n = 0;
        for (int i = at; i < args.size(); i++) {
            n = sat(n, 1) + args.get(i).asList().size();
        }
        return Math.min(n, cap + 1);
    }

    private static long longestList(List<Value> args, long cap) {
        long n = 0;
        for (Value a : args) {
            if (a instanceof Value.ListV l) {
                n = Math.max(n, l.items().size());
            }
        }
        return Math.min(n, cap + 1);
    }

    private static BigDecimal num(List<Value> args, int at) {
        BigDecimal d = at < args.size() ? args.get(at).asNumber().orElse(null) : null;
        return d == null ? BigDecimal.ZERO : Numbers.reasonable(d) == null ? BigDecimal.ZERO : d;
    }

    private static String text(List<Value> args, int at) {
        return at < args.size() ? args.get(at).asString().orElse("") : "";
    }

    /** a * b, saturating at {@link Long#MAX_VALUE}. */
    private static long sat(long a, long b) {
        if (a <= 0 || b <= 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
