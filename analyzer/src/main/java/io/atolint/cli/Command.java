package io.atolint.cli;

import java.util.List;

/** One {@code atolint} command: what it is called, the options it reads, and what it does with them. */
interface Command {
    /** The word after {@code atolint}. */
    String name();

    /** How it is called, after {@code atolint} ({@code scan PATH... [options]}). */
    String synopsis();

    /** What it does, in a few words for the command list. */
    String summary();

    /** Every option it reads; anything else on its command line is a usage error. */
    List<Opt> options();

    /** Runs with the parsed arguments; returns the exit code ({@link Cli#OK}, {@link Cli#FINDINGS}, {@link Cli#ERROR}). */
    int run(Args args, Console console) throws UsageException;
}
