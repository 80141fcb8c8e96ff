package io.atolint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the standard streams are connected to, and the environment that changes how we print:
 * colour only on a terminal and when {@code NO_COLOR} is unset (no-color.org), progress only when
 * stderr is a terminal.
 */
public record Terminal(boolean stdoutIsTerminal, boolean stderrIsTerminal, Map<String, String> env) {

    public Terminal {
        env = Map.copyOf(env);
    }

    /** Not a terminal: what tests and pipes see. */
    public static Terminal none() {
        return new Terminal(false, false, Map.of());
    }

    /**
     * The real streams. On Linux {@code /proc/self/fd/N} names the device; elsewhere Java 17's
     * {@code System.console()} (non-null only when stdin and stdout are both terminals) is the best
     * cheap answer for stdout and stderr alike.
     */
    public static Terminal detect() {
        boolean console = System.console() != null;
        Boolean out = procTty(1);
        Boolean err = procTty(2);
        return new Terminal(out != null ? out : console, err != null ? err : console, System.getenv());
    }

    private static Boolean procTty(int fd) {
        Path p = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(p)) {
                return null;
            }
            String target = Files.readSymbolicLink(p).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** NO_COLOR set to anything non-empty turns colour off. */
    public boolean colourOnStdout() {
        String noColor = env.get("NO_COLOR");
        return stdoutIsTerminal && (noColor == null || noColor.isEmpty());
    }
}
