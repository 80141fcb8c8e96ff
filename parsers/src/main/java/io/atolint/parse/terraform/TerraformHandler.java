package io.atolint.parse.terraform;

import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.FormatHandler;
import io.atolint.parse.Parallel;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.ScanSession;
import io.atolint.parse.SourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Terraform configurations: a directory of {@code .tf} files is one module. Root modules are the
 * directories that no scanned module calls (and those with their own tfvars or
 * {@code .terraform/modules}); each becomes one model with its module tree. A root's variables come
 * from {@code terraform.tfvars}, {@code *.auto.tfvars}, then {@code --var-file}s, then {@code --var}s
 * (later wins), else their defaults; without any, a variable stays symbolic.
 */
public final class TerraformHandler implements FormatHandler {

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public void scan(ScanSession session) {
        Map<String, List<String>> byDir = new TreeMap<>();
        List<String> tfvars = new ArrayList<>();
        List<String> unitFiles = new ArrayList<>();
        for (String f : session.unclaimed()) {
            if (TerraformFiles.isConfig(f)) {
                byDir.computeIfAbsent(dir(f), d -> new ArrayList<>()).add(f);
            } else if (f.endsWith(".tfvars") || f.endsWith(".tfvars.json")) {
                tfvars.add(f);
            } else if (TerragruntUnits.isUnitFile(f)) {
                unitFiles.add(f);
            }
        }
        if (byDir.isEmpty() && unitFiles.isEmpty()) {
            return;
        }
        unitFiles.sort(String::compareTo); // units and their models in one order, whatever the tree's
        Map<String, HclFile> parsed = new HashMap<>();
        ParseOptions options = session.options();
        java.util.function.Function<String, HclFile> reader = path -> parsed.computeIfAbsent(path, p -> {
            HclFile f = read(session, p, options);
            f.problems().forEach(session::report);
            return f;
        });
        byDir.values().forEach(fs -> fs.forEach(session::claim));
        byDir.replaceAll((dir, fs) -> TerraformFiles.effective(fs));
        ModuleLoader loader = new ModuleLoader(session.tree(), byDir, reader);
        tfvars.forEach(session::claim);
        List<io.atolint.model.Finding> unitProblems = new ArrayList<>();
        TerragruntUnits.Reading terragrunt = TerragruntUnits.read(unitFiles, session.tree(), reader, loader, unitProblems);
        List<TerragruntUnits.Unit> units = terragrunt.units();
        // settings-only files (remote state for the units below) belong to the units read; alone, they
        // are no input, and the scan says it read nothing
        if (!units.isEmpty() || !terragrunt.roots().isEmpty()) {
            unitFiles.forEach(session::claim);
        }
        terragrunt.roots().values().forEach(r -> r.files().forEach(session::claim));
        unitProblems.forEach(p -> session.claim(p.location().file()));
        units.forEach(u -> u.files().forEach(session::claim));
        unitProblems.forEach(session::report);

        // Who calls whom: scanned module directories, and the local modules above them that they reach
        // inside the repository (read like any module, never roots).
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(byDir.keySet());
        while (!todo.isEmpty()) {
            String dir = todo.poll();
            if (calls.containsKey(dir)) {
                continue;
            }
            Set<String> callees = new LinkedHashSet<>();
            ModuleConfig c = loader.config(dir);
            c.problems().stream().filter(p -> !isFileProblem(p, parsed)).forEach(session::report);
            for (ModuleConfig.Decl d : c.modules().values()) {
                d.block().body().attribute("source").ifPresent(a -> {
                    if (a.value() instanceof Expr.Literal l && l.value() instanceof String s) {
                        String local = loader.localDir(dir, s);
                        if (local != null && loader.hasModule(local)) {
                            callees.add(local);
                            if (!calls.containsKey(local)) {
                                todo.add(local);
                            }
                        }
                    }
                });
            }
            for (String downloaded : loader.manifest(dir).values()) {
                if (callees.add(downloaded) && loader.hasModule(downloaded) && !calls.containsKey(downloaded)) {
                    todo.add(downloaded); // read now, so that evaluation only meets modules already read
                }
            }
            calls.put(dir, callees);
        }
        loader.problems().forEach(session::report);
        for (String dir : byDir.keySet()) {
            String manifest = (dir.isEmpty() ? "" : dir + "/") + ".terraform/modules/modules.json";
            if (session.tree().files().contains(manifest)) {
                session.claim(manifest);
            }
        }
        Set<String> called = new LinkedHashSet<>();
        calls.values().forEach(called::addAll);
        // a module a Terragrunt unit calls is read with the unit's inputs, not on its own
        units.forEach(u -> called.addAll(u.localModules()));
        List<String> roots = new ArrayList<>();
        for (String dir : byDir.keySet()) {
            boolean downloaded = dir.contains(".terraform/modules");
            boolean ownInputs = hasOwnInputs(dir, tfvars, session);
            if (!downloaded && (!called.contains(dir) || ownInputs)) {
                roots.add(dir);
            }
        }
        // modules reachable from no root (a module calling itself, a pair calling each other) are read as roots
        Set<String> reached = new LinkedHashSet<>();
        for (String r : roots) {
            reach(r, calls, reached);
        }
        for (TerragruntUnits.Unit u : units) {
            u.localModules().forEach(m -> reach(m, calls, reached));
        }
        for (String dir : byDir.keySet()) {
            if (!reached.contains(dir) && !dir.contains(".terraform/modules")) {
                roots.add(dir);
                reach(dir, calls, reached);
            }
        }
        // a module directory that several roots instantiate: what is found in it is said once per root
        Map<String, Integer> rootsReaching = new HashMap<>();
        for (String r : roots) {
            Set<String> dirs = new LinkedHashSet<>();
            reach(r, calls, dirs);
            dirs.forEach(d -> rootsReaching.merge(d, 1, Integer::sum));
        }
        for (TerragruntUnits.Unit u : units) {
            Set<String> dirs = new LinkedHashSet<>();
            u.localModules().forEach(m -> reach(m, calls, dirs));
            dirs.forEach(d -> rootsReaching.merge(d, 1, Integer::sum));
        }
        Set<String> shared = new java.util.HashSet<>();
        rootsReaching.forEach((d, n) -> {
            if (n > 1) {
                shared.add(d);
            }
        });
        // Root modules are evaluated on every core: by now every module's files are parsed and the
        // loader only answers from what it holds. Models and findings reach the session in root order.
        List<List<Object>> built = Parallel.map(roots, root -> {
            List<Object> out = new ArrayList<>();
            try {
                out.add(readRoot(session, root, loader, tfvars, calls, shared, terragrunt.roots().get(root), out));
            } catch (RuntimeException | StackOverflowError e) {
                out.add(ParseFindings.internalError(SourceLocation.ofFile(root.isEmpty() ? session.tree().root() : root),
                        "while evaluating Terraform module " + root, e));
            }
            return out;
        });
        List<List<Object>> fromUnits = Parallel.map(units, u -> {
            List<Object> out = new ArrayList<>();
            try {
                out.add(readUnit(session, u, loader, calls, shared));
            } catch (RuntimeException | StackOverflowError e) {
                out.add(ParseFindings.internalError(SourceLocation.ofFile(u.file()), "while evaluating Terragrunt unit " + u.dir(), e));
            }
            return out;
        });
        built = new ArrayList<>(built);
        built.addAll(fromUnits);
        for (List<Object> results : built) {
            for (Object o : results) {
                if (o instanceof Model m) {
                    session.addModel(m);
                } else {
                    session.report((io.atolint.model.Finding) o);
                }
            }
        }
    }

