package io.atolint.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One property of a resource as a rule needs it, read through the property table
 * ({@link PropertyTable}): omitted (the AWS default applies), a known value, or UNKNOWN (never a failing
 * finding). Rules ask by canonical name ({@code Setting.of(trail, "IsMultiRegionTrail")}); the table
 * says where the resource's format writes it. Messages name the key as the file writes it
 * ({@code is_multi_region_trail}), or, when omitted, as the format spells it.
 */
public final class Setting {
    private final String name;
    private final Value value;
    private final SourceLocation at;
    private final boolean written;
    private final Property property;
    private final boolean defined;

    private Setting(String name, Value value, SourceLocation at, boolean written, Property property, boolean defined) {
        this.name = name;
        this.value = value;
        this.at = at;
        this.written = written;
        this.property = property;
        this.defined = defined;
    }

    private Setting(String name, Value value, SourceLocation at, boolean written, Property property) {
        this(name, value, at, written, property, true);
    }

    /** The property {@code name} of {@code r} (a canonical name of {@code r}'s kind in the table). */
    public static Setting of(Resource r, String name) {
        return read(PropertyTable.of(r.kind(), name), r.attributes(), r.location(), r.format(), true);
    }

    /**
     * The property {@code name} of a block nested in {@code owner} ({@code block} is an {@code @} name of
     * the table: {@code @SecurityGroupRule}, {@code @CacheBehavior}); {@code container} is the block's
     * value (a map, a one-element list of one, UNKNOWN, or null when the block is absent).
     */
    public static Setting in(Resource owner, String block, Value container, String name) {
        return read(PropertyTable.ofBlock(block, name), container, owner.location(), owner.format(), false);
    }

    /**
     * Like {@link #of(Resource, String)}, for a property only some kinds have (where a data store states its
     * AZ resilience): empty when the table lists no such property for {@code r}'s kind.
     */
    public static Optional<Setting> find(Resource r, String name) {
        return PropertyTable.find(r.kind(), name)
                .map(p -> read(p, r.attributes(), r.location(), r.format(), true));
    }

    private static Setting read(Property p, Value container, SourceLocation fallback, Format format, boolean top) {
        List<List<String>> paths = p.paths(format);
        Setting omitted = null;
        Setting unstated = null;
        for (List<String> path : paths) {
            Setting s = walk(p, container, fallback, path, top);
            if (s.written()) {
                return s;
            }
            if (s.present()) {
                // UNKNOWN only because the whole map is: a spelling the file does write wins.
                unstated = unstated == null ? s : unstated;
                continue;
            }
            // Omitted: prefer the spelling whose enclosing block is written (it says where the setting belongs).
            if (omitted == null || omitted.at.equals(fallback) && !s.at.equals(fallback)) {
                omitted = s;
            }
        }
        if (unstated != null) {
            return unstated;
        }
        return omitted != null ? omitted : new Setting(p.name(), null, fallback, false, p, false);
    }

    /** Walks nested keys; one-element lists on the way (Terraform blocks) are stepped through. */
    private static Setting walk(Property p, Value container, SourceLocation fallback, List<String> path, boolean top) {
        String[] shown = path.toArray(String[]::new);
        Value cur = container;
        SourceLocation at = top || container == null ? fallback : container.location();
        boolean written = true;
        for (int i = 0; i < shown.length; i++) {
            if (cur instanceof Value.ListV l && l.items().size() == 1) {
                cur = l.items().get(0);
            }
            if (cur instanceof Value.Unknown u) {
                return new Setting(String.join(".", shown), u, u.location(), written, p);
            }
            if (!(cur instanceof Value.MapV m)) {
                return new Setting(String.join(".", shown), null, at, false, p);
            }
            // A key the resource omits is reported on the resource; one a block omits, on the block.
            SourceLocation here = i == 0 && top ? fallback : m.location();
            Optional<Value> next = m.get(shown[i]);
            if (next.isEmpty()) {
                return new Setting(String.join(".", shown), null, here, false, p);
            }
            if (m.has(shown[i])) {
                at = m.keyLocation(shown[i]);
                shown[i] = writtenKey(m, shown[i]);
            } else {
                written = false; // UNKNOWN because the whole map is (a drawn resource, an unresolved block)
                at = here;
            }
            cur = next.get();
        }
        return new Setting(String.join(".", shown), cur, at, written, p);
    }

