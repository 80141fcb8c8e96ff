package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.config.AtolintConfig;
import io.atolint.config.ConfigException;
import io.atolint.config.ConfigReader;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the reader of {@code .atolint.yml}, which a pull request may write: any text gives a
 * configuration or a {@link ConfigException} with a position, never another exception, a hang or a stack
 * overflow; an error message is one line (it is printed into CI logs).
 */
class ConfigFuzzTest {

    @FuzzTest(maxDuration = "20s")
    @Timeout(30)
    void config(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            AtolintConfig c = ConfigReader.parse(".atolint.yml", "/repo", text);
            if (c == null) {
                throw new AssertionError("no configuration and no error");
            }
        } catch (ConfigException e) {
            if (e.getMessage() == null || e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
                throw new AssertionError("a configuration error that is not one line: " + e.getMessage());
            }
        }
    }
}
