package io.atolint.checklist;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * outside rule code.
 */
public final class Checklist {
    public static final List<String> CATEGORIES = List.of("multi-tenant-saas", "single-tenant-saas",
            "managed-service", "customer-deployed");

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
        this.itemsByRule = Collections.unmodifiableMap(byRule);
    }

    private static final Checklist STANDARD = load();

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

    @SuppressWarnings("unchecked")
    private static Checklist load() {
        try (InputStream in = Checklist.class.getResourceAsStream("checklist.yaml")) {
            if (in == null) {
                throw new IllegalStateException("checklist.yaml missing from the classpath");
            }
            Object doc = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            Map<String, Object> root = (Map<String, Object>) doc;
            List<ChecklistItem> out = new ArrayList<>();
            for (Object o : (List<Object>) root.get("items")) {
                Map<String, Object> m = (Map<String, Object>) o;
                Set<String> applies = new LinkedHashSet<>();
                for (Object a : (List<Object>) m.getOrDefault("applies", List.of())) {
                    String cat = String.valueOf(a);
                    if (!CATEGORIES.contains(cat)) {
                        throw new IllegalStateException("checklist.yaml: item " + m.get("id") + ": unknown category " + cat);
                    }
                    applies.add(cat);
                }
                List<String> rules = new ArrayList<>();
                for (Object r : (List<Object>) m.getOrDefault("rules", List.of())) {
                    rules.add(String.valueOf(r));
                }
                String manual = null;
                if ("manual".equals(m.get("evidence"))) {
                    manual = String.valueOf(m.getOrDefault("expects", ""));
                }
                out.add(new ChecklistItem(String.valueOf(m.get("id")), String.valueOf(m.getOrDefault("section", "")),
                        String.valueOf(m.get("title")), String.valueOf(m.getOrDefault("requirement", "")),
                        Collections.unmodifiableSet(applies), List.copyOf(rules), manual));
            }
            return new Checklist(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