    /** The key as the file writes it, found format-blind. */
    private static String writtenKey(Value.MapV m, String name) {
        for (String k : m.entries().keySet()) {
            if (Value.key(k).equals(Value.key(name))) {
                return k;
            }
        }
        return name;
    }

    /** The key as written ({@code StorageEncrypted}, {@code encrypt_at_rest.enabled}), or as the format spells it. */
    public String name() {
        return name;
    }

    /** The value when present (may be UNKNOWN), else null. */
    public Value value() {
        return value;
    }

    /** Where the setting is written, or where it would be (the resource or the enclosing block). */
    public SourceLocation at() {
        return at;
    }

    /** Whether the resource's format has this property at all (Terraform has no {@code VersioningConfiguration.Status}). */
    public boolean defined() {
        return defined;
    }

    public boolean omitted() {
        return value == null;
    }

    public boolean present() {
        return value != null;
    }

    /** The file writes the key (a drawn resource's unstated configuration is present as UNKNOWN, not written). */
    public boolean written() {
        return written && value != null;
    }

    /** Unresolved: UNKNOWN or a symbol (a parameter without default). */
    public boolean unknown() {
        return value != null && (value.isUnknown() || value instanceof Value.Symbol);
    }

    /** TRUE/FALSE when present and boolean; UNKNOWN when omitted or unresolved. */
    public Tri bool() {
        return value == null ? Tri.UNKNOWN : value.asBool();
    }

    /** The value as a boolean, counting an omitted setting as the AWS default the table gives (UNKNOWN without one). */
    public Tri boolOrDefault() {
        return value == null ? property.defaultBool() : value.asBool();
    }

    public Optional<String> string() {
        return value == null ? Optional.empty() : value.asString();
    }

    /** The value as a string, or the AWS default the table gives when it is omitted or not a resolved string. */
    public Optional<String> stringOrDefault() {
        return string().or(this::defaultValue);
    }

    public Optional<BigDecimal> number() {
        return value == null ? Optional.empty() : value.asNumber();
    }

    /** The value as a number, or the AWS default the table gives when it is omitted. */
    public Optional<BigDecimal> numberOrDefault() {
        return value == null ? defaultValue().map(Numbers::parse) : number();
    }

    /** The elements when present (a single value counts as one), else none. */
    public List<Value> items() {
        return value == null ? List.of() : value.asList();
    }

    /**
     * The nested blocks of a list property (a map, or a one-element list of one, each): entries that
     * are not resolved to a block are left out, as they state no setting.
     */
    public List<Value.MapV> blocks() {
        List<Value.MapV> out = new java.util.ArrayList<>();
        for (Value v : items()) {
            Value b = v instanceof Value.ListV l && l.items().size() == 1 ? l.items().get(0) : v;
            b.asMap().ifPresent(out::add);
        }
        return out;
    }

    /** The value as a map when it is one (a one-element list of a map counts: a Terraform block). */
    public Optional<Value.MapV> map() {
        if (value instanceof Value.ListV l && l.items().size() == 1) {
            return l.items().get(0).asMap();
        }
        return value == null ? Optional.empty() : value.asMap();
    }

    /** What AWS applies when the setting is omitted, from the table. */
    public Optional<String> defaultValue() {
        return property.defaultOf();
    }

    /** How a message shows the value: {@code false}, {@code 0 (parameter Days (default 0))}, {@code omitted}. */
    public String shown() {
        return value == null ? "omitted" : value.describe();
    }

    /** Like {@link #shown()}, with the default an omitted setting takes: {@code omitted (default false)}. */
    public String shownWithDefault() {
        if (value == null && property.defaultValue() != null) {
            return "omitted (default " + property.defaultValue() + ")";
        }
        return shown();
    }

    @Override
    public String toString() {
        return name + " = " + shown();
    }
}
