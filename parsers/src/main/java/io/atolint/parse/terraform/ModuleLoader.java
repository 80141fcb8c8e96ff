package io.atolint.parse.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the directory a module block's {@code source} names, offline: a local path
 * ({@code ./modules/net}, {@code ../..}) inside the scanned tree, or a module {@code terraform init}
 * downloaded, through the root module's {@code .terraform/modules/modules.json} (its {@code Key} is
 * the module path {@code net.subnets}, its {@code Dir} relative to the root). Each directory's
 * {@code .tf} files are read once.
 */
final class ModuleLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceTree tree;
    private final Map<String, List<String>> tfFilesByDir;
    private final Map<String, ModuleConfig> configs = new HashMap<>();
    private final Map<String, Map<String, String>> manifests = new HashMap<>();
    private final java.util.function.Function<String, HclFile> reader;
    private final List<Finding> problems = new ArrayList<>();

    ModuleLoader(SourceTree tree, Map<String, List<String>> tfFilesByDir, java.util.function.Function<String, HclFile> reader) {
        this.tree = tree;
        this.tfFilesByDir = tfFilesByDir;
        this.reader = reader;
    }

    boolean hasModule(String dir) {
        return tfFilesByDir.containsKey(dir);
    }

    ModuleConfig config(String dir) {
        return configs.computeIfAbsent(dir, d -> {
            List<HclFile> files = new ArrayList<>();
            for (String f : tfFilesByDir.getOrDefault(d, List.of())) {
                files.add(reader.apply(f));
            }
            return ModuleConfig.of(d, files);
        });
    }

    /** The directory of a local source as a tree path; null when not local or outside the scanned tree. */
    String localDir(String fromDir, String source) {
        if (!(source.startsWith("./") || source.startsWith("../") || source.equals(".") || source.equals(".."))) {
            return null;
        }
        return resolve(fromDir, source);
    }

    /**
     * Resolves a relative path against a directory of the tree. Tree paths start with the path the
     * user gave ({@code ../shared/corpus/tf/...}): that prefix is set aside, so that nothing above
     * the scanned root can be reached.
     */
    String resolve(String dir, String relative) {
        String root = tree.root();
        String prefix = root.equals(".") || tree.files().equals(List.of(root)) ? "" : root;
        String inside;
        if (prefix.isEmpty()) {
            inside = dir;
        } else if (dir.equals(prefix)) {
            inside = "";
        } else if (dir.startsWith(prefix + "/")) {
            inside = dir.substring(prefix.length() + 1);
        } else {
            return null;
        }
        String r = SourceTree.resolve(inside, relative);
        if (r == null) {
            return null;
        }
        return prefix.isEmpty() ? r : r.isEmpty() ? prefix : prefix + "/" + r;
    }

    Optional<ModuleConfig> find(String fromDir, String source, String rootDir, String key) {
        String local = localDir(fromDir, source);
        if (local != null) {
            return hasModule(local) ? Optional.of(config(local)) : Optional.empty();
        }
        String dir = manifest(rootDir).get(key);
        if (dir != null && hasModule(dir)) {
            return Optional.of(config(dir));
        }
        return Optional.empty();
    }

    /** modules.json of a root module: module key to directory (relative to the scanned root). */
    Map<String, String> manifest(String rootDir) {
        return manifests.computeIfAbsent(rootDir, r -> {
            String path = (r.isEmpty() ? "" : r + "/") + ".terraform/modules/modules.json";
            Map<String, String> out = new LinkedHashMap<>();
            if (!tree.files().contains(path)) {
                return out;
            }
            ReadResult read = tree.readText(path);
            if (!(read instanceof ReadResult.Text t)) {
                return out;
            }
            try {
                JsonNode root = JSON.readTree(t.file().text());
                for (JsonNode m : root.path("Modules")) {
                    String k = m.path("Key").asText("");
                    String d = m.path("Dir").asText("");
                    if (k.isEmpty() || d.isEmpty()) {
                        continue;
                    }
                    String resolved = d.startsWith("/") ? null : resolve(r, d);
                    if (resolved != null) {
                        out.put(k, resolved);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                problems.add(ParseFindings.invalid(SourceLocation.at(path, 1, 1), "invalid modules.json: " + e.getMessage()));
            }
            return out;
        });
    }

    List<Finding> problems() {
        return problems;
    }
}
