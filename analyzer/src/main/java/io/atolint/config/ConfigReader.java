package io.atolint.config;

import io.atolint.checklist.Checklist;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.report.ReportFormat;
import io.atolint.checks.RuleCatalog;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .atolint.yml} through snakeyaml-engine's compose API (a node tree with positions; no
 * object is ever constructed from tags). Every key is known or an error with its line, so that a typo
 * ({@code fail_on}) is not silently ignored; values are checked the same way.
 */
public final class ConfigReader {
    public static final Set<String> KEYS = Set.of("region", "category", "fail-on", "formats", "parameters", "variables",
            "ignore-paths", "rules", "baseline", "limits", "docs-uri", "reconcile");
    private static final Set<String> PAIR_KEYS = Set.of("diagram", "page", "iac");
    private static final Set<String> RULE_KEYS = Set.of("enabled", "severity");

    private final String file;
    private final String baseDir;
    private final String root;

    private ConfigReader(String file, String baseDir, String root) {
        this.file = file;
        this.baseDir = baseDir;
        this.root = root;
    }

    /**
     * Parses the text of a configuration file.
     *
     * @param file    its name, for messages
     * @param baseDir the directory it sits in
     */
    public static AtolintConfig parse(String file, String baseDir, String text) throws ConfigException {
        return parse(file, baseDir, baseDir, text);
    }

    /**
     * Parses the text of a configuration file that sits in a repository.
     *
     * @param file    its name, for messages
     * @param baseDir the directory it sits in (absolute)
     * @param root    the repository root (absolute): the report files and the baseline it names must be inside
     *                it, for the configuration is written by whoever writes the repository
     */
    public static AtolintConfig parse(String file, String baseDir, String root, String text) throws ConfigException {
        return new ConfigReader(file, baseDir, root).read(text);
    }

