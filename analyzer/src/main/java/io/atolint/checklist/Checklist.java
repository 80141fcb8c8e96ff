package io.atolint.checklist;

import io.atolint.model.Finding;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ATO on AWS Partner Validation Checklist, read from {@code checklist.yaml}: the items, their
 * applicability per solution category and the rules that evidence them. The mapping lives in data,
 * outside rule code. The file is validated when read: a typo in it fails loudly rather than turning an
 * item manual.
 */
public final class Checklist {
    public static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::id).toList();

    private static final Set<String> KEYS = Set.of("id", "section", "title", "requirement", "applies", "rules",
            "evidence", "expects");

    private final List<ChecklistItem> items;
    private final Map<String, List<String>> itemsByRule;

    private Checklist(List<ChecklistItem> items) {
        this.items = List.copyOf(items);
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        for (ChecklistItem i : items) {
            for (String r : i.rules()) {
                byRule.computeIfAbsent(r, k -> new ArrayList<>()).add(i.id());
            }
        }
        byRule.replaceAll((k, v) -> List.copyOf(v));
        this.itemsByRule = Collections.unmodifiableMap(byRule);
    }

    private static final Checklist STANDARD = loadStandard();

    public static Checklist standard() {
        return STANDARD;
    }

    public List<ChecklistItem> items() {
        return items;
    }

    public Optional<ChecklistItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The checklist items a rule evidences (empty for parse diagnostics). */
    public List<String> itemsFor(String ruleId) {
        return itemsByRule.getOrDefault(ruleId, List.of());
    }

    /** Every rule id the checklist names. */
    public Set<String> ruleIds() {
        return itemsByRule.keySet();
    }

    /**
     * Whether a rule's findings matter for a category: true when it evidences at least one item that
     * applies (or no category is chosen), and for rules mapped to no item (parse diagnostics).
     */
    public boolean ruleApplies(String ruleId, Category category) {
        List<String> ids = itemsFor(ruleId);
        if (category == null || ids.isEmpty()) {
            return true;
        }
        return ids.stream().map(this::item).flatMap(Optional::stream).anyMatch(i -> i.appliesTo(category));
    }

    /** The findings whose rule matters for a category ({@link #ruleApplies}); parse diagnostics always stay. */
    public List<Finding> applicable(List<Finding> findings, Category category) {
        return category == null ? findings : findings.stream().filter(f -> ruleApplies(f.ruleId(), category)).toList();
    }

    private static Checklist loadStandard() {
        try (InputStream in = Checklist.class.getResourceAsStream("checklist.yaml")) {
            if (in == null) {
                throw new IllegalStateException("checklist.yaml missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads checklist data; throws {@link IllegalArgumentException} naming the item when it is malformed. */
    public static Checklist parse(String yaml) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("checklist: invalid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> root) || !(root.get("items") instanceof List<?> list)) {
            throw new IllegalArgumentException("checklist: expected a mapping with an 'items' list");
        }
        List<ChecklistItem> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : list) {
            ChecklistItem item = readItem(o);
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("checklist: duplicate item " + item.id());
            }
            out.add(item);
        }
        return new Checklist(out);
    }

    private static ChecklistItem readItem(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("checklist: every item must be a mapping, got " + o);
        }
        String id = text(m, "id", "?");
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException("checklist: item " + id + ": unknown key '" + k + "'");
            }
        }
        Set<String> applies = new LinkedHashSet<>();
        for (String cat : strings(m, "applies", id)) {
            if (Category.parse(cat).filter(c -> c.id().equals(cat)).isEmpty()) {
                throw new IllegalArgumentException("checklist: item " + id + ": unknown category " + cat
                        + " (expected " + Category.ids() + ")");
            }
            applies.add(cat);
        }
        if (applies.isEmpty()) {
            throw new IllegalArgumentException("checklist: item " + id + ": 'applies' names no category");
        }
        List<String> rules = strings(m, "rules", id);
        Object evidence = m.get("evidence");
        if (evidence != null && !evidence.equals("manual")) {
            throw new IllegalArgumentException("checklist: item " + id + ": evidence must be 'manual', got " + evidence);
        }
        String expects = m.get("expects") == null ? null : String.valueOf(m.get("expects")).trim();
        if (rules.isEmpty()) {
            if (evidence == null) {
                throw new IllegalArgumentException("checklist: item " + id + " has neither rules nor 'evidence: manual'");
            }
            if (expects == null || expects.isEmpty()) {
                throw new IllegalArgumentException("checklist: item " + id + " is manual but says nothing in 'expects'");
            }
        }
        return new ChecklistItem(id, text(m, "section", id), text(m, "title", id), text(m, "requirement", id),
                applies, rules, expects);
    }

    private static String text(Map<?, ?> m, String key, String id) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException("checklist: item " + id + ": '" + key + "' is missing");
        }
        return String.valueOf(v).trim();
    }

    private static List<String> strings(Map<?, ?> m, String key, String id) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("checklist: item " + id + ": '" + key + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object x : l) {
            out.add(String.valueOf(x).trim());
        }
        return out;
    }
}
