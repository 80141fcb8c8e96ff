package io.atolint.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Availability Zone names per commercial region, in the order {@code Fn::GetAZs} returns them for a
 * typical account (the table cfn-lint uses). Used only when the user gives {@code --region}; without
 * it, AZs stay symbolic ({@code GetAZs('')[0]}).
 */
public final class RegionAzs {
    private static final Map<String, List<String>> TABLE = load();

    private RegionAzs() {
    }

    public static Optional<List<String>> of(String region) {
        return Optional.ofNullable(region == null ? null : TABLE.get(region));
    }

    public static boolean isKnownRegion(String region) {
        return region != null && TABLE.containsKey(region);
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> m = new HashMap<>();
        try (InputStream in = RegionAzs.class.getResourceAsStream("region-azs.tsv")) {
            if (in == null) {
                throw new IllegalStateException("region-azs.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("region\t")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length >= 2) {
                    m.put(cols[0].trim(), List.of(cols[1].trim().split(",")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
