package io.atolint.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The one table from raw types (CloudFormation {@code AWS::EC2::Subnet}, Terraform
 * {@code aws_subnet}, draw.io shape names) to {@link Kind}s, read from {@code kinds.tsv}. Anything not
 * in the table is {@link Kind#UNKNOWN} and keeps its raw type.
 */
public final class KindTable {
    private static final Map<String, String> FAMILIES = new HashMap<>();
    private static final Map<String, Kind> TABLE = load();

    private KindTable() {
    }

    public static Kind kindOf(String rawType) {
        if (rawType == null) {
            return Kind.UNKNOWN;
        }
        Kind k = TABLE.get(rawType);
        if (k == null) {
            k = TABLE.get(rawType.toLowerCase(java.util.Locale.ROOT));
        }
        return k == null ? Kind.UNKNOWN : k;
    }

    /**
     * The optional third column: the AWS service family a draw.io shape or label belongs to
     * ("CloudWatch" for both the CloudWatch icon and its alarm glyph), used to tell when a label
     * names another service than the icon it sits under.
     */
    public static java.util.Optional<String> family(String rawType) {
        if (rawType == null) {
            return java.util.Optional.empty();
        }
        String f = FAMILIES.get(rawType);
        if (f == null) {
            f = FAMILIES.get(rawType.toLowerCase(java.util.Locale.ROOT));
        }
        return java.util.Optional.ofNullable(f);
    }

    public static boolean isKnown(String rawType) {
        return kindOf(rawType) != Kind.UNKNOWN;
    }

    /** Every raw type of the table, for tests and docs. */
    public static Map<String, Kind> all() {
        return Collections.unmodifiableMap(TABLE);
    }

    private static Map<String, Kind> load() {
        Map<String, Kind> m = new HashMap<>();
        try (InputStream in = KindTable.class.getResourceAsStream("kinds.tsv")) {
            if (in == null) {
                throw new IllegalStateException("kinds.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cols = TabColumns.of(t);
                if (cols.length < 2) {
                    throw new IllegalStateException("kinds.tsv:" + n + ": expected 'raw-type<TAB>KIND'");
                }
                Kind kind = Kind.valueOf(cols[1].strip());
                Kind prev = m.put(cols[0].strip(), kind);
                if (cols.length > 2) {
                    FAMILIES.put(cols[0].strip(), cols[2].strip());
                }
                if (prev != null && prev != kind) {
                    throw new IllegalStateException("kinds.tsv:" + n + ": " + cols[0] + " mapped twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
