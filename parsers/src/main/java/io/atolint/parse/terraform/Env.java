package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.HashMap;
import java.util.Map;

/**
 * Where an expression is evaluated: its module instance, the file it is written in (for locations),
 * the logical path of what is being evaluated ({@code aws_subnet.a[0]/availability_zone}) and the
 * names bound around it ({@code count.index}, {@code each}, for-expression variables, a dynamic
 * block's iterator, the element of a splat).
 */
final class Env {
    static final String SPLAT = "\u0000splat";

    private final ModuleInstance module;
    private final String file;
    private final String path;
    private final Map<String, Value> bindings;
    private final Env parent;

    Env(ModuleInstance module, String file, String path) {
        this(module, file, path, Map.of(), null);
    }

    private Env(ModuleInstance module, String file, String path, Map<String, Value> bindings, Env parent) {
        this.module = module;
        this.file = file;
        this.path = path;
        this.bindings = bindings;
        this.parent = parent;
    }

    ModuleInstance module() {
        return module;
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    Env with(String name, Value value) {
        Map<String, Value> m = new HashMap<>();
        m.put(name, value);
        return new Env(module, file, path, m, this);
    }

    Env with(Map<String, Value> more) {
        return new Env(module, file, path, Map.copyOf(more), this);
    }

    Env at(String file, String path) {
        return new Env(module, file, path, bindings, parent);
    }

    Env atPath(String path) {
        return new Env(module, file, path, bindings, parent);
    }

    /** A bound name, or null. */
    Value binding(String name) {
        for (Env e = this; e != null; e = e.parent) {
            Value v = e.bindings.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    SourceLocation location(HclPos pos) {
        return new SourceLocation(pos.fileOr(file), pos.line(), pos.column(), pos.line(), pos.column(), path);
    }
}
