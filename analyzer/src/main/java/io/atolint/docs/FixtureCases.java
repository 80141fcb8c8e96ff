package io.atolint.docs;

import io.atolint.model.Finding;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;
import io.atolint.reconcile.Pair;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fixture case folders of the rules ({@code fixtures/rules/<ID>/<case>/}) seen through a source
 * tree rooted at {@code fixtures/rules}: each case is a sub-tree with the options of its
 * {@code case.yaml} (region, parameters, variables).
 */
final class FixtureCases {
    /**
     * One case folder.
     *
     * @param peers what other tools decide on the case ({@code peers:} in {@code case.yaml}), one map per
     *              peer check and resource ({@code check}, {@code resource}, {@code says}, {@code why})
     */
    record Case(String ruleId, String name, SourceTree tree, ParseOptions options, List<Map<String, Object>> peers,
                List<Pair> pairs) {
    }

    private FixtureCases() {
    }

    /** Every case of every rule, by rule id, cases sorted by name. */
    static Map<String, List<Case>> of(SourceTree fixtures) {
        String root = fixtures.root();
        Map<String, Map<String, List<String>>> byRule = new TreeMap<>();
        for (String f : fixtures.files()) {
            String rel = f.startsWith(root + "/") ? f.substring(root.length() + 1) : f;
            String[] parts = rel.split("/");
            if (parts.length < 3) {
                continue;
            }
            byRule.computeIfAbsent(parts[0], k -> new TreeMap<>()).computeIfAbsent(parts[1], k -> new ArrayList<>()).add(f);
        }
        Map<String, List<Case>> out = new LinkedHashMap<>();
        byRule.forEach((rule, cases) -> {
            List<Case> list = new ArrayList<>();
            cases.forEach((name, files) -> {
                String prefix = root + "/" + rule + "/" + name;
                SourceTree sub = new Sub(fixtures, prefix, files);
                list.add(new Case(rule, name, sub, options(fixtures, prefix + "/case.yaml"),
                        peers(fixtures, prefix + "/case.yaml"), pairs(fixtures, prefix)));
            });
            out.put(rule, list);
        });
        return out;
    }

    /** The {@code peers:} list of a case.yaml (empty when there is none). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> peers(SourceTree tree, String caseYaml) {
        if (!(tree.readText(caseYaml) instanceof ReadResult.Text t)) {
            return List.of();
        }
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(t.file().text());
        if (!(doc instanceof Map<?, ?> m) || !(m.get("peers") instanceof List<?> l)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> e)) {
                throw new IllegalStateException(caseYaml + ": each peers entry is a map {check, resource, says[, why]}");
            }
            out.add((Map<String, Object>) e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static ParseOptions options(SourceTree tree, String caseYaml) {
        ParseOptions o = ParseOptions.defaults();
        if (!(tree.readText(caseYaml) instanceof ReadResult.Text t)) {
            return o;
        }
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(t.file().text());
        if (!(doc instanceof Map<?, ?> m)) {
            return o;
        }
        if (m.get("region") != null) {
            o = o.withRegion(String.valueOf(m.get("region")));
        }
        if (m.get("parameters") instanceof Map<?, ?> p) {
            Map<String, String> params = new LinkedHashMap<>();
            p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            o = o.withParameters(params);
        }
        if (m.get("variables") instanceof Map<?, ?> v) {
            Map<String, String> vars = new LinkedHashMap<>();
            v.forEach((k, val) -> vars.put(String.valueOf(k), String.valueOf(val)));
            o = o.withVariables(vars);
        }
        return o;
    }

    /** The diagram/IaC pairs a case compares ({@code reconcile:} of its {@code case.yaml}, paths relative to it). */
    private static List<Pair> pairs(SourceTree tree, String prefix) {
        List<Pair> out = new ArrayList<>();
        if (!(tree.readText(prefix + "/case.yaml") instanceof ReadResult.Text t)
                || !(new Load(LoadSettings.builder().build()).loadFromString(t.file().text()) instanceof Map<?, ?> m)
                || !(m.get("reconcile") instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> p && p.get("iac") instanceof List<?> iac) {
                List<String> paths = new ArrayList<>();
                iac.forEach(i -> paths.add(prefix + "/" + i));
                out.add(new Pair(prefix + "/" + p.get("diagram"), p.get("page") instanceof Number n ? n.intValue() : null,
                        paths, prefix + "/case.yaml"));
            }
        }
        return out;
    }

    /** The files of one case folder of a larger tree. */
    private record Sub(SourceTree tree, String root, List<String> files) implements SourceTree {
        @Override
        public ReadResult readText(String path) {
            return files.contains(path) ? tree.readText(path) : new ReadResult.Failure(
                    io.atolint.model.SourceLocation.ofFile(path), "not a file of the case");
        }

        @Override
        public ReadResult readBytes(String path) {
            return files.contains(path) ? tree.readBytes(path) : new ReadResult.Failure(
                    io.atolint.model.SourceLocation.ofFile(path), "not a file of the case");
        }

        @Override
        public List<Finding> problems() {
            return List.of();
        }
    }
}
