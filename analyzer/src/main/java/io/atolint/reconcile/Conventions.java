package io.atolint.reconcile;

import io.atolint.model.Kind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conventions of reconciliation, as data beside the kind table: which IaC kinds a drawn kind may stand
 * for ({@code kind-pairs.tsv}), which undrawn resources a drawn one also stands for ({@code covers.tsv}),
 * and what a diagram is not expected to draw one by one ({@code not-drawn.tsv}).
 */
final class Conventions {
    /** A drawn kind standing for another IaC kind, with a weight and the convention that allows it. */
    record KindPair(Kind drawn, Kind iac, double weight, String why) {
    }

    /** A kind a diagram need not draw, with its category and why. */
    record NotDrawn(Kind kind, String category, String why) {
    }

    /** A drawn kind that also stands for a related resource of another kind. */
    record Cover(Kind drawn, Kind covered, String why) {
    }

    private static final Map<Kind, List<KindPair>> PAIRS = pairs();
    private static final Map<Kind, NotDrawn> NOT_DRAWN = notDrawn();
    private static final List<Cover> COVERS = covers();
    private static final Map<String, Kind> LABEL_KINDS = labelKinds();

    private Conventions() {
    }

    /** The weight with which a drawn kind stands for an IaC kind: 1 for the same kind, 0 when it cannot. */
    static Optional<KindPair> pair(Kind drawn, Kind iac) {
        if (drawn == iac) {
            return Optional.of(new KindPair(drawn, iac, 1.0, "same kind"));
        }
        for (KindPair p : PAIRS.getOrDefault(drawn, List.of())) {
            if (p.iac() == iac) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static Optional<NotDrawn> notDrawn(Kind iac) {
        return Optional.ofNullable(NOT_DRAWN.get(iac));
    }

    /** Every kind a diagram is not expected to draw, for the rules reference. */
    static Map<Kind, NotDrawn> notDrawnTable() {
        return Collections.unmodifiableMap(NOT_DRAWN);
    }

    static Optional<Cover> cover(Kind drawn, Kind covered) {
        for (Cover c : COVERS) {
            if (c.drawn() == drawn && c.covered() == covered) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The kind a label's last words name ("AlbSecurityGroup", "Public subnet 1"), if any. */
    static Optional<Kind> namedKind(List<String> all) {
        List<String> words = new java.util.ArrayList<>(all);
        while (!words.isEmpty() && (words.get(words.size() - 1).length() == 1
                || words.get(words.size() - 1).chars().allMatch(Character::isDigit))) {
            words.remove(words.size() - 1); // copy marks: "PublicSubnet1", "Subnet A"
        }
        for (int n = Math.min(3, words.size()); n >= 1; n--) {
            List<String> tail = words.subList(words.size() - n, words.size());
            if (words.size() > n && List.of("in", "of", "for", "to", "from", "behind").contains(words.get(words.size() - n - 1))) {
                return Optional.empty(); // "Bastion in public subnet" names where it is, not what it is
            }
            String phrase = String.join(" ", tail);
            Kind k = LABEL_KINDS.get(phrase);
            if (k == null && phrase.endsWith("s")) {
                k = LABEL_KINDS.get(phrase.substring(0, phrase.length() - 1));
            }
            if (k != null) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Kind> labelKinds() {
        Map<String, Kind> m = new java.util.HashMap<>();
        for (String[] row : rows("label-kinds.tsv", 2)) {
            m.put(row[0], Kind.valueOf(row[1]));
        }
        return m;
    }

    private static Map<Kind, List<KindPair>> pairs() {
        Map<Kind, List<KindPair>> m = new EnumMap<>(Kind.class);
        for (String[] row : rows("kind-pairs.tsv", 4)) {
            KindPair p = new KindPair(Kind.valueOf(row[0]), Kind.valueOf(row[1]), Double.parseDouble(row[2]), row[3]);
            m.computeIfAbsent(p.drawn(), k -> new ArrayList<>()).add(p);
        }
        return m;
    }

    private static Map<Kind, NotDrawn> notDrawn() {
        Map<Kind, NotDrawn> m = new EnumMap<>(Kind.class);
        for (String[] row : rows("not-drawn.tsv", 3)) {
            Kind k = Kind.valueOf(row[0]);
            if (m.put(k, new NotDrawn(k, row[1], row[2])) != null) {
                throw new IllegalStateException("not-drawn.tsv: " + k + " listed twice");
            }
        }
        return m;
    }

    private static List<Cover> covers() {
        List<Cover> out = new ArrayList<>();
        for (String[] row : rows("covers.tsv", 3)) {
            out.add(new Cover(Kind.valueOf(row[0]), Kind.valueOf(row[1]), row[2]));
        }
        return List.copyOf(out);
    }

    private static List<String[]> rows(String name, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Conventions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != columns) {
                    throw new IllegalStateException(name + ":" + n + ": expected " + columns + " tab-separated columns");
                }
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = cols[i].strip();
                }
                out.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
