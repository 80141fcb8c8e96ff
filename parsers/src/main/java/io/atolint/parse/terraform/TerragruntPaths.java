package io.atolint.parse.terraform;

import io.atolint.parse.SourceTree;

import java.util.List;

/**
 * Paths in Terragrunt files as Terragrunt would compute them, where that needs no Terragrunt run: literals,
 * {@code find_in_parent_folders()}, {@code dirname()}, {@code get_terragrunt_dir()}. Names are the scanned
 * tree's; a path is used only where it names a file or a unit of the tree, so nothing outside it is read.
 */
final class TerragruntPaths {
    private TerragruntPaths() {
    }

    /**
     * The file an {@code include} names, when its path is made of what can be told without running
     * Terragrunt: literals, {@code find_in_parent_folders()} (the nearest directory above the unit's
     * holding the file, {@code terragrunt.hcl} by default), {@code dirname()} and {@code get_terragrunt_dir()};
     * a relative path is the unit's directory's.
     */
    static String includedFile(HclBlock include, String dir, SourceTree tree) {
        Expr path = include.body().attribute("path").map(HclAttribute::value).orElse(null);
        String p = path == null ? null : path(path, dir, tree);
        if (p == null) {
            return null;
        }
        if (tree.files().contains(p)) {
            return p;
        }
        String candidate = p.startsWith("/") ? null : SourceTree.resolveName(dir, p);
        return candidate != null && tree.files().contains(candidate) ? candidate : null;
    }

    /** The path an expression computes for a unit in {@code dir}, or null where it needs Terragrunt to run. */
    static String path(Expr e, String dir, SourceTree tree) {
        if (e instanceof Expr.Literal l && l.value() instanceof String s) {
            return s;
        }
        if (e instanceof Expr.Template t) {
            StringBuilder b = new StringBuilder();
            boolean atTreeRoot = false; // a computed directory that is the scanned tree's root: ""
            for (Expr part : t.parts()) {
                String s = path(part, dir, tree);
                if (s == null) {
                    return null;
                }
                b.append(atTreeRoot && b.length() == 0 && s.startsWith("/") ? s.substring(1) : s);
                atTreeRoot = !(part instanceof Expr.Literal) && s.isEmpty();
            }
            return b.toString();
        }
        if (e instanceof Expr.Call c) {
            switch (c.name()) {
                case "find_in_parent_folders" -> {
                    String name = c.args().isEmpty() ? TerragruntUnits.FILE : path(c.args().get(0), dir, tree);
                    return name == null || name.contains("/") ? null : findAbove(dir, name, tree);
                }
                case "dirname" -> {
                    String inner = c.args().size() == 1 ? path(c.args().get(0), dir, tree) : null;
                    return inner == null ? null : TerraformHandler.dir(inner);
                }
                case "get_terragrunt_dir" -> {
                    return dir;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** The nearest file {@code name} in a directory above {@code dir}, or null. */
    private static String findAbove(String dir, String name, SourceTree tree) {
        if (dir.isEmpty()) {
            return null;
        }
        for (String d = TerraformHandler.dir(dir); ; d = TerraformHandler.dir(d)) {
            String candidate = d.isEmpty() ? name : d + "/" + name;
            if (tree.files().contains(candidate)) {
                return candidate;
            }
            if (d.isEmpty()) {
                return null;
            }
        }
    }

    /** A path without {@code .} and {@code dir/..} segments. */
    static String normalize(String path) {
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.equals(".") || seg.isEmpty() && i > 0) {
                continue;
            }
            if (seg.equals("..") && !out.isEmpty() && !out.peekLast().equals("..") && !out.peekLast().isEmpty()) {
                out.removeLast();
            } else {
                out.addLast(seg);
            }
        }
        return String.join("/", out);
    }

    /** A directory as a relative path from another ({@code ../../modules/app}), both tree names. */
    static String relative(String from, String to) {
        List<String> a = from.isEmpty() ? List.of() : List.of(from.split("/", -1));
        List<String> b = to.isEmpty() ? List.of() : List.of(to.split("/", -1));
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        StringBuilder s = new StringBuilder();
        for (int k = i; k < a.size(); k++) {
            s.append(s.length() == 0 ? ".." : "/..");
        }
        for (int k = i; k < b.size(); k++) {
            s.append(s.length() == 0 ? "./" : "/").append(b.get(k));
        }
        return s.length() == 0 ? "." : s.toString();
    }
}
