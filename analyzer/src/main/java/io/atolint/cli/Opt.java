package io.atolint.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.List;

/**
 * One command-line option, declared once by the command that reads it: parsed by commons-cli and
 * printed as one line of help.
 *
 * @param name        the long name ({@code --region})
 * @param shortName   the one-letter name ({@code -o}), or null
 * @param argName     the name of its value in help ({@code R}), or null for a flag that takes none
 * @param description one line for help
 */
record Opt(String name, String shortName, String argName, String description) {
    /** Where a command that writes one output writes it. */
    static final Opt OUTPUT = new Opt("output", "o", "FILE", "write to FILE instead of stdout");

    /** Only the findings: no progress, notices, topology or summary (warnings and errors still go to stderr). */
    static final Opt QUIET = new Opt("quiet", "q", null,
            "print only the findings: the text report without topology or summary, no progress or notices");

    /** An option with a value, long name only. */
    static Opt of(String name, String argName, String description) {
        return new Opt(name, null, argName, description);
    }

    Option toOption() {
        Option.Builder b = Option.builder(shortName).longOpt(name).desc(description);
        if (argName != null) {
            b.hasArg().argName(argName);
        }
        return b.get();
    }

    /** {@code base} followed by {@code more}. */
    static List<Opt> concat(List<Opt> base, Opt... more) {
        List<Opt> out = new java.util.ArrayList<>(base);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    static Options toOptions(List<Opt> opts) {
        Options o = new Options();
        opts.forEach(x -> o.addOption(x.toOption()));
        return o;
    }
}
