package io.atolint.cli;

import io.atolint.config.AtolintConfig;
import io.atolint.config.ConfigException;
import io.atolint.config.ConfigReader;
import io.atolint.parse.Limits;
import io.atolint.parse.TextDecoder;
import io.atolint.parse.ReadResult;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and reads {@code .atolint.yml}: the one given with {@code --config}, or the nearest one found
 * walking up from the scanned path to the repository root ({@link RepositoryRoot}) and never above it, so
 * that a file in {@code /tmp} or {@code /} written by someone else never switches rules off. What a
 * configuration names (report files, the baseline) must be inside the repository root of the file.
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
        if (explicit != null && !Files.exists(file)) {
            throw new UsageException("no such configuration file: " + explicit);
        }
        if (explicit == null) {
            // found in the repository: a link to a file outside it is not read
            RepositoryRoot.requireInside("configuration file", file, RepositoryRoot.of(Path.of(firstPath)), file.toString());
        }
        // the configuration's limits are not known yet: the default size limit of scanned files applies
        byte[] bytes = OptionFiles.read("configuration file", file, Limits.defaults().maxFileBytes());
        ReadResult r = TextDecoder.decode(file.toString(), bytes);
        if (!(r instanceof ReadResult.Text text)) {
            throw new UsageException(file + ": the configuration file is not UTF-8 text");
        }
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        // a configuration found in the repository, or named on the command line: its repository is the one
        // holding it (its git work tree, else its own directory)
        Path root = explicit != null ? RepositoryRoot.of(dir) : RepositoryRoot.of(Path.of(firstPath));
        try {
            return ConfigReader.parse(file.toString(), dir.toString(), root.toString(), text.file().text());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The nearest configuration file from {@code scanned} up to its repository root, or null. */
    static Path find(Path scanned) {
        Path root = RepositoryRoot.of(scanned);
        for (Path d = RepositoryRoot.start(scanned); d != null && d.startsWith(root); d = d.getParent()) {
            for (String n : NAMES) {
                Path f = d.resolve(n);
                if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                    return f;
                }
            }
        }
        return null;
    }
}
