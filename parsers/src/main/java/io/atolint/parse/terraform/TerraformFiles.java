package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files of a directory make up its module, as Terraform and OpenTofu load them: {@code .tf} and
 * {@code .tf.json}, and OpenTofu's {@code .tofu} and {@code .tofu.json}, where {@code main.tofu} takes the
 * place of a {@code main.tf} beside it (a directory written for both tools keeps what only OpenTofu reads in
 * {@code .tofu} files, and its {@code .tf} twin for Terraform; the {@code .tofu} files exist only to be
 * deployed). Override files ({@code override.tf}, {@code *_override.tf} and their JSON and OpenTofu forms)
 * are merged into the others' blocks after them.
 */
final class TerraformFiles {
    private static final List<String> SUFFIXES = List.of(".tofu.json", ".tf.json", ".tofu", ".tf");

    private TerraformFiles() {
    }

    /** Whether a file is part of a module's configuration. */
    static boolean isConfig(String path) {
        return suffix(path) != null;
    }

    /** A module's files in lexical order, without the {@code .tf} files a {@code .tofu} twin replaces. */
    static List<String> effective(List<String> files) {
        Set<String> tofu = new HashSet<>();
        for (String f : files) {
            String s = suffix(f);
            if (s != null && s.startsWith(".tofu")) {
                tofu.add(stem(f, s) + (s.endsWith(".json") ? ".json" : ""));
            }
        }
        List<String> out = new ArrayList<>();
        for (String f : files) {
            String s = suffix(f);
            if (s != null && !(s.startsWith(".tf") && tofu.contains(stem(f, s) + (s.endsWith(".json") ? ".json" : "")))) {
                out.add(f);
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** Whether a file overrides the blocks of the module's other files ({@code override.tf}, {@code x_override.tf}). */
    static boolean isOverride(String path) {
        String s = suffix(path);
        if (s == null) {
            return false;
        }
        String stem = stem(path, s);
        String name = stem.substring(stem.lastIndexOf('/') + 1);
        return name.equals("override") || name.endsWith("_override");
    }

    private static String suffix(String path) {
        for (String s : SUFFIXES) {
            if (path.endsWith(s) && path.length() > s.length() && path.charAt(path.length() - s.length() - 1) != '/') {
                return s;
            }
        }
        return null;
    }

    private static String stem(String path, String suffix) {
        return path.substring(0, path.length() - suffix.length());
    }
}
