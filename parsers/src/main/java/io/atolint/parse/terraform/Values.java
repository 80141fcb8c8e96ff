package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Small three-valued helpers over the model's {@link Value} for the Terraform evaluator. */
final class Values {
    private static final int MAX_REFS = 200;

    private Values() {
    }

    /** A value is known when it holds no Unknown and no Symbol anywhere (Refs count as known). */
    static boolean isKnown(Value v) {
        // a part too deep to walk is not known either
        return !ValueWalker.standard().anyMatch(v, n -> n.cut()
                || n.value() instanceof Value.Unknown || n.value() instanceof Value.Symbol);
    }

    /** The resources a value was built from, for relations. */
    static List<Value.Ref> refs(Value... values) {
        Set<Value.Ref> out = new LinkedHashSet<>();
        for (Value v : values) {
            // about 200 references are plenty for the relations of one value
            ValueWalker.standard().values(v).takeWhile(x -> out.size() <= MAX_REFS).forEach(x -> ValueWalker.addRefs(x, out));
        }
        return new ArrayList<>(out);
    }

    static List<Value.Ref> refs(List<Value> values) {
        return refs(values.toArray(new Value[0]));
    }

    /** UNKNOWN because of its inputs: the reason of the first unknown input, and every input's refs. */
    static Value.Unknown unknownFrom(String raw, SourceLocation at, Value... inputs) {
        String reason = null;
        for (Value v : inputs) {
            reason = reasonOf(v);
            if (reason != null) {
                break;
            }
        }
        return new Value.Unknown(reason == null ? "not decidable" : reason, raw, refs(inputs), at);
    }

    /** Why a value is not known, or null when it is. */
    static String reasonOf(Value v) {
        return ValueWalker.standard().values(v).map(Values::ownReason).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Why this one value (not its parts) is not known, or null. */
    private static String ownReason(Value v) {
        if (v instanceof Value.Unknown u) {
            return u.reason();
        }
        if (v instanceof Value.Symbol s) {
            return s.how() == null || s.how().isEmpty() ? s.display() + " is not known" : s.how();
        }
        return null;
    }

    /**
     * The size of values, counted as collection elements plus string characters, stopping as soon as it
     * passes {@code cap}: the guard against expressions whose results grow geometrically.
     */
    static long weight(List<Value> values, long cap) {
        long total = 0;
        java.util.ArrayDeque<Value> todo = new java.util.ArrayDeque<>(values);
        while (!todo.isEmpty() && total <= cap) {
            Value v = todo.pop();
            total++;
            if (v instanceof Value.Scalar sc && sc.value() instanceof String str) {
                total += str.length();
            } else if (v instanceof Value.ListV l) {
                todo.addAll(l.items());
            } else if (v instanceof Value.MapV m) {
                total += m.entries().size();
                todo.addAll(m.entries().values());
            }
        }
        return total;
    }

    static Value.Scalar str(String s, SourceLocation at) {
        return new Value.Scalar(s, null, at);
    }

    static Value.Scalar num(BigDecimal n, SourceLocation at) {
        return new Value.Scalar(n, null, at);
    }

    static Value.Scalar num(long n, SourceLocation at) {
        return new Value.Scalar(BigDecimal.valueOf(n), null, at);
    }

    static Value.Scalar bool(boolean b, SourceLocation at) {
        return new Value.Scalar(b, null, at);
    }

    static Value.Scalar nul(SourceLocation at) {
        return new Value.Scalar(null, null, at);
    }

    static boolean isNull(Value v) {
        return v instanceof Value.Scalar s && s.value() == null;
    }

    static Value.ListV list(List<Value> items, SourceLocation at) {
        return new Value.ListV(items, at);
    }

    static Value.MapV map(Map<String, Value> entries, SourceLocation at) {
        return new Value.MapV(entries, at);
    }

    /** The text of a known primitive (string, number, bool) as Terraform converts it to a string. */
    static String asText(Value v) {
        if (v instanceof Value.Scalar s && s.value() != null) {
            if (s.value() instanceof BigDecimal d) {
                return d.stripTrailingZeros().toPlainString();
            }
            return String.valueOf(s.value());
        }
        return null;
    }

    /** Terraform's equality on known values (numbers by value; lists and maps element-wise). */
    static boolean equal(Value a, Value b) {
        if (a instanceof Value.Scalar x && b instanceof Value.Scalar y) {
            if (x.value() instanceof BigDecimal p && y.value() instanceof BigDecimal q) {
                return p.compareTo(q) == 0;
            }
            return Objects.equals(x.value(), y.value());
        }
        if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!equal(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.MapV x && b instanceof Value.MapV y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            for (String k : x.entries().keySet()) {
                if (!equal(x.entries().get(k), y.entries().get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.Ref x && b instanceof Value.Ref y) {
            return x.targetId().equals(y.targetId()) && Objects.equals(x.attribute(), y.attribute());
        }
        return false;
    }

    /** A copy of {@code v} located at {@code at} (values flowing through variables keep their origin otherwise). */
    static Value relocate(Value v, SourceLocation at) {
        if (v instanceof Value.Scalar s) {
            return new Value.Scalar(s.value(), s.how(), at);
        }
        return v;
    }

    /** Map entries in key order, as Terraform iterates maps and objects. */
    static Map<String, Value> sorted(Value.MapV m) {
        Map<String, Value> out = new LinkedHashMap<>();
        m.entries().keySet().stream().sorted().forEach(k -> out.put(k, m.entries().get(k)));
        return out;
    }
}
