package io.atolint.parse.terraform;

import io.atolint.model.Numbers;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import static io.atolint.parse.terraform.Functions.arg;
import static io.atolint.parse.terraform.Functions.define;
import static io.atolint.parse.terraform.Functions.fail;
import static io.atolint.parse.terraform.Functions.intArg;
import static io.atolint.parse.terraform.Functions.listOf;
import static io.atolint.parse.terraform.Functions.number;
import static io.atolint.parse.terraform.Functions.one;
import static io.atolint.parse.terraform.Functions.text;

/** Terraform's numeric functions and the primitive type conversions. */
final class NumericFunctions {
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private NumericFunctions() {
    }

    static void register() {
        define("min", (a, at, raw) -> extreme(a, true, at));
        define("max", (a, at, raw) -> extreme(a, false, at));
        define("sum", (a, at, raw) -> {
            List<Value> l = listOf(one(a, "sum"), "sum");
            if (l.isEmpty()) {
                return fail("sum of an empty list");
            }
            BigDecimal s = BigDecimal.ZERO;
            for (Value v : l) {
                s = s.add(number(v, "sum"));
            }
            return Values.num(s, at);
        });
        define("abs", (a, at, raw) -> Values.num(number(one(a, "abs"), "abs").abs(), at));
        define("ceil", (a, at, raw) -> Values.num(number(one(a, "ceil"), "ceil").setScale(0, RoundingMode.CEILING), at));
        define("floor", (a, at, raw) -> Values.num(number(one(a, "floor"), "floor").setScale(0, RoundingMode.FLOOR), at));
        define("signum", (a, at, raw) -> Values.num(number(one(a, "signum"), "signum").signum(), at));
        define("pow", (a, at, raw) -> {
            double r = Math.pow(number(arg(a, 0, "pow"), "pow").doubleValue(), number(arg(a, 1, "pow"), "pow").doubleValue());
            return Double.isFinite(r) ? Values.num(new BigDecimal(r, MathContext.DECIMAL64).stripTrailingZeros(), at)
                    : fail("pow: the result is not a finite number");
        });
        define("log", (a, at, raw) -> {
            double x = number(arg(a, 0, "log"), "log").doubleValue();
            double base = number(arg(a, 1, "log"), "log").doubleValue();
            double r = Math.log(x) / Math.log(base);
            return Double.isFinite(r) ? Values.num(new BigDecimal(r, MathContext.DECIMAL64).stripTrailingZeros(), at)
                    : fail("log: the result is not a finite number");
        });
        define("parseint", (a, at, raw) -> Values.num(new BigDecimal(parseInt(text(arg(a, 0, "parseint"), "parseint"),
                intArg(arg(a, 1, "parseint"), "parseint"))), at));
        define("tostring", (a, at, raw) -> {
            Value v = one(a, "tostring");
            if (Values.isNull(v)) {
                return v;
            }
            if (!(v instanceof Value.Scalar)) {
                return fail("tostring: only a primitive converts to a string");
            }
            return Values.str(text(v, "tostring"), at);
        });
        define("tonumber", (a, at, raw) -> {
            Value v = one(a, "tonumber");
            return Values.isNull(v) ? v : Values.num(number(v, "tonumber"), at);
        });
        define("tobool", (a, at, raw) -> {
            Value v = one(a, "tobool");
            if (Values.isNull(v)) {
                return v;
            }
            String s = text(v, "tobool");
            return s.equals("true") || s.equals("false") ? Values.bool(s.equals("true"), at)
                    : fail("tobool: cannot convert \"" + s + "\"");
        });
        // Values carry no sensitivity or ephemerality marks here: these return their argument.
        define("sensitive", (a, at, raw) -> one(a, "sensitive"));
        define("nonsensitive", (a, at, raw) -> one(a, "nonsensitive"));
        define("ephemeralasnull", (a, at, raw) -> one(a, "ephemeralasnull"));
    }

    private static Value extreme(List<Value> args, boolean min, io.atolint.model.SourceLocation at) {
        BigDecimal best = null;
        // min([1, 2]) is an error in Terraform (it wants min([1, 2]...)); read as meant
        List<Value> nums = args.size() == 1 && args.get(0) instanceof Value.ListV l ? l.items() : args;
        for (Value v : nums) {
            BigDecimal d = number(v, min ? "min" : "max");
            if (best == null || (min ? d.compareTo(best) < 0 : d.compareTo(best) > 0)) {
                best = d;
            }
        }
        return best == null ? fail((min ? "min" : "max") + " needs at least one number") : Values.num(best, at);
    }

    /** {@code parseint("FF", 16)}: bases 2 to 62, digits 0-9, a-z, A-Z as Terraform reads them. */
    static BigInteger parseInt(String s, int base) {
        if (base < 2 || base > 62) {
            throw new Functions.EvalError("parseint: base " + base + " is not between 2 and 62");
        }
        String t = s;
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 1000) {
            throw new Functions.EvalError("parseint: cannot parse \"" + s + "\"");
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        for (char c : t.toCharArray()) {
            int d = base <= 36 ? Character.digit(c, base) : DIGITS.indexOf(c);
            if (d < 0 || d >= base) {
                throw new Functions.EvalError("parseint: cannot parse \"" + s + "\" in base " + base);
            }
            n = n.multiply(b).add(BigInteger.valueOf(d));
        }
        BigInteger r = negative ? n.negate() : n;
        if (Numbers.reasonable(new BigDecimal(r)) == null) {
            throw new Functions.EvalError("parseint: the number is too large");
        }
        return r;
    }
}
