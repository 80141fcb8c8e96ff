package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.config.AtolintConfig;
import io.atolint.config.ConfigException;
import io.atolint.config.ConfigReader;
import io.atolint.config.PathIgnore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the reader of {@code .atolint.yml}, which a pull request may write: any text gives a
 * configuration or a {@link ConfigException} with a position, never another exception, a hang or a stack
 * overflow; an error message is one line (it is printed into CI logs); an accepted configuration names no
 * file outside its repository, and its ignore-paths patterns are matched.
 */
class ConfigFuzzTest {

    @FuzzTest(maxDuration = "20s")
    @Timeout(30)
    void config(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            AtolintConfig c = ConfigReader.parse(".atolint.yml", "/repo/sub", "/repo", text);
            if (c == null) {
                throw new AssertionError("no configuration and no error");
            }
            // what it names stays in the repository
            List<String> files = new ArrayList<>();
            if (c.baseline() != null) {
                files.add(c.baseline());
            }
            for (String f : c.formats()) {
                for (String one : f.split(",")) {
                    if (one.contains("=")) {
                        files.add(one.substring(one.indexOf('=') + 1).trim());
                    }
                }
            }
            for (String f : files) {
                if (!Path.of("/repo/sub").resolve(f).normalize().startsWith("/repo")) {
                    throw new AssertionError("a configuration names a file outside the repository: " + f);
                }
            }
            // every pattern it accepted is matched (in linear time: the per-input timeout would catch a hang)
            PathIgnore ignore = new PathIgnore(c.ignorePaths());
            ignore.ignores("a".repeat(300) + "/" + text.substring(0, Math.min(text.length(), 200)).replace("\n", "_"));
        } catch (ConfigException e) {
            if (e.getMessage() == null || e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
                throw new AssertionError("a configuration error that is not one line: " + e.getMessage());
            }
        }
    }
}