    private static boolean isFileProblem(io.atolint.model.Finding f, Map<String, HclFile> parsed) {
        HclFile h = parsed.get(f.location().file());
        return h != null && h.problems().contains(f);
    }

    private static void reach(String dir, Map<String, Set<String>> calls, Set<String> reached) {
        if (reached.add(dir)) {
            for (String c : calls.getOrDefault(dir, Set.of())) {
                reach(c, calls, reached);
            }
        }
    }

    private static boolean hasOwnInputs(String dir, List<String> tfvars, ScanSession session) {
        for (String f : tfvars) {
            if (dir(f).equals(dir)) {
                return true;
            }
        }
        String manifest = (dir.isEmpty() ? "" : dir + "/") + ".terraform/modules/modules.json";
        return session.tree().files().contains(manifest);
    }

    /** A Terragrunt unit's model (or that of units joined by their dependencies): their calls, as a root module. */
    private Model readUnit(ScanSession session, TerragruntUnits.Unit u, ModuleLoader loader,
                           Map<String, Set<String>> calls, Set<String> shared) {
        List<String> files = new ArrayList<>(u.files());
        Set<String> dirs = new LinkedHashSet<>();
        u.localModules().forEach(m -> reach(m, calls, dirs));
        for (String d : dirs) {
            files.addAll(loader.config(d).files());
        }
        Model model = new Model(u.label(), Format.TERRAFORM, files);
        TerraformRun run = new TerraformRun(model, u.dir(), session.options(), loader, shared,
                rootLabel(session.tree().root(), u.label()));
        run.build(new ModuleInstance(run, u.config(), "", "", 0, null, Map.of()));
        return model;
    }

