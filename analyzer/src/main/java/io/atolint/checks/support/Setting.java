package io.atolint.checks.support;

import io.atolint.model.Format;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One setting of a resource as a rule needs it: omitted (the service default applies), a known value,
 * or UNKNOWN (never a failing finding). Names are format-blind and may list the spellings of several
 * formats; a path walks nested maps ({@code EncryptionAtRestOptions.Enabled}, {@code encrypt_at_rest.enabled}).
 *
 * @param value the value when present (may be UNKNOWN), else null
 * @param at    where the setting is written, or where it would be (the resource or enclosing block)
 */
public record Setting(String name, Value value, SourceLocation at) {

    /**
     * A top-level attribute under one of several names. Its name in messages is the key as written, or,
     * when omitted, the spelling of the resource's format ({@code StorageEncrypted} / {@code storage_encrypted}).
     */
    public static Setting of(Resource r, String... names) {
        for (String n : names) {
            Optional<Value> v = r.attr(n);
            if (v.isPresent()) {
                return new Setting(written(r.attributes(), n), v.get(), r.locationOf(n));
            }
        }
        return new Setting(spelling(r.format() == Format.TERRAFORM, names), null, r.location());
    }

    /** The key as the file writes it, found format-blind. */
    static String written(Value.MapV m, String name) {
        for (String k : m.entries().keySet()) {
            if (Value.key(k).equals(Value.key(name))) {
                return k;
            }
        }
        return name;
    }

    /** The spelling a format uses: Terraform's snake_case or CloudFormation's PascalCase. */
    public static String spelling(boolean terraform, String... names) {
        for (String n : names) {
            boolean snake = n.equals(n.toLowerCase(java.util.Locale.ROOT));
            if (snake == terraform) {
                return n;
            }
        }
        return terraform ? snake(names[0]) : names[0];
    }

    static String snake(String pascal) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(pascal.charAt(i - 1))) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** A setting inside a value: {@code path} are nested keys; one-element lists on the way are stepped through. */
    public static Setting at(Value container, SourceLocation fallback, String... path) {
        path = path.clone();
        Value cur = container;
        SourceLocation at = container == null ? fallback : container.location();
        for (int i = 0; i < path.length; i++) {
            if (cur instanceof Value.ListV l && l.items().size() == 1) {
                cur = l.items().get(0);
            }
            if (cur instanceof Value.Unknown u) {
                return new Setting(String.join(".", path), u, u.location());
            }
            if (!(cur instanceof Value.MapV m)) {
                return new Setting(String.join(".", path), null, at);
            }
            Optional<Value> next = m.get(path[i]);
            if (next.isEmpty()) {
                return new Setting(String.join(".", path), null, m.location());
            }
            at = m.keyLocation(path[i]);
            path[i] = written(m, path[i]);
            cur = next.get();
        }
        return new Setting(String.join(".", path), cur, at);
    }

    public boolean omitted() {
        return value == null;
    }

    /** Unresolved: UNKNOWN or a symbol (a parameter without default). */
    public boolean unknown() {
        return value != null && (value.isUnknown() || value instanceof Value.Symbol);
    }

    /** TRUE/FALSE when present and boolean; UNKNOWN when omitted or unresolved. */
    public Tri bool() {
        return value == null ? Tri.UNKNOWN : value.asBool();
    }

    /** Whether the setting is provably true, counting an omitted one as {@code whenOmitted}. */
    public Tri boolOr(boolean whenOmitted) {
        return value == null ? Tri.of(whenOmitted) : value.asBool();
    }

    public Optional<String> string() {
        return value == null ? Optional.empty() : value.asString();
    }

    public Optional<BigDecimal> number() {
        return value == null ? Optional.empty() : value.asNumber();
    }

    /** How a message shows the value: {@code false}, {@code 0 (parameter Days (default 0))}. */
    public String shown() {
        return value == null ? "omitted" : value.describe();
    }
}
