package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.Parallel;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceFile;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the templates of one scan work together, read before any of them is: {@code Fn::ImportValue}
 * matched with the {@code Outputs.*.Export} of another template, and nested stacks whose
 * {@code TemplateURL} names a scanned file by the end of its path (the QuickStart layout,
 * {@code !Sub https://${Bucket}.s3...${KeyPrefix}templates/x.template.yaml}).
 *
 * <p>Export and import names are evaluated with each template's own parameters (defaults, given,
 * or stack-qualified: {@code --param vpc.AWS::StackName=prod-vpc}). An export name built from
 * {@code AWS::StackName}, which only the deployment decides, matches an import name that fits it,
 * when no other export does and every import of that template agrees on the stack name: that name is
 * then taken as the exporting stack's, and a note says so. Templates linked by imports are read
 * into one model, each resource named with its template; several candidates for one import leave it
 * UNKNOWN, with a note.
 */
public final class StackLinks {
    /** A template of the scan and its identity. */
    public record Template(SourceFile file, TreeDocument doc, StackInfo stack) {
        String path() {
            return file.path();
        }

        Node.MapNode root() {
            return (Node.MapNode) doc.root();
        }
    }

    /**
     * An output exported by a literal {@code name}, or by a {@code pattern} built around {@code AWS::StackName}:
     * a name it matches starts with {@code prefix} and ends with {@code suffix} (the literal ends of the pattern).
     */
    /** The longest export name CloudFormation accepts is 255 characters; this leaves room. */
    static final int MAX_EXPORT_NAME = 1024;

    record Export(Template template, String output, Node value, String name, Pattern pattern,
                          String prefix, String suffix) {
        Export(Template template, String output, Node value, String name, Pattern pattern) {
            this(template, output, value, name, pattern, "", "");
        }

        /**
         * Whether {@code importName} may match the pattern: a test cheaper than the match, never false when it does.
         * A name longer than CloudFormation accepts for an export is none (the pattern's lazy group and back-references
         * made the match quadratic in the name: an import name of 320,000 characters took 37 s).
         */
        boolean mayMatch(String importName) {
            return importName.length() <= MAX_EXPORT_NAME
                    && importName.length() > prefix.length() + suffix.length() && importName.startsWith(prefix)
                    && importName.endsWith(suffix);
        }

        String shown() {
            return name != null ? name : pattern.pattern().replace("\\Q", "").replace("\\E", "").replace("(.+?)", "${AWS::StackName}");
        }
    }

    private record Link(Export export, String stackName) {
    }

    private final ParseOptions options;
    private final Map<String, Template> byPath = new LinkedHashMap<>();
    private final Map<String, Map<String, Link>> imports = new HashMap<>();
    private final Map<String, String> impliedNames = new HashMap<>();
    private final Map<String, Set<String>> neighbours = new HashMap<>();
    private final Map<String, List<Finding>> notes = new HashMap<>();
    private final Map<String, SourceFile> nested = new HashMap<>();
    private final Map<String, Value> exportValues = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Map<String, Set<String>> groupOf = new HashMap<>();

    private StackLinks(ParseOptions options) {
        this.options = options;
    }

    /**
     * Links the templates; {@code relative} gives a template's path relative to the scanned root (what a
     * TemplateURL's path may end with).
     */
    public static StackLinks of(List<Template> given, ParseOptions options, UnaryOperator<String> relative) {
        // what each template exports and imports is its own: read on every core
        return ofSites(Parallel.map(given, t -> TemplateSites.of(t, options)), options, relative);
    }

    /** Links the templates whose sites were read ({@link TemplateSites#of}, one for each template). */
    public static StackLinks ofSites(List<TemplateSites> given, ParseOptions options, UnaryOperator<String> relative) {
        StackLinks l = new StackLinks(options);
        // the same files link the same way, whatever order they were listed in
        List<TemplateSites> sites = new ArrayList<>(given);
        sites.sort(BY_PATH);
        List<Template> templates = new ArrayList<>(sites.size());
        List<Export> exports = new ArrayList<>();
        for (TemplateSites s : sites) {
            templates.add(s.template());
            l.byPath.put(s.template().path(), s.template());
            exports.addAll(s.exports());
        }
        l.match(sites, exports);
        l.matchStackOutputs(sites, templates);
        l.nestedByUrl(sites, templates, relative);
        return l;
    }

    private static final Comparator<TemplateSites> BY_PATH = (a, b) -> a.template().path().compareTo(b.template().path());

    private void match(List<TemplateSites> sites, List<Export> exports) {
        Map<String, Map<String, List<String>>> implied = new HashMap<>(); // exporter -> name -> importers
        Map<String, Map<String, Link>> candidates = new HashMap<>();
        // exports by literal name, and those named after their stack, each in the exports' order
        Map<String, List<Export>> byName = new HashMap<>();
        List<Export> patterned = new ArrayList<>();
        for (Export x : exports) {
            if (x.name() != null) {
                byName.computeIfAbsent(x.name(), k -> new ArrayList<>()).add(x);
            }
            if (x.pattern() != null) {
                patterned.add(x);
            }
        }
        for (TemplateSites s : sites) {
            Template t = s.template();
            Map<String, SourceLocation> names = s.imports();
            if (names.isEmpty()) {
                continue;
            }
            Map<String, Link> chosen = new LinkedHashMap<>();
            // An export named by a literal: one template may export it.
            Map<String, Map<String, List<Link>>> byStackName = new LinkedHashMap<>(); // S -> import name -> links
            names.forEach((name, at) -> {
                List<Link> exact = new ArrayList<>();
                for (Export x : byName.getOrDefault(name, List.of())) {
                    if (x.template() != t) {
                        exact.add(new Link(x, null));
                    }
                }
                if (!exact.isEmpty()) {
                    choose(t, name, at, exact, chosen);
                    return;
                }
                for (Export x : patterned) {
                    Matcher m = x.template() == t || !x.mayMatch(name) ? null : x.pattern().matcher(name);
                    if (m != null && m.matches()) {
                        byStackName.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
                                .computeIfAbsent(name, k -> new ArrayList<>()).add(new Link(x, m.group(1)));
                    }
                }
            });
            // Exports named after their stack: the imports that name one stack are all read from one template.
            byStackName.forEach((stackName, imported) -> {
                Set<String> covering = null;
                for (List<Link> links : imported.values()) {
                    Set<String> these = new HashSet<>();
                    links.forEach(l -> these.add(l.export().template().path()));
                    if (covering == null) {
                        covering = these;
                    } else {
                        covering.retainAll(these);
                    }
                }
                SourceLocation at = names.get(imported.keySet().iterator().next());
                if (covering == null || covering.isEmpty()) {
                    note(t.path(), at, "Fn::ImportValue of " + String.join(", ", imported.keySet()) + ": no single template"
                            + " of the scan exports all of them, as the one stack named " + stackName + " would; they stay UNKNOWN");
                    return;
                }
                Set<String> ok = covering;
                Map.Entry<String, List<Link>> first = imported.entrySet().iterator().next();
                List<Link> templatesOfFirst = first.getValue().stream().filter(l -> ok.contains(l.export().template().path())).toList();
                List<Link> picked = nearest(t, templatesOfFirst);
                if (picked.size() != 1) {
                    note(t.path(), at, "Fn::ImportValue of " + String.join(", ", imported.keySet()) + ": several templates of"
                            + " the scan export them (" + String.join(", ", new TreeSet<>(picked.stream()
                            .map(l -> l.export().template().path()).toList())) + "); they stay UNKNOWN");
                    return;
                }
                String exporter = picked.get(0).export().template().path();
                imported.forEach((name, links) -> {
                    Link link = links.stream().filter(l -> l.export().template().path().equals(exporter)).findFirst().orElseThrow();
                    chosen.put(name, link);
                    implied.computeIfAbsent(exporter, k -> new LinkedHashMap<>())
                            .computeIfAbsent(stackName, k -> new ArrayList<>()).add(t.path());
                    List<String> others = templatesOfFirst.stream().map(l -> l.export().template().path())
                            .filter(p -> !p.equals(exporter)).distinct().sorted().toList();
                    note(t.path(), names.get(name), "Fn::ImportValue " + name + " is read as Outputs/" + link.export().output()
                            + " of " + exporter + " (exported as " + link.export().shown() + ", taking that stack to be named "
                            + stackName + (others.isEmpty() ? "" : "; the nearest of the templates that export all its"
                            + " imports, also " + String.join(", ", others)) + "; --param "
                            + link.export().template().stack().keys().get(0) + ".AWS::StackName=NAME says otherwise)");
                });
            });
            candidates.put(t.path(), chosen);
        }
        // An exporting stack has one name: imports that imply different names are not linked.
        implied.forEach((exporter, names) -> {
            if (names.size() == 1) {
                impliedNames.put(exporter, names.keySet().iterator().next());
            }
        });
        candidates.forEach((importer, links) -> links.forEach((name, link) -> {
            String exporter = link.export().template().path();
            if (link.stackName() != null && !link.stackName().equals(impliedNames.get(exporter))) {
                note(importer, SourceLocation.at(importer, 1, 1), "Fn::ImportValue " + name + ": the imports of "
                        + exporter + " imply different stack names (" + String.join(", ", new TreeSet<>(implied.get(exporter).keySet()))
                        + "); it stays UNKNOWN");
                return;
            }
            imports.computeIfAbsent(importer, k -> new HashMap<>()).put(name, link);
            neighbours.computeIfAbsent(importer, k -> new LinkedHashSet<>()).add(exporter);
            neighbours.computeIfAbsent(exporter, k -> new LinkedHashSet<>()).add(importer);
        }));
    }

    /** {@code Fn::GetStackOutput}: the output of the scanned stack whose name (or key) it gives. */
    private void matchStackOutputs(List<TemplateSites> sites, List<Template> templates) {
        for (TemplateSites s : sites) {
            Template t = s.template();
            for (TemplateSites.StackOutputUse use : s.stackOutputs()) {
                String stack = use.stack();
                String output = use.output();
                SourceLocation at = use.site().location(t.path(), "Fn::GetStackOutput");
                List<Template> named = templates.stream().filter(c -> c != t && (stack.equals(c.stack().name())
                        || c.stack().keys().contains(stack))).toList();
                if (named.size() != 1) {
                    if (named.size() > 1) {
                        note(t.path(), at, "Fn::GetStackOutput " + stack + "." + output + ": several templates of"
                                + " the scan are that stack (" + String.join(", ", named.stream().map(Template::path).toList())
                                + "); it stays UNKNOWN");
                    }
                    continue;
                }
                Template exporter = named.get(0);
                Node value = exporter.root().get("Outputs").filter(Node.MapNode.class::isInstance)
                        .flatMap(o -> ((Node.MapNode) o).get(output)).filter(Node.MapNode.class::isInstance)
                        .flatMap(o -> ((Node.MapNode) o).get("Value")).orElse(null);
                if (value == null) {
                    note(t.path(), at, "Fn::GetStackOutput " + stack + "." + output + ": " + exporter.path()
                            + " has no such output; it stays UNKNOWN");
                    continue;
                }
                // the reference names its stack: linking it is no guess, and says nothing worth a note
                Link link = new Link(new Export(exporter, output, value, null, null), null);
                imports.computeIfAbsent(t.path(), k -> new HashMap<>()).put(outputKey(stack, output), link);
                neighbours.computeIfAbsent(t.path(), k -> new LinkedHashSet<>()).add(exporter.path());
                neighbours.computeIfAbsent(exporter.path(), k -> new LinkedHashSet<>()).add(t.path());
            }
        }
    }

    private static String outputKey(String stack, String output) {
        return "\u0000" + stack + "\u0000" + output;
    }

    /** An export named by a literal: the nearest template that exports it, or a note when several do. */
    private void choose(Template t, String name, SourceLocation at, List<Link> exact, Map<String, Link> chosen) {
        List<Link> picked = nearest(t, exact);
        if (picked.size() > 1) {
            note(t.path(), at, "Fn::ImportValue " + name + ": several templates of the scan export it ("
                    + String.join(", ", new TreeSet<>(picked.stream().map(f -> f.export().template().path()).toList()))
                    + "); it stays UNKNOWN");
            return;
        }
        Link link = picked.get(0);
        chosen.put(name, link);
        List<String> others = exact.stream().filter(f -> f != link).map(f -> f.export().template().path()).distinct().sorted().toList();
        if (!others.isEmpty()) {
            // one exporter of the literal name is no choice; among several, the note says which was taken
            note(t.path(), at, "Fn::ImportValue " + name + " is read as Outputs/" + link.export().output() + " of "
                    + link.export().template().path() + " (the nearest of the templates that export it; also "
                    + String.join(", ", others) + ")");
        }
    }

    /**
     * Among several exports of one name, those of the templates nearest the importer (the longest
     * common directory), and of those, a template written in the importer's format when the others
     * are its twins in another format ({@code vpc.yaml} and {@code vpc.json}).
     */
    private static List<Link> nearest(Template importer, List<Link> found) {
        if (found.size() < 2) {
            return found;
        }
        int best = found.stream().mapToInt(f -> commonPrefix(f.export().template().path(), importer.path())).max().orElse(0);
        List<Link> near = found.stream().filter(f -> commonPrefix(f.export().template().path(), importer.path()) == best).toList();
        Set<String> stems = new HashSet<>();
        near.forEach(f -> stems.add(stem(f.export().template().path())));
        if (near.size() > 1 && stems.size() == 1) {
            String ext = extension(importer.path());
            List<Link> same = near.stream().filter(f -> extension(f.export().template().path()).equals(ext)).toList();
            return same.size() == 1 ? same : near;
        }
        return near;
    }

    private static String stem(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    private static String extension(String path) {
        String e = path.substring(stem(path).length());
        return e.equals(".yml") ? ".yaml" : e;
    }

    private void note(String path, SourceLocation at, String message) {
        notes.computeIfAbsent(path, k -> new ArrayList<>()).add(ParseFindings.unsupported(at, message));
    }

    // ---------------------------------------------------------------- nested stacks by URL

    private void nestedByUrl(List<TemplateSites> sites, List<Template> templates, UnaryOperator<String> relative) {
        List<String[]> relativePaths = null; // split once, for the first nested stack met
        for (TemplateSites s : sites) {
            Template t = s.template();
            for (TemplateSites.NestedUrl n : s.nestedUrls()) {
                if (relativePaths == null) {
                    relativePaths = new ArrayList<>(templates.size());
                    for (Template c : templates) {
                        relativePaths.add(relative.apply(c.path()).split("/"));
                    }
                }
                List<Template> matches = new ArrayList<>();
                int best = 0;
                for (int i = 0; i < templates.size(); i++) {
                    Template c = templates.get(i);
                    if (c == t) {
                        continue;
                    }
                    int score = n.path().score(relativePaths.get(i));
                    if (score > best) {
                        best = score;
                        matches.clear();
                    }
                    if (score > 0 && score == best) {
                        matches.add(c);
                    }
                }
                if (matches.isEmpty()) {
                    continue;
                }
                matches.sort(Comparator.<Template>comparingInt(m -> -commonPrefix(m.path(), t.path()))
                        .thenComparing(Template::path));
                Template chosen = matches.get(0);
                nested.put(t.path() + "#" + n.logicalId(), chosen.file());
                note(t.path(), n.at(), "nested stack " + n.logicalId() + ": TemplateURL " + shorten(n.text()) + " is read as "
                        + chosen.path() + ", the scanned template its path ends with" + (matches.size() > 1
                        ? " (" + (matches.size() - 1) + " other" + (matches.size() > 2 ? "s" : "") + " match: "
                        + String.join(", ", matches.subList(1, matches.size()).stream().map(Template::path).toList())
                        + "; the one nearest the parent is taken)" : ""));
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        String[] x = a.split("/");
        String[] y = b.split("/");
        while (n < x.length - 1 && n < y.length - 1 && x[n].equals(y[n])) {
            n++;
        }
        return n;
    }

    /**
     * The path of a template URL: the segments that are known (after the host and after the last
     * unresolved part), and whether something unresolved stands before them
     * ({@code ${KeyPrefix}templates/x.yaml}: a key prefix ends with '/', as QuickStarts write it).
     */
    record UrlPath(List<String> known, boolean openStart) {
        static UrlPath of(String url) {
            int scheme = url.indexOf("://");
            int slash = url.indexOf('/', scheme + 3);
            if (slash < 0) {
                return null;
            }
            String path = url.substring(slash + 1);
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            int lastUnknown = path.lastIndexOf('}');
            boolean open = lastUnknown >= 0;
            String tail = open ? path.substring(lastUnknown + 1) : path;
            List<String> segs = new ArrayList<>();
            for (String s : tail.split("/")) {
                if (!s.isEmpty()) {
                    segs.add(s);
                }
            }
            return segs.isEmpty() ? null : new UrlPath(segs, open);
        }

        /**
         * How many trailing segments a scanned file shares with the URL: every segment of the file's
         * path when the URL's path ends with it, or every known segment when the URL's start is
         * unresolved and the file's path ends with them; 0 otherwise. {@code file} is the file's path
         * relative to the scanned root, split at '/'.
         */
        int score(String[] file) {
            int n = 0;
            while (n < file.length && n < known.size()
                    && file[file.length - 1 - n].equals(known.get(known.size() - 1 - n))) {
                n++;
            }
            if (n == file.length) {
                return n; // the URL's path ends with the file's path
            }
            return openStart && n == known.size() ? n : 0;
        }
    }

    // ---------------------------------------------------------------- what the handlers read

    /** The template a nested stack's URL names, if one was matched. */
    public Optional<SourceFile> nested(String parentPath, String logicalId) {
        return Optional.ofNullable(nested.get(parentPath + "#" + logicalId));
    }

    /** Templates read as nested stacks through their URL (they are not read on their own). */
    public Set<String> nestedChildren() {
        Set<String> out = new LinkedHashSet<>();
        nested.values().forEach(f -> out.add(f.path()));
        return out;
    }

    /** Templates read as nested stacks through their URL, with the nested stacks ({@code parent#logicalId}) that use them. */
    public Map<String, List<String>> nestedUses() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        nested.forEach((use, f) -> out.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(use));
        return out;
    }

    /** The notes for a template: how its imports and nested stacks were matched. */
    public List<Finding> notes(String path) {
        return notes.getOrDefault(path, List.of());
    }

    /** Templates linked by imports, each group one model, in the order of {@code templates} (only those). */
    public List<List<Template>> groups(List<Template> given) {
        List<Template> templates = new ArrayList<>(given);
        templates.sort(java.util.Comparator.comparing(Template::path));
        List<List<Template>> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> allowed = new HashSet<>();
        templates.forEach(t -> allowed.add(t.path()));
        for (Template t : templates) {
            if (done.contains(t.path())) {
                continue;
            }
            List<Template> group = new ArrayList<>();
            Deque<String> todo = new ArrayDeque<>(List.of(t.path()));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (allowed.contains(p) && done.add(p)) {
                    group.add(byPath.get(p));
                    todo.addAll(neighbours.getOrDefault(p, Set.of()));
                }
            }
            // the order of templates, which is by path (comparing the records would compare whole trees)
            group.sort(java.util.Comparator.comparing(Template::path));
            Set<String> paths = new LinkedHashSet<>();
            group.forEach(g -> paths.add(g.path()));
            group.forEach(g -> groupOf.put(g.path(), paths));
            out.add(group);
        }
        return out;
    }

    /** A template's identity for reading: its implied stack name, its imports, its label in a group. */
    public StackInfo info(SourceFile file) {
        Template t = byPath.get(file.path());
        StackInfo s = t == null ? StackInfo.of(file.path()) : t.stack();
        String implied = impliedNames.get(file.path());
        if (s.name() == null && implied != null) {
            s = s.withName(implied, "AWS::StackName " + implied + " (as the imports of this stack's exports name it)");
        }
        if (imports.containsKey(file.path())) {
            String importer = file.path();
            s = s.withExports(new Exports() {
                @Override
                public Optional<Value> value(String name, SourceLocation at) {
                    return exported(importer, name);
                }

                @Override
                public Optional<Value> output(String stack, String output, SourceLocation at) {
                    return exported(importer, outputKey(stack, output));
                }
            });
        }
        if (groupOf.getOrDefault(file.path(), Set.of()).size() > 1) {
            s = s.withLabel(file.fileName());
        }
        return s;
    }

    /**
     * The value an import reads: the export's Value, evaluated in its own template. Groups of templates
     * are read on several threads and an export outside the groups (in a nested stack) may be read from
     * two of them: one evaluation at a time, each once.
     */
    private synchronized Optional<Value> exported(String importer, String name) {
        Link link = imports.getOrDefault(importer, Map.of()).get(name);
        if (link == null) {
            return Optional.empty();
        }
        Export x = link.export();
        String key = x.template().path() + "#" + x.output();
        Value v = exportValues.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        if (!evaluating.add(key)) {
            return Optional.empty(); // exports that import each other: left UNKNOWN
        }
        try {
            Template t = x.template();
            IntrinsicResolver r = new IntrinsicResolver(TemplateContext.of(t.path(), t.root(), options, Map.of(),
                    t.path() + "#", info(t.file())), f -> { });
            v = r.eval(x.value(), "Outputs/" + x.output() + "/Value");
        } finally {
            evaluating.remove(key);
        }
        exportValues.put(key, v);
        return Optional.of(v);
    }
}