    /** The root's model; problems with its var files go to {@code reports}, for the session in order. */
    private Model readRoot(ScanSession session, String root, ModuleLoader loader, List<String> tfvars,
                           Map<String, Set<String>> calls, Set<String> shared, TerragruntUnits.RootInputs terragrunt,
                           List<Object> reports) {
        Set<String> dirs = new LinkedHashSet<>();
        reach(root, calls, dirs);
        List<String> files = new ArrayList<>();
        for (String d : dirs) {
            files.addAll(loader.config(d).files());
        }
        List<SourceFile> varFiles = new ArrayList<>();
        for (String f : autoVarFiles(root, tfvars)) {
            ReadResult r = session.tree().readText(f);
            if (r instanceof ReadResult.Text t) {
                varFiles.add(t.file());
                files.add(f);
            } else if (r instanceof ReadResult.Failure fail) {
                reports.add(ParseFindings.invalid(positioned(fail.location()), fail.message()));
            }
        }
        varFiles.addAll(session.options().varFiles());
        if (terragrunt != null) {
            terragrunt.files().stream().filter(f -> !files.contains(f)).forEach(files::add);
        }
        String unit = root.isEmpty() ? session.tree().root() : root;
        Model model = new Model(unit, Format.TERRAFORM, files);
        TerraformRun run = new TerraformRun(model, root, session.options(), loader, shared,
                rootLabel(session.tree().root(), root));
        ModuleConfig config = loader.config(root);
        Map<String, Supplier<Value>> inputs = new LinkedHashMap<>();
        if (terragrunt != null) {
            // Terragrunt hands its inputs to Terraform as TF_VAR_ values: tfvars files and --var win over them
            ModuleInstance empty = new ModuleInstance(run, new ModuleConfig(config.dir()), "", "", 0, null, Map.of());
            for (HclAttribute a : terragrunt.inputs()) {
                if (config.variables().containsKey(a.name())) {
                    Env env = new Env(empty, terragrunt.file(), "var." + a.name());
                    inputs.put(a.name(), memo(() -> run.evaluate(a.value(), env)));
                }
            }
        }
        inputs.putAll(rootInputs(run, config, varFiles, session.options()));
        if (session.options().varFiles().isEmpty()) {
            run.setVarFileHints(varFileHints(session, root, loader, tfvars, autoVarFiles(root, tfvars)));
        }
        ModuleInstance instance = new ModuleInstance(run, config, "", "", 0, null, inputs);
        run.build(instance);
        return model;
    }

    /**
     * The variables that var files Terraform does not load by itself set ({@code prod.tfvars} beside the root
     * module, {@code envs/dev.tfvars} in a folder of no module), with those files: where a variable has no
     * value, its note says which file would give it one with {@code --var-file}.
     */
    private static Map<String, List<String>> varFileHints(ScanSession session, String root, ModuleLoader loader,
                                                          List<String> tfvars, List<String> loaded) {
        Map<String, List<String>> hints = new LinkedHashMap<>();
        for (String f : tfvars.stream().sorted().toList()) {
            String d = dir(f);
            boolean near = d.equals(root) || (root.isEmpty() || d.startsWith(root + "/")) && !loader.hasModule(d);
            if (!near || loaded.contains(f)) {
                continue;
            }
            ReadResult r = session.tree().readText(f);
            if (!(r instanceof ReadResult.Text t)) {
                continue;
            }
            HclFile vars = readVarFile(f, t.file().text(), session.options().limits());
            String shown = root.isEmpty() ? f : f.substring(root.length() + 1);
            for (HclAttribute a : vars.body().attributes()) {
                List<String> files = hints.computeIfAbsent(a.name(), k -> new ArrayList<>());
                if (!files.contains(shown)) {
                    files.add(shown);
                }
            }
        }
        return hints;
    }

    /**
     * terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json in lexical
     * order of their names, as Terraform loads them.
     */
    private static List<String> autoVarFiles(String dir, List<String> tfvars) {
        List<String> out = new ArrayList<>();
        List<String> auto = new ArrayList<>();
        for (String f : tfvars) {
            if (!dir(f).equals(dir)) {
                continue;
            }
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (name.equals("terraform.tfvars") || name.equals("terraform.tfvars.json")) {
                out.add(f);
            } else if (name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json")) {
                auto.add(f);
            }
        }
        out.sort(String::compareTo);
        auto.sort(String::compareTo);
        out.addAll(auto);
        return out;
    }

