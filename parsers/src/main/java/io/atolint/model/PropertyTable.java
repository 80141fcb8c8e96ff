package io.atolint.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one map from canonical property names to where each format writes them, read from
 * {@code properties.tsv} (beside {@code kinds.tsv}). Rules never spell a format's key: they ask
 * {@link Setting#of(Resource, String)} for a canonical name, and the table says that
 * {@code EncryptionAtRest} is {@code EncryptionAtRestOptions.Enabled} in CloudFormation and
 * {@code encrypt_at_rest.enabled} in Terraform, and that AWS applies {@code false} when it is omitted.
 *
 * <p>Asking for a name the table does not list for a kind is a defect of the rule, not of the input:
 * it throws, and the fixture harness, which runs every rule on every fixture, finds it.
 */
public final class PropertyTable {
    static final String FILE = "properties.tsv";
    private static final Map<String, Map<String, Property>> TABLE = load();

    private PropertyTable() {
    }

    /** The property {@code name} of {@code kind}; throws when the table does not list it. */
    public static Property of(Kind kind, String name) {
        return lookup(kind.name(), name);
    }

    /** The property {@code name} of {@code kind}, or empty when the table does not list it for that kind. */
    public static java.util.Optional<Property> find(Kind kind, String name) {
        Map<String, Property> props = TABLE.get(kind.name());
        return java.util.Optional.ofNullable(props == null ? null : props.get(name));
    }

    /** The property {@code name} of the nested block {@code block} ({@code @SecurityGroupRule}). */
    public static Property ofBlock(String block, String name) {
        if (!block.startsWith("@")) {
            throw new IllegalArgumentException("a block name starts with @: " + block);
        }
        return lookup(block, name);
    }

    private static Property lookup(String owner, String name) {
        Map<String, Property> props = TABLE.get(owner);
        Property p = props == null ? null : props.get(name);
        if (p == null) {
            throw new IllegalArgumentException(FILE + " has no property " + name + " for " + owner);
        }
        return p;
    }

    /** Every row, in file order, for tests and docs. */
    public static List<Property> all() {
        List<Property> out = new ArrayList<>();
        TABLE.values().forEach(m -> out.addAll(m.values()));
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Map<String, Property>> load() {
        try (InputStream in = PropertyTable.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the table: {@code owner<TAB>property<TAB>CloudFormation<TAB>Terraform[<TAB>diagram[<TAB>default]]}.
     * Owners are {@link Kind} names (several separated by commas) or {@code @block} names; paths are
     * dot-separated keys, alternatives separated by {@code |}, {@code -} where a format has no such
     * property; the diagram column defaults to {@code *} (either format's spelling: a drawn cell's
     * custom fields may use both).
     */
    static Map<String, Map<String, Property>> parse(BufferedReader r) throws IOException {
        Map<String, Map<String, Property>> table = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cols = TabColumns.of(t);
            if (cols.length < 4 || cols.length > 6) {
                throw new IllegalStateException(FILE + ":" + n
                        + ": expected 'kind<TAB>property<TAB>CloudFormation<TAB>Terraform[<TAB>diagram[<TAB>default]]'");
            }
            List<List<String>> cfn = paths(cols[2]);
            List<List<String>> tf = paths(cols[3]);
            String diagramCol = cols.length > 4 ? cols[4].strip() : "*";
            List<List<String>> diagram = new ArrayList<>();
            if (diagramCol.equals("*")) {
                diagram.addAll(cfn);
                diagram.addAll(tf);
            } else {
                diagram.addAll(paths(diagramCol));
            }
            String def = cols.length > 5 && !cols[5].strip().equals("-") ? cols[5].strip() : null;
            String name = cols[1].strip();
            for (String owner : cols[0].split(",")) {
                String o = owner.strip();
                if (!o.startsWith("@")) {
                    try {
                        Kind.valueOf(o);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(FILE + ":" + n + ": " + o + " is neither a kind nor an @block");
                    }
                }
                Property p = new Property(o, name, cfn, tf, diagram, def);
                if (table.computeIfAbsent(o, k -> new LinkedHashMap<>()).put(name, p) != null) {
                    throw new IllegalStateException(FILE + ":" + n + ": " + o + " lists " + name + " twice");
                }
            }
        }
        return table;
    }

    private static List<List<String>> paths(String col) {
        String c = col.strip();
        if (c.equals("-")) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        for (String alt : c.split("\\|")) {
            out.add(List.of(alt.strip().split("\\.")));
        }
        return out;
    }
}
