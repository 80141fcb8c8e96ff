package io.atolint.cli;

import io.atolint.config.AtolintConfig;
import io.atolint.config.ConfigException;
import io.atolint.config.ConfigReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and reads {@code .atolint.yml}: the one given with {@code --config}, or the nearest one found
 * walking up from the scanned path, stopping at the repository root (the directory holding
 * {@code .git}) so that a stray file above the repository is never picked up.
 */
final class ConfigFiles {
    static final List<String> NAMES = List.of(".atolint.yml", ".atolint.yaml");

    private ConfigFiles() {
    }

    static AtolintConfig load(String explicit, String firstPath) throws UsageException {
        Path file = explicit != null ? Path.of(explicit) : find(Path.of(firstPath));
        if (file == null) {
            return AtolintConfig.none();
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such configuration file: " + explicit);
        }
        String text;
        try {
            if (Files.size(file) > 1_000_000) {
                throw new UsageException(file + ": configuration file above 1 MB");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        try {
            return ConfigReader.parse(file.toString(), dir.toString(), text);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Path find(Path scanned) {
        Path dir = scanned.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            for (String n : NAMES) {
                Path f = d.resolve(n);
                if (Files.isRegularFile(f)) {
                    return f;
                }
            }
            if (Files.exists(d.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }
}
