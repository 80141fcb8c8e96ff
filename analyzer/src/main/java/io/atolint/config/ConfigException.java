package io.atolint.config;

/** A configuration file that cannot be used, with the place: {@code .atolint.yml:4:3: unknown key 'rulez'}. */
public final class ConfigException extends Exception {
    public ConfigException(String file, int line, int column, String message) {
        super(file + (line > 0 ? ":" + line + ":" + Math.max(1, column) : "") + ": " + message);
    }
}
