package io.atolint.model;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A resolved attribute value, three-valued: a known value (scalar, list, map), a reference to a
 * resource of the same model, a symbol that is identified but not concrete (an AZ that is
 * {@code GetAZs[0]} of an unknown region), or UNKNOWN with the reason. Every value keeps where it
 * came from, so that a finding can point at the exact property.
 *
 * <p>Map keys are looked up <em>format-blind</em>: {@link #key(String)} lower-cases and drops
 * {@code _} and {@code -}, so {@code MultiAZ} (CloudFormation) and {@code multi_az} (Terraform)
 * are the same attribute. Where the formats name a property differently, callers pass the
 * alternatives ({@link MapV#first(String...)}).
 */
public sealed interface Value permits Value.Scalar, Value.ListV, Value.MapV, Value.Ref, Value.Symbol, Value.Unknown {

    SourceLocation location();

    /** Format-blind key: {@code MultiAZ}, {@code multi_az} and {@code multi-az} are one key. */
    static String key(String name) {
        return ValueKeys.key(name);
    }

    /** {@link #key} without the cache. */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * A literal: String, BigDecimal, Boolean or null. {@code how} says how it was resolved when it
     * did not come straight from the file ("parameter AppAz1 (default eu-west-1b)"), else "literal".
     */
    record Scalar(Object value, String how, SourceLocation location) implements Value {
        public Scalar {
            how = how == null ? "literal" : how;
        }

        public boolean isLiteral() {
            return "literal".equals(how);
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    record ListV(List<Value> items, SourceLocation location) implements Value {
        public ListV {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }

    /**
     * An ordered map. Lookups go through {@link Value#key(String)}. A map whose content could not be
     * resolved ({@link #unknown}) answers every absent key with UNKNOWN rather than "omitted", so that
     * an unresolved {@code Properties} never reads as "MultiAZ omitted".
     *
     * <p>Kept in arrays (keys, their format-blind form, values, where each key is written) rather than
     * maps: a model of 100,000 resources holds about a million entries, most maps have a handful, and
     * three hash maps per map value were a third of the model's memory. Maps of more than
     * {@link #INDEXED} entries also keep an index from format-blind key to position.
     */
    final class MapV implements Value {
        private static final int INDEXED = 24;
        private static final String[] NO_KEYS = new String[0];
        private static final Value[] NO_VALUES = new Value[0];

        private final String[] keys;
        /** {@link Value#key} of each key, in the same order. */
        private final String[] blind;
        private final Value[] values;
        /** Where each key is written; null when not known (the value's location stands in). */
        private final SourceLocation[] keyLocations;
        private final SourceLocation location;
        private final String unknownRest;
        /** Format-blind key to the position of its first occurrence, for large maps only. */
        private final Map<String, Integer> index;
        private Map<String, Value> view;

        public MapV(Map<String, Value> entries, SourceLocation location) {
            this(entries, Map.of(), location);
        }

        public MapV(Map<String, Value> entries, Map<String, SourceLocation> keyLocations, SourceLocation location) {
            this(entries, keyLocations, location, null);
        }

        private MapV(Map<String, Value> entries, Map<String, SourceLocation> keyLocations, SourceLocation location,
                     String unknownRest) {
            int n = entries.size();
            this.keys = n == 0 ? NO_KEYS : new String[n];
            this.blind = n == 0 ? NO_KEYS : new String[n];
            this.values = n == 0 ? NO_VALUES : new Value[n];
            SourceLocation[] locs = null;
            int i = 0;
            for (Map.Entry<String, Value> e : entries.entrySet()) {
                String k = Objects.requireNonNull(e.getKey(), "key");
                keys[i] = k;
                blind[i] = key(k);
                values[i] = e.getValue();
                SourceLocation l = keyLocations.isEmpty() ? null : keyLocations.get(k);
                if (l != null) {
                    if (locs == null) {
                        locs = new SourceLocation[n];
                    }
                    locs[i] = l;
                }
                i++;
            }
            this.keyLocations = locs;
            this.location = location;
            this.unknownRest = unknownRest;
            this.index = n > INDEXED ? indexOf(blind) : null;
        }

        /**
         * The first {@code n} of distinct keys in their order, their values and where each key is written:
         * a reader that knows its keys are distinct builds no map to hand over. The arrays become the map's.
         */
        public static MapV ofDistinct(String[] keys, Value[] values, SourceLocation[] keyLocations, int n,
                                      SourceLocation location) {
            if (n < keys.length) {
                keys = Arrays.copyOf(keys, n);
                values = Arrays.copyOf(values, n);
                keyLocations = Arrays.copyOf(keyLocations, n);
            }
            return new MapV(keys, values, keyLocations, location);
        }

        private MapV(String[] keys, Value[] values, SourceLocation[] keyLocations, SourceLocation location) {
            int n = keys.length;
            this.keys = n == 0 ? NO_KEYS : keys;
            this.blind = n == 0 ? NO_KEYS : new String[n];
            this.values = n == 0 ? NO_VALUES : values;
            boolean anyLocation = false;
            for (int i = 0; i < n; i++) {
                blind[i] = key(Objects.requireNonNull(keys[i], "key"));
                anyLocation |= keyLocations[i] != null;
            }
            this.keyLocations = anyLocation ? keyLocations : null;
            this.location = location;
            this.unknownRest = null;
            this.index = n > INDEXED ? indexOf(blind) : null;
        }

        private MapV(MapV m, String unknownRest) {
            this.keys = m.keys;
            this.blind = m.blind;
            this.values = m.values;
            this.keyLocations = m.keyLocations;
            this.location = m.location;
            this.index = m.index;
            this.unknownRest = unknownRest;
        }

        private static Map<String, Integer> indexOf(String[] blind) {
            Map<String, Integer> idx = new HashMap<>(blind.length * 2);
            for (int i = 0; i < blind.length; i++) {
                idx.putIfAbsent(blind[i], i);
            }
            return idx;
        }

        public static MapV empty(SourceLocation location) {
            return new MapV(Map.of(), location);
        }

        /** A map whose keys are not known: every lookup is UNKNOWN with {@code reason}. */
        public static MapV unknown(String reason, SourceLocation location) {
            return new MapV(Map.of(), Map.of(), location, reason);
        }

        /** The same entries, with every absent key UNKNOWN for {@code reason}. */
        public MapV withUnknownRest(String reason) {
            return new MapV(this, reason);
        }

        /** Why absent keys are UNKNOWN rather than omitted, or null for an ordinary map. */
        public String unknownRest() {
            return unknownRest;
        }

        /** The entries in order, as an unmodifiable map (a view of this value). */
        public Map<String, Value> entries() {
            Map<String, Value> v = view;
            if (v == null) {
                v = new Entries(this);
                view = v;
            }
            return v;
        }

        /** How many entries. */
        public int size() {
            return keys.length;
        }

        /** The key of entry {@code i} as written (walkers go by position, without a view). */
        String keyAt(int i) {
            return keys[i];
        }

        Value valueAt(int i) {
            return values[i];
        }

        @Override
        public SourceLocation location() {
            return location;
        }

        /** The position of a format-blind key, or -1. */
        private int find(String blindKey) {
            if (index != null) {
                Integer i = index.get(blindKey);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < blind.length; i++) {
                if (blind[i].equals(blindKey)) {
                    return i;
                }
            }
            return -1;
        }

        /** The position of a key as written, or -1. */
        private int exact(Object k) {
            if (!(k instanceof String s)) {
                return -1;
            }
            if (index != null) {
                Integer first = index.get(key(s));
                if (first == null) {
                    return -1;
                }
                for (int i = first; i < keys.length; i++) {
                    if (keys[i].equals(s)) {
                        return i;
                    }
                }
                return -1;
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(s)) {
                    return i;
                }
            }
            return -1;
        }

        public boolean has(String name) {
            return find(key(name)) >= 0;
        }

        public Optional<Value> get(String name) {
            int i = find(key(name));
            if (i < 0) {
                return unknownRest == null ? Optional.empty() : Optional.of(new Unknown(unknownRest, location));
            }
            return Optional.of(values[i]);
        }

        /** The first of several names that the formats use for the same property. */
        public Optional<Value> first(String... names) {
            for (String n : names) {
                Optional<Value> v = get(n);
                if (v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }

        /** Where the key itself is written (the line of {@code MultiAZ:}), falling back to the value. */
        public SourceLocation keyLocation(String name) {
            int i = find(key(name));
            if (i < 0) {
                return location;
            }
            SourceLocation l = keyLocations == null ? null : keyLocations[i];
            return l != null ? l : values[i].location();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MapV m && m.entries().equals(entries()) && m.location.equals(location);
        }

        @Override
        public int hashCode() {
            return entries().hashCode();
        }

        @Override
        public String toString() {
            return entries().toString();
        }

        /** The entries of a map value as an unmodifiable, ordered {@link Map}. */
        private static final class Entries extends AbstractMap<String, Value> {
            private final MapV m;

            Entries(MapV m) {
                this.m = m;
            }

            @Override
            public int size() {
                return m.keys.length;
            }

            @Override
            public boolean containsKey(Object key) {
                return m.exact(key) >= 0;
            }

            @Override
            public Value get(Object key) {
                int i = m.exact(key);
                return i < 0 ? null : m.values[i];
            }

            @Override
            public void forEach(BiConsumer<? super String, ? super Value> action) {
                for (int i = 0; i < m.keys.length; i++) {
                    action.accept(m.keys[i], m.values[i]);
                }
            }

            @Override
            public Set<Map.Entry<String, Value>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public int size() {
                        return m.keys.length;
                    }

                    @Override
                    public Iterator<Map.Entry<String, Value>> iterator() {
                        return new Iterator<>() {
                            private int i;

                            @Override
                            public boolean hasNext() {
                                return i < m.keys.length;
                            }

                            @Override
                            public Map.Entry<String, Value> next() {
                                if (i >= m.keys.length) {
                                    throw new NoSuchElementException();
                                }
                                int at = i++;
                                return new AbstractMap.SimpleImmutableEntry<>(m.keys[at], m.values[at]);
                            }
                        };
                    }
                };
            }
        }
    }

    /**
     * A reference to another resource of the model ({@code !Ref Subnet}, {@code aws_subnet.a.id},
     * {@code !GetAtt Db.Endpoint.Address}). {@code targetId} is the target's {@link Resource#id()}.
     */
    record Ref(String targetId, String attribute, SourceLocation location) implements Value {
        @Override
        public String toString() {
            return "ref(" + targetId + (attribute == null || attribute.isEmpty() ? "" : "." + attribute) + ")";
        }
    }

    /**
     * A value that is identified but not concrete: element {@code index} of a {@code family}
     * ({@code GetAZs('')}, {@code data.aws_availability_zones.x.names}, a list parameter), or a whole
     * opaque input ({@code index = -1}, for example a parameter with no default). Two symbols are
     * provably equal when family and index match, and provably different when the family matches,
     * its elements are {@code distinct} by construction (GetAZs) and the indexes differ.
     */
    record Symbol(String family, int index, boolean distinct, String how, SourceLocation location, String name)
            implements Value {
        public Symbol(String family, int index, boolean distinct, String how, SourceLocation location) {
            this(family, index, distinct, how, location, null);
        }

        /** {@code name} when the files write the element so ({@code ${AWS::Region}b}), else family[index]. */
        public String display() {
            return name != null ? name : index >= 0 ? family + "[" + index + "]" : family;
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /**
     * Not decidable from the files. {@code reason} names why ("parameter DbMultiAz has no default",
     * "Fn::ImportValue"); {@code raw} keeps the source text when it matters to a rule (a dynamic
     * reference such as {@code {{resolve:ssm-secure:...}}}, the template of an unresolved
     * {@code Fn::Sub}); {@code refs} are the resources the value was built from, so that a
     * {@code !Sub "${Db.Endpoint.Address}"} still relates its resource to the database. {@code joined}, when not
     * null, is the list a {@code Fn::Join} made this string of: {@code !Join [",", [!Ref SubnetA, !Ref SubnetB]]}
     * is an unknown string, and also the list of two subnets that a list parameter or {@code !Split [","]} gets back.
     */
    record Unknown(String reason, String raw, List<Ref> refs, SourceLocation location, Joined joined) implements Value {
        public Unknown {
            refs = refs == null ? List.of() : List.copyOf(refs);
        }

        public Unknown(String reason, String raw, List<Ref> refs, SourceLocation location) {
            this(reason, raw, refs, location, null);
        }

        public Unknown(String reason, SourceLocation location) {
            this(reason, null, List.of(), location);
        }

        public Unknown(String reason, String raw, SourceLocation location) {
            this(reason, raw, List.of(), location);
        }

        @Override
        public String toString() {
            return "UNKNOWN(" + reason + ")";
        }
    }

    /** The items a string was joined from, and the delimiter between them. */
    record Joined(String delimiter, List<Value> items) {
        public Joined {
            items = List.copyOf(items);
        }
    }

    // ---- convenience accessors, all three-valued ----

    default boolean isUnknown() {
        return this instanceof Unknown;
    }

    default Optional<MapV> asMap() {
        return this instanceof MapV m ? Optional.of(m) : Optional.empty();
    }

    /**
     * The elements of a list; a single non-list value counts as a one-element list (Terraform nested
     * blocks and CloudFormation properties that accept either).
     */
    default List<Value> asList() {
        if (this instanceof ListV l) {
            return l.items();
        }
        return List.of(this);
    }

    default Optional<String> asString() {
        if (this instanceof Scalar s && s.value() != null && !(s.value() instanceof Map)) {
            return Optional.of(s.value() instanceof BigDecimal d ? plain(d) : String.valueOf(s.value()));
        }
        return Optional.empty();
    }

    /** A number as written in plain digits, unless that would take more than a few hundred characters (1e999999). */
    private static String plain(BigDecimal d) {
        BigDecimal n = d.stripTrailingZeros();
        int digits = Math.abs(n.scale()) + n.precision();
        return digits > 400 ? n.toString() : n.toPlainString();
    }

    /** TRUE/FALSE for booleans and the strings "true"/"false" (CloudFormation accepts both). */
    default Tri asBool() {
        if (this instanceof Scalar s) {
            Object v = s.value();
            if (v instanceof Boolean b) {
                return Tri.of(b);
            }
            if (v instanceof String str) {
                String t = str.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true")) {
                    return Tri.TRUE;
                }
                if (t.equals("false")) {
                    return Tri.FALSE;
                }
            }
        }
        return Tri.UNKNOWN;
    }

    default Optional<BigDecimal> asNumber() {
        if (this instanceof Scalar s) {
            if (s.value() instanceof BigDecimal d) {
                return Optional.ofNullable(Numbers.reasonable(d));
            }
            if (s.value() instanceof String str) {
                return Optional.ofNullable(Numbers.parse(str));
            }
        }
        return Optional.empty();
    }

    /** Navigates map keys (format-blind); a one-element list on the way is stepped through. */
    default Optional<Value> at(String... path) {
        Value cur = this;
        for (String p : path) {
            if (cur instanceof ListV l && l.items().size() == 1) {
                cur = l.items().get(0);
            }
            if (!(cur instanceof MapV m)) {
                return Optional.empty();
            }
            Optional<Value> next = m.get(p);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cur = next.get();
        }
        return Optional.of(cur);
    }

    /** A short human description: the value and, when not literal, how it was resolved. */
    default String describe() {
        if (this instanceof Scalar s) {
            return s.isLiteral() ? String.valueOf(s.value()) : s.value() + " (" + s.how() + ")";
        }
        if (this instanceof Symbol s) {
            return s.how() == null || s.how().isEmpty() ? s.display() : s.display() + " (" + s.how() + ")";
        }
        if (this instanceof Unknown u) {
            return "UNKNOWN (" + u.reason() + ")";
        }
        return toString();
    }
}
