package io.atolint.parse.terraform;

import com.fasterxml.jackson.databind.JsonNode;
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
 * ({@code ./modules/net}, {@code ../..}) anywhere inside the repository (the scanned files, or a
 * directory above them the tree lets us read: the enclosing git work tree, or {@code --root}; never
 * outside it), or a module {@code terraform init} downloaded, through the root module's
 * {@code .terraform/modules/modules.json} (its {@code Key} is the module path {@code net.subnets}, its
 * {@code Dir} relative to the root). Each directory's {@code .tf} files are read once.
 *
 * <p>Root modules are evaluated on several threads once the handler has walked every module call
 * (which reads every module a root can reach); the loader then only answers from what it holds. Its
 * lookups are synchronized all the same, so that a miss (hostile or unforeseen input) reads the
 * module on one thread at a time instead of corrupting the maps.
 */
final class ModuleLoader {

    private final SourceTree tree;
    private final Map<String, List<String>> tfFilesByDir;
    /** Module directories outside the scanned files, with their Terraform files (empty: not readable). */
    private final Map<String, List<String>> outside = new HashMap<>();
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
        return tfFilesByDir.containsKey(dir) || !outsideFiles(dir).isEmpty();
    }

    /** Whether a module directory lies outside the scanned files (read because it is inside the repository). */
    boolean isOutside(String dir) {
        return !tfFilesByDir.containsKey(dir) && !outsideFiles(dir).isEmpty();
    }

    private synchronized List<String> outsideFiles(String dir) {
        return outside.computeIfAbsent(dir, d -> TerraformFiles.effective(
                tree.filesInDirectory(d).stream().filter(TerraformFiles::isConfig).toList()));
    }

    synchronized ModuleConfig config(String dir) {
        return configs.computeIfAbsent(dir, d -> {
            List<HclFile> files = new ArrayList<>();
            for (String f : tfFilesByDir.containsKey(d) ? tfFilesByDir.get(d) : outsideFiles(d)) {
                files.add(reader.apply(f));
            }
            return ModuleConfig.of(d, files);
        });
    }

    /** The directory of a local source as a tree name (it may lie above the scanned path); null when not local. */
    String localDir(String fromDir, String source) {
        if (!(source.startsWith("./") || source.startsWith("../") || source.equals(".") || source.equals(".."))) {
            return null;
        }
        return resolve(fromDir, source);
    }

    /** Why a local source was not found: outside the repository, or no Terraform files there. */
    String whyNotFound(String fromDir, String source) {
        String dir = localDir(fromDir, source);
        if (dir == null) {
            return "a module source must be a relative local path, a registry address or a downloaded module";
        }
        return "no Terraform files are readable in " + (dir.isEmpty() ? "." : dir) + " (atolint reads nothing outside "
                + tree.repositoryRoot() + ", the repository root)";
    }

    /**
     * Resolves a relative path against a directory name of the tree; the result may climb above the
     * scanned path, and whether it may be read is the tree's decision (inside the repository only).
     */
    String resolve(String dir, String relative) {
        return SourceTree.resolveName(dir, relative);
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
    synchronized Map<String, String> manifest(String rootDir) {
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
                JsonNode root = JsonMapper.JSON.readTree(t.file().text());
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
