package io.atolint.model;

import java.util.Objects;

/**
 * One Availability Zone as the files state it: a literal name ({@code us-east-1a}) or zone id
 * ({@code use1-az1}), a symbol ({@code GetAZs('')[1]}, {@code var.azs[2]}), or UNKNOWN. Two AZs are
 * the same only when provably so ({@link #sameAs}). {@code how} records how the value was resolved.
 */
public record Az(Type type, String name, String family, int index, boolean distinct, String how) {

    public enum Type { LITERAL, ZONE_ID, SYMBOL, UNKNOWN }

    /** Compiled once: every AZ a scan resolves is asked ({@code String.matches} compiled it per call). */
    private static final java.util.regex.Pattern ZONE_ID = java.util.regex.Pattern.compile("[a-z]{2,5}\\d-az\\d+");

    public Az {
        Objects.requireNonNull(type);
        how = how == null ? "" : how;
    }

    public static Az literal(String name, String how) {
        return new Az(looksLikeZoneId(name) ? Type.ZONE_ID : Type.LITERAL, name, null, -1, false, how);
    }

    public static Az symbol(String family, int index, boolean distinct, String how) {
        return new Az(Type.SYMBOL, null, family, index, distinct, how);
    }

    /**
     * A drawn AZ: a symbol of its page's family, shown by the name the picture gives it ("Availability
     * Zone 1", "AZ-(region)a"). Names must differ between distinct indexes of one family.
     */
    public static Az drawn(String name, String family, int index, String how) {
        return new Az(Type.SYMBOL, name, family, index, true, how);
    }

    public static Az unknown(String reason) {
        return new Az(Type.UNKNOWN, null, null, -1, false, reason);
    }

    /** Turns an attribute value into an AZ. */
    public static Az fromValue(Value v) {
        if (v instanceof Value.Scalar s && s.value() instanceof String str && !str.isBlank()) {
            return literal(str.trim(), s.isLiteral() ? "literal" : s.how());
        }
        if (v instanceof Value.Symbol s) {
            return s.name() != null ? new Az(Type.SYMBOL, s.name(), s.family(), s.index(), s.distinct(), s.how())
                    : symbol(s.family(), s.index(), s.distinct(), s.how());
        }
        if (v instanceof Value.Unknown u) {
            return unknown(u.reason());
        }
        return unknown("not an Availability Zone value: " + v);
    }

    static boolean looksLikeZoneId(String s) {
        return ZONE_ID.matcher(s).matches();
    }

    public boolean isKnown() {
        return type != Type.UNKNOWN;
    }

    /** TRUE when provably the same zone, FALSE when provably different, else UNKNOWN. */
    public Tri sameAs(Az o) {
        if (type == Type.UNKNOWN || o.type == Type.UNKNOWN) {
            return Tri.UNKNOWN;
        }
        if (type == o.type && (type == Type.LITERAL || type == Type.ZONE_ID)) {
            return Tri.of(name.equals(o.name));
        }
        if (type == Type.SYMBOL && o.type == Type.SYMBOL && family.equals(o.family)) {
            if (index == o.index) {
                return Tri.TRUE;
            }
            return distinct && o.distinct && index >= 0 && o.index >= 0 ? Tri.FALSE : Tri.UNKNOWN;
        }
        return Tri.UNKNOWN;
    }

    /** The value alone: {@code us-east-1a}, {@code GetAZs('')[0]}, {@code UNKNOWN}. */
    public String value() {
        return switch (type) {
            case LITERAL, ZONE_ID -> name;
            case SYMBOL -> name != null ? name : index >= 0 ? family + "[" + index + "]" : family;
            case UNKNOWN -> "UNKNOWN";
        };
    }

    /** The value and how it was resolved: {@code us-east-1a (GetAZs('')[0] of us-east-1)}. */
    public String display() {
        if (how.isEmpty()) {
            return value();
        }
        return value() + " (" + how + ")";
    }

    /** For messages: {@code us-east-1a}, {@code us-east-1a via GetAZs('')[0] of us-east-1}, {@code UNKNOWN: why}. */
    public String explain() {
        if (type == Type.UNKNOWN) {
            return "UNKNOWN: " + how;
        }
        if (how.isEmpty() || how.equals("literal")) {
            return value();
        }
        return type == Type.SYMBOL ? value() + "; " + how : value() + " via " + how;
    }

    @Override
    public String toString() {
        return display();
    }
}