    /** A variable definitions file, native or JSON. */
    static HclFile readVarFile(String path, String text, io.atolint.parse.Limits limits) {
        return path.endsWith(".json") ? TfJsonReader.readVariables(path, text, limits) : HclReader.read(path, text, limits);
    }

    /** Values of the root's variables; later sources win. */
    private Map<String, Supplier<Value>> rootInputs(TerraformRun run, ModuleConfig config, List<SourceFile> varFiles,
                                                    ParseOptions options) {
        Map<String, Supplier<Value>> in = new LinkedHashMap<>();
        ModuleInstance empty = new ModuleInstance(run, new ModuleConfig(config.dir()), "", "", 0, null, Map.of());
        for (SourceFile vf : varFiles) {
            HclFile f = readVarFile(vf.path(), vf.text(), options.limits());
            f.problems().forEach(run.model()::report);
            for (HclAttribute a : f.body().attributes()) {
                Env env = new Env(empty, vf.path(), "var." + a.name());
                in.put(a.name(), memo(() -> run.evaluate(a.value(), env)));
            }
            if (!config.variables().isEmpty()) {
                for (HclAttribute a : f.body().attributes()) {
                    if (!config.variables().containsKey(a.name())) {
                        run.note(SourceLocation.at(vf.path(), a.pos().line(), a.pos().column()),
                                "value for undeclared variable " + a.name() + " is ignored");
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : options.variables().entrySet()) {
            String name = e.getKey();
            String text = e.getValue();
            ModuleConfig.Decl d = config.variables().get(name);
            String type = d == null ? "" : d.block().body().attribute("type")
                    .map(a -> a.value() instanceof Expr.TypeExpr t ? t.text() : "").orElse("");
            SourceLocation at = SourceLocation.ofFile("--var " + name);
            String t = text.strip();
            boolean hcl = TerraformTypes.isComplex(type) || (type.isEmpty() && (t.startsWith("[") || t.startsWith("{")))
                    || (t.length() > 1 && t.startsWith("\"") && t.endsWith("\""));
            if (hcl) {
                Expr ex = HclReader.readExpression(text, options.limits());
                Env env = new Env(empty, "--var " + name, "var." + name);
                in.put(name, ex == null ? () -> new Value.Unknown("--var " + name + " is not a valid HCL value", text, List.of(), at)
                        : memo(() -> run.evaluate(ex, env)));
            } else {
                in.put(name, () -> new Value.Scalar(text, "--var " + name, at));
            }
        }
        return in;
    }

    private static Supplier<Value> memo(Supplier<Value> s) {
        Value[] v = new Value[1];
        return () -> {
            if (v[0] == null) {
                v[0] = s.get();
            }
            return v[0];
        };
    }

    private static HclFile read(ScanSession session, String path, ParseOptions options) {
        ReadResult r = session.tree().readText(path);
        if (r instanceof ReadResult.Text t) {
            try {
                return path.endsWith(".json") ? TfJsonReader.read(path, t.file().text(), options.limits())
                        : HclReader.read(path, t.file().text(), options.limits());
            } catch (RuntimeException | StackOverflowError e) {
                return new HclFile(path, HclBody.EMPTY, List.of(ParseFindings.internalError(SourceLocation.at(path, 1, 1),
                        "while reading HCL", e)));
            }
        }
        ReadResult.Failure fail = r instanceof ReadResult.Failure f ? f
                : new ReadResult.Failure(SourceLocation.ofFile(path), "cannot read");
        return new HclFile(path, HclBody.EMPTY, List.of(ParseFindings.invalid(positioned(fail.location()), fail.message())));
    }

    /** File-level failures (too large, unreadable) still point at a line, so that editors can jump there. */
    private static SourceLocation positioned(SourceLocation l) {
        return l.hasLine() ? l : SourceLocation.at(l.file(), 1, 1);
    }

    /** A root module as messages name it: its directory relative to the scanned path ({@code examples/complete}). */
    static String rootLabel(String treeRoot, String root) {
        if (root.equals(treeRoot) || root.isEmpty()) {
            return ".";
        }
        return root.startsWith(treeRoot + "/") ? root.substring(treeRoot.length() + 1) : root;
    }

    static String dir(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }
}
