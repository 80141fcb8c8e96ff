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
                String[] cols = t.split("\t+");
                if (cols.length < 2) {
                    throw new IllegalStateException("kinds.tsv:" + n + ": expected 'raw-type<TAB>KIND'");
                }
                Kind kind = Kind.valueOf(cols[1].strip());
                Kind prev = m.put(cols[0].strip(), kind);
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
