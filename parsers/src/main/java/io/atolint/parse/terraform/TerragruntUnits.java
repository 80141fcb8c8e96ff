package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.SourceTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Terragrunt units: a {@code terragrunt.hcl} beside {@code .tf} files gives their root module its inputs;
 * one whose {@code terraform { source = ... }} names a module is
 * that module called with the unit's {@code inputs} (and those of the file its {@code include} names,
 * the unit's own winning). Each unit becomes a root module of one call, {@code module "<unit directory>"},
 * with the unit's {@code locals}: a local source is read from the repository, a registry source
 * ({@code tfr:///terraform-aws-modules/vpc/aws?version=5.1.0}) as Terraform reads a registry module.
 * Units joined by {@code dependency} blocks are one root module, the outputs of one the calls of the other.
 * Terragrunt's functions are evaluated only in paths ({@link TerragruntPaths}); anything else that depends on
 * them ({@code get_env()}, {@code read_terragrunt_config()}), and outputs of units outside the scan, are UNKNOWN.
 */
final class TerragruntUnits {
    static final String FILE = "terragrunt.hcl";

    /**
     * What is read as one model: a unit, or units joined by their {@code dependency} blocks; its first file
     * and directory, the name of its model, the root module it is read as, the files it reads and the local
     * modules it calls.
     */
    record Unit(String file, String dir, String label, ModuleConfig config, List<String> files, List<String> localModules) {
    }

    /**
     * A unit without a module source, beside the {@code .tf} files Terragrunt then runs: its inputs are the
     * variables of that root module (as {@code TF_VAR_} values, below tfvars files), read from {@code files}.
     */
    record RootInputs(String file, List<String> files, List<HclAttribute> inputs) {
    }

    /** What the Terragrunt files of a scan give: units to read as models, and inputs of root modules. */
    record Reading(List<Unit> units, Map<String, RootInputs> roots) {
    }

    /** One unit as read: its call, its locals, the units it depends on (dependency label to directory). */
    private record Part(String file, String dir, String name, HclBlock call, Map<HclBlock, String> locals, List<String> files,
                        String localModule, Map<String, String> dependencies) {
    }

    private TerragruntUnits() {
    }

    static boolean isUnitFile(String path) {
        return (path.equals(FILE) || path.endsWith("/" + FILE)) && !path.contains(".terragrunt-cache/");
    }

    /**
     * The units among {@code files}; a unit without a readable module source is a note in {@code problems}
     * (a file that only holds settings for the units below it, such as remote state, is no unit and says nothing).
     */
    static Reading read(List<String> files, SourceTree tree, Function<String, HclFile> reader,
                        ModuleLoader loader, List<Finding> problems) {
        List<Part> parts = new ArrayList<>();
        Map<String, RootInputs> roots = new LinkedHashMap<>();
        for (String file : files) {
            HclFile f = reader.apply(file);
            String dir = TerraformHandler.dir(file);
            List<String> included = new ArrayList<>();
            // where the unit includes each file: what comes from that file is positioned there, in the unit
            Map<String, HclPos> includedAt = new LinkedHashMap<>();
            List<Finding> includeNotes = new ArrayList<>();
            for (HclBlock include : f.body().blocks("include")) {
                String parent = TerragruntPaths.includedFile(include, dir, tree);
                if (parent != null) {
                    includedAt.putIfAbsent(parent, include.pos());
                }
                if (parent == null) {
                    includeNotes.add(ParseFindings.unsupported(at(file, include.pos()), "Terragrunt unit " + display(dir)
                            + ": the file include " + (include.labels().isEmpty() ? "" : "\"" + include.label(0) + "\" ")
                            + "names is not among the scanned files, or its path needs Terragrunt to run; its inputs are not read"));
                } else if (!included.contains(parent)) {
                    included.add(parent);
                }
            }
            // the module: the unit's own terraform source, else that of a file it includes (a shared
            // component configuration), whose relative paths Terragrunt reads from the unit's directory
            HclAttribute source = sourceOf(f);
            String sourceFile = file;
            for (int i = 0; source == null && i < included.size(); i++) {
                source = sourceOf(reader.apply(included.get(i)));
                sourceFile = included.get(i);
            }
            boolean besideTerraform = source == null && loader.hasModule(dir);
            if (source == null && !besideTerraform) {
                continue;
            }
            problems.addAll(includeNotes);
            List<String> read = new ArrayList<>(List.of(file));
            Map<String, HclAttribute> inputs = new LinkedHashMap<>();
            // each locals block with the file it is written in
            Map<HclBlock, String> locals = new LinkedHashMap<>();
            f.body().blocks("locals").forEach(b -> locals.put(b, file));
            Set<String> localNames = localNames(locals.keySet());
            HclBlock include = f.body().blocks("include").stream().findFirst().orElse(null);
            for (String parent : included) {
                read.add(parent);
                HclFile p = reader.apply(parent);
                // the included file's inputs are evaluated with its own locals: a name both files define
                // would give them the unit's value
                List<HclBlock> parentLocals = p.body().blocks("locals");
                Set<String> clash = new java.util.TreeSet<>(localNames(parentLocals));
                clash.retainAll(localNames);
                if (!clash.isEmpty()) {
                    problems.add(ParseFindings.unsupported(at(file, include.pos()), "Terragrunt unit " + display(dir)
                            + ": the inputs of " + parent + " are not read, as it and the unit both define local "
                            + String.join(", ", clash)));
                    continue;
                }
                parentLocals.forEach(b -> locals.put(b, parent));
                localNames.addAll(localNames(parentLocals));
                HclPos at = includedAt.get(parent);
                inputs(p).forEach((name, a) -> inputs.put(name, new HclAttribute(name, ExprRewriter.moved(a.value(), at), at)));
            }
            inputs.putAll(inputs(f));
            if (besideTerraform) {
                roots.put(dir, new RootInputs(file, read, new ArrayList<>(inputs.values())));
                continue;
            }
            HclPos callAt = sourceFile.equals(file) ? source.pos() : includedAt.get(sourceFile);
            String text = literal(source.value());
            if (text == null) {
                problems.add(ParseFindings.unsupported(at(sourceFile, source.pos()), "Terragrunt unit " + display(dir)
                        + ": its terraform source is not a literal (Terragrunt functions are not evaluated); the unit is not read"));
                continue;
            }
            String module = moduleSource(text);
            String local = loader.localDir(dir, module);
            List<HclAttribute> call = new ArrayList<>();
            call.add(new HclAttribute("source", new Expr.Literal(module, callAt), callAt));
            for (HclAttribute a : inputs.values()) {
                if (!Set.of("source", "version", "count", "for_each", "providers", "depends_on").contains(a.name())) {
                    call.add(a);
                }
            }
            if (local == null && version(text) != null) {
                call.add(new HclAttribute("version", new Expr.Literal(version(text), callAt), callAt));
            }
            Map<String, String> dependencies = new LinkedHashMap<>();
            List<HclFile> declaring = new ArrayList<>();
            included.forEach(i -> declaring.add(reader.apply(i)));
            declaring.add(f);
            for (HclFile d : declaring) {
                for (HclBlock dep : d.body().blocks("dependency")) {
                    Expr configPath = dep.body().attribute("config_path").map(HclAttribute::value).orElse(null);
                    String target = configPath == null ? null : TerragruntPaths.path(configPath, dir, tree);
                    if (target != null && !dep.labels().isEmpty()) {
                        // a path built from get_terragrunt_dir() is a tree name; a literal one is the unit's
                        String resolved = target.startsWith("/") || !dir.isEmpty() && target.startsWith(dir + "/")
                                ? TerragruntPaths.normalize(target) : SourceTree.resolveName(dir, target);
                        if (resolved != null) {
                            dependencies.put(dep.label(0), resolved);
                        }
                    }
                }
            }
            HclBlock block = new HclBlock("module", List.of(name(dir)), new HclBody(call, List.of()), callAt);
            parts.add(new Part(file, dir, name(dir), block, locals, read,
                    local != null && loader.hasModule(local) ? local : null, dependencies));
        }
        return new Reading(link(parts, problems), roots);
    }

    /**
     * Units that depend on one another (a {@code dependency} whose {@code config_path} is a unit of the scan)
     * are one model: each unit's call, its {@code dependency.<name>.outputs.<output>} read as the output of
     * the call of the unit it names ({@code module.<unit>.<output>}). Units whose calls would share a name, or
     * whose locals give one name two values, are read one by one (a note says so); so is every other unit.
     */
    private static List<Unit> link(List<Part> parts, List<Finding> problems) {
        Map<String, Part> byDir = new LinkedHashMap<>();
        parts.forEach(p -> byDir.put(p.dir(), p));
        Map<Part, Part> leader = new java.util.IdentityHashMap<>();
        parts.forEach(p -> leader.put(p, p));
        for (Part p : parts) {
            for (String target : p.dependencies().values()) {
                Part t = byDir.get(target);
                if (t != null) {
                    Part a = find(leader, p);
                    Part b = find(leader, t);
                    if (a != b) {
                        leader.put(b, a);
                    }
                }
            }
        }
        Map<Part, List<Part>> groups = new LinkedHashMap<>();
        for (Part p : parts) {
            groups.computeIfAbsent(find(leader, p), k -> new ArrayList<>()).add(p);
        }
        List<Unit> units = new ArrayList<>();
        for (List<Part> group : groups.values()) {
            String why = group.size() > 1 ? whyNotJoined(group) : null;
            if (group.size() == 1 || why != null) {
                if (why != null) {
                    problems.add(ParseFindings.unsupported(SourceLocation.at(group.get(0).file(), 1, 1), "Terragrunt units "
                            + String.join(", ", group.stream().map(p -> display(p.dir())).toList())
                            + " depend on one another but are read one by one (" + why + "): their dependency outputs are UNKNOWN"));
                }
                for (Part p : group) {
                    units.add(unit(List.of(p), byDir));
                }
            } else {
                units.add(unit(group, byDir));
            }
        }
        return units;
    }

    private static Part find(Map<Part, Part> leader, Part p) {
        Part r = p;
        while (leader.get(r) != r) {
            r = leader.get(r);
        }
        return r;
    }

    /** Why the units of a group cannot be one root module: two calls of one name, or a local of two values. */
    private static String whyNotJoined(List<Part> group) {
        Set<String> names = new java.util.HashSet<>();
        for (Part p : group) {
            if (!names.add(p.name())) {
                return "two of them are named " + p.name();
            }
        }
        Map<String, HclAttribute> locals = new LinkedHashMap<>();
        for (Part p : group) {
            for (HclBlock b : p.locals().keySet()) {
                for (HclAttribute a : b.body().attributes()) {
                    HclAttribute before = locals.putIfAbsent(a.name(), a);
                    if (before != null && before != a) {
                        return "local " + a.name() + " is defined in more than one of them";
                    }
                }
            }
        }
        return null;
    }

    /** The root module of a group of units: each call, with the others' outputs in place of its dependencies'. */
    private static Unit unit(List<Part> group, Map<String, Part> byDir) {
        Part first = group.get(0);
        String dir = first.dir();
        // the blocks by the file they are written in, so that what they declare is positioned there
        Map<String, List<HclBlock>> blocks = new LinkedHashMap<>();
        java.util.Set<HclBlock> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<String> files = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        for (Part p : group) {
            p.locals().forEach((b, file) -> {
                if (seen.add(b)) {
                    blocks.computeIfAbsent(file, k -> new ArrayList<>()).add(b);
                }
            });
            p.files().stream().filter(f -> !files.contains(f)).forEach(files::add);
            if (p.localModule() != null && !modules.contains(p.localModule())) {
                modules.add(p.localModule());
            }
        }
        for (Part p : group) {
            blocks.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(group.size() == 1 ? p.call() : joined(p, dir, byDir));
        }
        List<String> dirs = group.stream().map(Part::dir).sorted().toList();
        // a monorepo's units may all hang on one network unit: the model is named by a few of them
        String label = dirs.size() <= 3 ? String.join(" + ", dirs)
                : dirs.get(0) + " + " + (dirs.size() - 1) + " more units";
        List<HclFile> hcl = new ArrayList<>();
        blocks.forEach((file, bs) -> hcl.add(new HclFile(file, new HclBody(List.of(), bs), List.of())));
        ModuleConfig config = ModuleConfig.of(dir, hcl);
        return new Unit(first.file(), dir, label, config, files, modules);
    }

    /** A unit's call in a joined root module: its local source from the root's directory, its dependencies resolved. */
    private static HclBlock joined(Part p, String rootDir, Map<String, Part> byDir) {
        List<HclAttribute> attributes = new ArrayList<>();
        for (HclAttribute a : p.call().body().attributes()) {
            Expr value = a.value();
            if (a.name().equals("source") && p.localModule() != null) {
                value = new Expr.Literal(TerragruntPaths.relative(rootDir, p.localModule()), a.value().pos());
            } else {
                value = ExprRewriter.rewrite(value, e -> dependencyOutput(e, p, byDir));
            }
            attributes.add(new HclAttribute(a.name(), value, a.pos()));
        }
        return new HclBlock(p.call().type(), p.call().labels(), new HclBody(attributes, List.of()), p.call().pos());
    }

    /** {@code dependency.<name>.outputs} of a unit of the group is {@code module.<that unit>}. */
    private static Expr dependencyOutput(Expr e, Part p, Map<String, Part> byDir) {
        if (e instanceof Expr.GetAttr outputs && outputs.name().equals("outputs")
                && outputs.target() instanceof Expr.GetAttr dep && dep.target() instanceof Expr.Variable v
                && v.name().equals("dependency")) {
            Part target = byDir.get(p.dependencies().get(dep.name()));
            if (target != null) {
                return new Expr.GetAttr(new Expr.Variable("module", v.pos()), target.name(), e.pos());
            }
        }
        return e;
    }

    private static Set<String> localNames(java.util.Collection<HclBlock> locals) {
        Set<String> names = new java.util.HashSet<>();
        for (HclBlock b : locals) {
            b.body().attributes().forEach(a -> names.add(a.name()));
        }
        return names;
    }

    /** A literal string, or a template of literal parts; null for anything computed. */
    private static String literal(Expr e) {
        if (e instanceof Expr.Literal l && l.value() instanceof String s) {
            return s;
        }
        if (e instanceof Expr.Template t) {
            StringBuilder b = new StringBuilder();
            for (Expr p : t.parts()) {
                if (!(p instanceof Expr.Literal l) || !(l.value() instanceof String s)) {
                    return null;
                }
                b.append(s);
            }
            return b.toString();
        }
        return null;
    }

    /** The unit's {@code inputs}, as the attributes of the call (an input that is not a plain name is left out). */
    private static Map<String, HclAttribute> inputs(HclFile f) {
        Map<String, HclAttribute> out = new LinkedHashMap<>();
        HclAttribute inputs = f.body().attribute("inputs").orElse(null);
        if (inputs == null || !(inputs.value() instanceof Expr.ObjectCons o)) {
            return out;
        }
        for (Expr.ObjectItem item : o.items()) {
            String key = item.key() instanceof Expr.Variable v ? v.name() : literal(item.key());
            if (key != null) {
                out.put(key, new HclAttribute(key, item.value(), item.key().pos()));
            }
        }
        return out;
    }

    private static HclAttribute sourceOf(HclFile f) {
        HclBlock terraform = f.body().blocks("terraform").stream().findFirst().orElse(null);
        return terraform == null ? null : terraform.body().attribute("source").orElse(null);
    }

    /**
     * The source as a Terraform module source: {@code tfr:///ns/name/provider?version=v} is the registry
     * address {@code ns/name/provider}; a local path loses Terragrunt's {@code //} before the module's
     * subdirectory; other sources keep their address without the query.
     */
    static String moduleSource(String source) {
        String s = source;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        if (s.startsWith("tfr:///")) {
            return s.substring("tfr:///".length());
        }
        if (s.startsWith("tfr://")) {
            return s.substring("tfr://".length());
        }
        if (s.startsWith("./") || s.startsWith("../")) {
            s = s.replace("//", "/");
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }

    private static String version(String source) {
        int q = source.indexOf("?version=");
        if (q < 0) {
            return null;
        }
        String v = source.substring(q + "?version=".length());
        int amp = v.indexOf('&');
        return amp < 0 ? v : v.substring(0, amp);
    }

    /** The module call's name: the unit's directory name, as a Terraform identifier. */
    private static String name(String dir) {
        String last = dir.substring(dir.lastIndexOf('/') + 1);
        String n = last.replaceAll("[^A-Za-z0-9_-]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) && n.charAt(0) != '_' ? "unit_" + n : n;
    }

    private static String display(String dir) {
        return dir.isEmpty() ? "." : dir;
    }

    private static SourceLocation at(String file, HclPos pos) {
        return SourceLocation.at(file, Math.max(1, pos.line()), Math.max(1, pos.column()));
    }
}
