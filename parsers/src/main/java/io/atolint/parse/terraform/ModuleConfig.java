package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseFindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarations of one module directory, gathered from all its {@code .tf} files: variables,
 * locals, resources and data sources, module calls and outputs, each with the file it is written in.
 * Duplicate declarations are positioned findings (Terraform rejects them); the first one is kept.
 * The blocks of override files ({@code override.tf}, {@code *_override.tf}) are merged into the
 * declarations they name after every other file is read, as Terraform does.
 */
final class ModuleConfig {
    /** A block and the file it is in. */
    record Decl(HclBlock block, String file) {
        SourceLocation location(String logicalPath) {
            HclPos p = block.pos();
            return new SourceLocation(p.fileOr(file), p.line(), p.column(), p.line(), p.column(), logicalPath);
        }
    }

    /** A local value. */
    record Local(HclAttribute attribute, String file) {
    }

    private final String dir;
    private final List<String> files = new ArrayList<>();
    private final Map<String, Decl> variables = new LinkedHashMap<>();
    private final Map<String, Local> locals = new LinkedHashMap<>();
    private final Map<String, Decl> resources = new LinkedHashMap<>();
    private final Map<String, Decl> data = new LinkedHashMap<>();
    private final Map<String, Decl> modules = new LinkedHashMap<>();
    private final Map<String, Decl> outputs = new LinkedHashMap<>();
    private final Map<String, Decl> providers = new LinkedHashMap<>();
    private final List<Finding> problems = new ArrayList<>();

    ModuleConfig(String dir) {
        this.dir = dir;
    }

    static ModuleConfig of(String dir, List<HclFile> files) {
        ModuleConfig c = new ModuleConfig(dir);
        List<HclFile> overrides = new ArrayList<>();
        for (HclFile f : files) {
            c.files.add(f.path());
            c.problems.addAll(f.problems());
            if (TerraformFiles.isOverride(f.path())) {
                overrides.add(f);
                continue;
            }
            for (HclBlock b : f.body().blocks()) {
                c.add(b, f.path());
            }
            for (HclAttribute a : f.body().attributes()) {
                c.problems.add(ParseFindings.invalid(SourceLocation.at(f.path(), a.pos().line(), a.pos().column()),
                        "invalid Terraform: attribute " + a.name() + " outside any block"));
            }
        }
        for (HclFile f : overrides) {
            for (HclBlock b : f.body().blocks()) {
                c.override(b, f.path());
            }
        }
        return c;
    }

    /** A block of an override file, merged into the declaration it names (Terraform rejects one that names none). */
    private void override(HclBlock b, String file) {
        switch (b.type()) {
            case "variable" -> merge(variables, b.label(0), b, file, "variable");
            case "output" -> merge(outputs, b.label(0), b, file, "output");
            case "module" -> merge(modules, b.label(0), b, file, "module");
            case "resource" -> merge(resources, b.label(0) + "." + b.label(1), b, file, "resource");
            case "data" -> merge(data, b.label(0) + "." + b.label(1), b, file, "data source");
            case "provider" -> merge(providers, providerKey(b), b, file, "provider");
            case "locals" -> {
                for (HclAttribute a : b.body().attributes()) {
                    if (locals.containsKey(a.name())) {
                        locals.put(a.name(), new Local(a, file));
                    } else {
                        missingBase(file, a.pos(), "local value " + a.name());
                    }
                }
            }
            default -> {
                // terraform (required providers, backend), moved, import, check, removed: nothing evaluated
            }
        }
    }

    private void merge(Map<String, Decl> m, String key, HclBlock b, String file, String what) {
        Decl base = m.get(key);
        if (base == null) {
            missingBase(file, b.pos(), what + " " + key);
        } else {
            m.put(key, new Decl(OverrideMerge.merge(base.block(), b, file), base.file()));
        }
    }

    private void missingBase(String file, HclPos pos, String what) {
        problems.add(ParseFindings.invalid(SourceLocation.at(file, Math.max(1, pos.line()), Math.max(1, pos.column())),
                "invalid Terraform: the override file declares " + what + ", which no other file of the module declares;"
                        + " the override is not used"));
    }

    private static String providerKey(HclBlock b) {
        String alias = b.body().attribute("alias").map(a -> a.value() instanceof Expr.Literal l
                ? String.valueOf(l.value()) : "?").orElse(null);
        return alias == null ? b.label(0) : b.label(0) + "." + alias;
    }

    private void add(HclBlock b, String file) {
        switch (b.type()) {
            case "variable" -> put(variables, b.label(0), new Decl(b, file), "variable");
            case "output" -> put(outputs, b.label(0), new Decl(b, file), "output");
            case "module" -> put(modules, b.label(0), new Decl(b, file), "module");
            case "resource" -> put(resources, b.label(0) + "." + b.label(1), new Decl(b, file), "resource");
            case "data" -> put(data, b.label(0) + "." + b.label(1), new Decl(b, file), "data source");
            case "locals" -> {
                for (HclAttribute a : b.body().attributes()) {
                    if (locals.containsKey(a.name())) {
                        duplicate(file, a.pos(), "local value " + a.name());
                    } else {
                        locals.put(a.name(), new Local(a, file));
                    }
                }
            }
            case "provider" -> providers.putIfAbsent(providerKey(b), new Decl(b, file));
            default -> {
                // terraform, moved, import, check, removed: read, nothing to evaluate
            }
        }
    }

    private void put(Map<String, Decl> m, String key, Decl d, String what) {
        if (m.containsKey(key)) {
            duplicate(d.file(), d.block().pos(), what + " " + key);
        } else {
            m.put(key, d);
        }
    }

    private void duplicate(String file, HclPos pos, String what) {
        problems.add(ParseFindings.invalid(SourceLocation.at(file, Math.max(1, pos.line()), Math.max(1, pos.column())),
                "invalid Terraform: duplicate " + what + "; the first declaration is used"));
    }

    String dir() {
        return dir;
    }

    List<String> files() {
        return files;
    }

    Map<String, Decl> variables() {
        return variables;
    }

    Map<String, Local> locals() {
        return locals;
    }

    Map<String, Decl> resources() {
        return resources;
    }

    Map<String, Decl> data() {
        return data;
    }

    Map<String, Decl> modules() {
        return modules;
    }

    Map<String, Decl> outputs() {
        return outputs;
    }

    /** Provider configurations: {@code aws} for the default one, {@code aws.west} for an alias. */
    Map<String, Decl> providers() {
        return providers;
    }

    List<Finding> problems() {
        return problems;
    }
}