    private AtolintConfig read(String text) throws ConfigException {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setMaxAliasesForCollections(10)
                .setAllowDuplicateKeys(false).setCodePointLimit(1_000_000).build();
        Optional<Node> doc;
        try {
            doc = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw new ConfigException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(file, 0, 0, "invalid YAML: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // the composer rejects some tags (`!%0`, `!%20x`) with this rather than with a YAML exception
            throw new ConfigException(file, 0, 0, "invalid YAML: " + e.getMessage());
        }
        if (doc.isEmpty()) {
            return withBase(AtolintConfig.none(), baseDir, root);
        }
        if (!(doc.get() instanceof MappingNode top)) {
            throw error(doc.get(), "expected a map of settings (" + String.join(", ", sorted(KEYS)) + ")");
        }
        String region = null;
        String category = null;
        Severity failOn = null;
        List<String> formats = List.of();
        Map<String, String> parameters = Map.of();
        Map<String, String> variables = Map.of();
        List<String> ignore = List.of();
        Map<String, AtolintConfig.RuleSetting> rules = Map.of();
        String baseline = null;
        Map<String, Long> limits = Map.of();
        String docsUri = null;
        List<AtolintConfig.DiagramPair> reconcile = List.of();
        Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : top.getValue()) {
            String key = keyOf(t);
            if (!seen.add(key)) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "'");
            }
            Node v = t.getValueNode();
            switch (key) {
                case "region" -> region = scalar(v, key);
                case "category" -> {
                    category = scalar(v, key);
                    if (!Checklist.CATEGORIES.contains(category)) {
                        throw error(v, "unknown category '" + category + "' (expected one of "
                                + String.join(", ", Checklist.CATEGORIES) + ")");
                    }
                }
                case "fail-on" -> {
                    failOn = severity(v, key);
                    if (failOn == Severity.INFO) {
                        throw error(v, "fail-on: info is not allowed: notes never fail a build");
                    }
                }
                case "formats" -> {
                    formats = strings(v, key);
                    for (int i = 0; i < formats.size(); i++) {
                        Node item = v instanceof SequenceNode seq ? seq.getValue().get(i) : v;
                        for (String one : formats.get(i).split(",")) {
                            String[] nameFile = one.split("=", 2);
                            try {
                                ReportFormat.parse(nameFile[0].trim());
                            } catch (IllegalArgumentException e) {
                                throw error(item, e.getMessage());
                            }
                            if (nameFile.length == 2) {
                                inside(item, "formats", nameFile[1].trim());
                            }
                        }
                    }
                }
                case "parameters" -> parameters = stringMap(v, key);
                case "variables" -> variables = stringMap(v, key);
                case "ignore-paths" -> {
                    ignore = strings(v, key);
                    for (int i = 0; i < ignore.size(); i++) {
                        Node item = v instanceof SequenceNode seq ? seq.getValue().get(i) : v;
                        try {
                            Glob.compile(PathIgnore.normalise(ignore.get(i)));
                        } catch (Glob.InvalidPattern e) {
                            throw errorAt(item, e.offset() + (ignore.get(i).length() - PathIgnore.normalise(ignore.get(i)).length()),
                                    "ignore-paths: invalid pattern '" + ignore.get(i) + "': " + e.getMessage());
                        }
                    }
                }
                case "rules" -> rules = rules(v);
                case "baseline" -> baseline = inside(v, key, scalar(v, key));
                case "limits" -> limits = limits(v);
                case "docs-uri" -> {
                    docsUri = scalar(v, key);
                    if (!docsUri.matches("https?://\\S+")) {
                        throw error(v, "docs-uri: expected an absolute http(s) URI (SARIF needs one), got '" + docsUri + "'");
                    }
                }
                case "reconcile" -> reconcile = pairs(v);
                default -> throw error(t.getKeyNode(), "unknown key '" + key + "' (known keys: "
                        + String.join(", ", sorted(KEYS)) + ")");
            }
        }
        return new AtolintConfig(file, baseDir, root, region, category, failOn, formats, parameters, variables, ignore,
                rules, baseline, limits, docsUri, reconcile);
    }

    /**
     * A file the configuration names (a report to write, a baseline to read), relative to its directory:
     * it must stay inside the repository root ({@code ../../x.json} and {@code /tmp/x} are refused).
     */
    private String inside(Node n, String key, String path) throws ConfigException {
        java.nio.file.Path resolved;
        try {
            resolved = java.nio.file.Path.of(baseDir).resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw error(n, key + ": '" + path + "' is not a file name");
        }
        if (path.isBlank() || !resolved.startsWith(java.nio.file.Path.of(root))) {
            throw error(n, key + ": '" + path + "' is outside the repository (" + root + "): a configuration may only "
                    + "name files inside it (the command line may name any)");
        }
        return path;
    }

    private static AtolintConfig withBase(AtolintConfig c, String baseDir, String root) {
        return new AtolintConfig(c.file(), baseDir, root, c.region(), c.category(), c.failOn(), c.formats(), c.parameters(),
                c.variables(), c.ignorePaths(), c.rules(), c.baseline(), c.limits(), c.docsUri(), c.reconcile());
    }

    private Map<String, AtolintConfig.RuleSetting> rules(Node v) throws ConfigException {
        MappingNode m = map(v, "rules");
        Map<String, AtolintConfig.RuleSetting> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String id = keyOf(t);
            if (RuleCatalog.find(id).isEmpty()) {
                throw error(t.getKeyNode(), "rules: unknown rule '" + id + "' (atolint rules lists them)");
            }
            Node s = t.getValueNode();
            if (s instanceof ScalarNode sc) {
                out.put(id, new AtolintConfig.RuleSetting(onOff(sc, id), null));
                continue;
            }
            MappingNode setting = map(s, "rules: " + id);
            Boolean enabled = null;
            Severity severity = null;
            for (NodeTuple st : setting.getValue()) {
                String k = keyOf(st);
                if (!RULE_KEYS.contains(k)) {
                    throw error(st.getKeyNode(), "rules: " + id + ": unknown key '" + k + "' (known keys: enabled, severity)");
                }
                if (k.equals("enabled")) {
                    enabled = onOff(scalarNode(st.getValueNode(), id + ".enabled"), id);
                } else {
                    severity = severity(st.getValueNode(), id + ".severity");
                }
            }
            out.put(id, new AtolintConfig.RuleSetting(enabled, severity));
        }
        return out;
    }

    /**
     * {@code reconcile: [{diagram: docs/arch.drawio, page: 2, iac: [infra/]}]}: each diagram with the IaC it
     * should show. Paths are relative to this file and must stay inside its directory (the repository): an
     * absolute path or one that climbs out with {@code ..} is an error, never read.
     */
    private List<AtolintConfig.DiagramPair> pairs(Node v) throws ConfigException {
        if (!(v instanceof SequenceNode seq)) {
            throw error(v, "reconcile: expected a list of {diagram, iac} pairs");
        }
        List<AtolintConfig.DiagramPair> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            MappingNode m = map(item, "reconcile");
            String diagram = null;
            Integer page = null;
            List<String> iac = null;
            for (NodeTuple t : m.getValue()) {
                String k = keyOf(t);
                Node value = t.getValueNode();
                switch (k) {
                    case "diagram" -> diagram = inside(value, scalar(value, "reconcile.diagram"));
                    case "page" -> {
                        try {
                            page = Integer.parseInt(scalar(value, "reconcile.page"));
                        } catch (NumberFormatException e) {
                            page = 0;
                        }
                        if (page < 1) {
                            throw error(value, "reconcile.page: expected a page number from 1");
                        }
                    }
                    case "iac" -> {
                        iac = new ArrayList<>();
                        List<Node> nodes = value instanceof SequenceNode s ? s.getValue() : List.of(value);
                        for (Node n : nodes) {
                            iac.add(inside(n, scalar(n, "reconcile.iac")));
                        }
                        if (iac.isEmpty()) {
                            throw error(value, "reconcile.iac: name at least one file or directory");
                        }
                    }
                    default -> throw error(t.getKeyNode(), "reconcile: unknown key '" + k + "' (known keys: "
                            + String.join(", ", sorted(PAIR_KEYS)) + ")");
                }
            }
            if (diagram == null || iac == null) {
                throw error(item, "reconcile: each pair needs a diagram and its iac (files or directories)");
            }
            Optional<Mark> at = item.getStartMark();
            out.add(new AtolintConfig.DiagramPair(diagram, page, iac, at.map(x -> x.getLine() + 1).orElse(0),
                    at.map(x -> x.getColumn() + 1).orElse(0)));
        }
        return out;
    }

    /** A path relative to the configuration's directory that stays inside it, normalised. */
    private String inside(Node n, String path) throws ConfigException {
        String p = path.trim().replace('\\', '/');
        if (p.isEmpty() || p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.contains("\0")) {
            throw error(n, "reconcile: '" + path + "' must be a path relative to this file's directory");
        }
        String normal = java.nio.file.Path.of(p).normalize().toString().replace('\\', '/');
        if (normal.equals("..") || normal.startsWith("../")) {
            throw error(n, "reconcile: '" + path + "' leaves the repository; only paths inside it are read");
        }
        return normal.isEmpty() ? "." : normal;
    }

    private Boolean onOff(ScalarNode n, String id) throws ConfigException {
        return switch (n.getValue().trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> Boolean.TRUE;
            case "off", "false", "no" -> Boolean.FALSE;
            default -> throw error(n, "rules: " + id + ": expected on, off or a map {enabled, severity}, got '"
                    + n.getValue() + "'");
        };
    }

    private Severity severity(Node v, String key) throws ConfigException {
        String s = scalar(v, key);
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(v, key + ": " + e.getMessage());
        }
    }

    private String keyOf(NodeTuple t) throws ConfigException {
        return scalar(t.getKeyNode(), "key");
    }

    private ScalarNode scalarNode(Node v, String key) throws ConfigException {
        if (!(v instanceof ScalarNode s)) {
            throw error(v, key + ": expected a single value");
        }
        return s;
    }

    private String scalar(Node v, String key) throws ConfigException {
        return scalarNode(v, key).getValue();
    }

    private MappingNode map(Node v, String key) throws ConfigException {
        if (!(v instanceof MappingNode m)) {
            throw error(v, key + ": expected a map");
        }
        return m;
    }

    private List<String> strings(Node v, String key) throws ConfigException {
        if (v instanceof ScalarNode s) {
            return List.of(s.getValue());
        }
        if (!(v instanceof SequenceNode seq)) {
            throw error(v, key + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            out.add(scalar(n, key));
        }
        return out;
    }

    /** Safety limits by the names {@code --limit} takes, each a positive whole number. */
    private Map<String, Long> limits(Node v) throws ConfigException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (NodeTuple t : map(v, "limits").getValue()) {
            String name = keyOf(t);
            long value;
            try {
                value = Long.parseLong(scalar(t.getValueNode(), "limits." + name));
                Limits.defaults().with(name, value);
            } catch (NumberFormatException e) {
                throw error(t.getValueNode(), "limits." + name + " expects a whole number");
            } catch (IllegalArgumentException e) {
                throw error(t.getKeyNode(), e.getMessage());
            }
            out.put(name, value);
        }
        return out;
    }

    private Map<String, String> stringMap(Node v, String key) throws ConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : map(v, key).getValue()) {
            out.put(keyOf(t), scalar(t.getValueNode(), key + "." + keyOf(t)));
        }
        return out;
    }

    /** An error {@code offset} characters into a scalar (after its opening quote, if any). */
    private ConfigException errorAt(Node n, int offset, String message) {
        Optional<Mark> m = n.getStartMark();
        boolean quoted = n instanceof ScalarNode s && s.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN;
        return new ConfigException(file, m.map(x -> x.getLine() + 1).orElse(0),
                m.map(x -> x.getColumn() + 1 + (quoted ? 1 : 0) + Math.max(0, offset)).orElse(0), message);
    }

    private ConfigException error(Node n, String message) {
        Optional<Mark> m = n.getStartMark();
        return new ConfigException(file, m.map(x -> x.getLine() + 1).orElse(0), m.map(x -> x.getColumn() + 1).orElse(0),
                message);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
