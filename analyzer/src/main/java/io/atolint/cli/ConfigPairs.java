package io.atolint.cli;

import io.atolint.config.AtolintConfig;
import io.atolint.parse.SourceTree;
import io.atolint.reconcile.Pair;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagram/IaC pairs of {@code .atolint.yml} in the coordinates of the scan: a path the configuration
 * gives relative to its directory is named the way the scanned tree that holds it names its files, so that
 * the pair finds the models read from them. A path no scanned tree holds keeps its own name: the pair then
 * says that end was not read.
 */
final class ConfigPairs {
    private ConfigPairs() {
    }

    static List<Pair> of(AtolintConfig config, List<SourceTree> trees) {
        List<Pair> out = new ArrayList<>();
        if (config.baseDir() == null) {
            return out;
        }
        Path base = Path.of(config.baseDir()).toAbsolutePath().normalize();
        for (AtolintConfig.DiagramPair p : config.reconcile()) {
            List<String> iac = new ArrayList<>();
            for (String i : p.iac()) {
                iac.add(inScan(base.resolve(i).normalize(), trees));
            }
            out.add(new Pair(inScan(base.resolve(p.diagram()).normalize(), trees), p.page(), iac,
                    config.file() + ":" + p.line() + ":" + p.column()));
        }
        return out;
    }

    /** The name the scan gives {@code abs}: the display root of the tree holding it, plus the rest of the path. */
    static String inScan(Path abs, List<SourceTree> trees) {
        for (SourceTree t : trees) {
            Path root = Path.of(t.root()).toAbsolutePath().normalize();
            if (abs.equals(root)) {
                return t.root();
            }
            if (abs.startsWith(root)) {
                return (t.root().equals(".") ? "" : t.root() + "/") + root.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }
}
