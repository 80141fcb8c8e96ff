package io.atolint.config;

/**
 * A configuration file that cannot be used, with the place: {@code .atolint.yml:4:3: unknown key 'rulez'}.
 * The message quotes the file, which a pull request may write: it is escaped to one printable line.
 */
public final class ConfigException extends Exception {
    public ConfigException(String file, int line, int column, String message) {
        super(io.atolint.report.escape.Escape.text(file + (line > 0 ? ":" + line + ":" + Math.max(1, column) : "") + ": " + message));
    }
}
