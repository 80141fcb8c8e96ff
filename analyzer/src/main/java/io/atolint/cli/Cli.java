package io.atolint.cli;

import io.atolint.report.Version;
import io.atolint.parse.ParseOptions;
import io.atolint.config.AtolintConfig;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line: finds the command, parses the options it declares, runs it. The only place that
 * touches files, standard streams and exit codes (with the commands and the scan job of this package).
 * Exit codes: 0 no finding at or above {@code --fail-on}; 1 findings at or above it; 2 usage or I/O error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    /** Every command, in the order help lists them. */
    static final List<Command> COMMANDS = List.of(new ScanCommand(), new RulesCommand(), new SimulateCommand(),
            new ReconcileCommand(), new DescribeCommand(), new GraphCommand(), new ChecklistCommand());

    private final Console console;

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, Terminal.none());
    }

    public Cli(PrintStream out, PrintStream err, Terminal terminal) {
        this.console = new Console(out, err, terminal);
    }

    public int run(String... args) {
        if (args.length > 1 && args[0].equals("help")) {
            Optional<Command> c = command(args[1]);
            if (c.isEmpty()) {
                console.err().println("atolint: unknown command '" + args[1] + "'" + Suggest.didYouMean(args[1], names()));
                return ERROR;
            }
            help(c.get(), console.out());
            return OK;
        }
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage(console.out());
            return args.length == 0 ? ERROR : OK;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            console.out().println("atolint " + Version.get());
            return OK;
        }
        try {
            Command command = command(args[0]).orElseThrow(() ->
                    new UsageException("unknown command '" + args[0] + "'" + Suggest.didYouMean(args[0], names())
                            + " (try: atolint --help)"));
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
                help(command, console.out());
                return OK;
            }
            Args parsed = Args.parse(command.options(), rest);
            return command.run(parsed, console);
        } catch (UsageException e) {
            console.err().println("atolint: " + e.getMessage());
            return ERROR;
        }
    }

    private static List<String> names() {
        return COMMANDS.stream().map(Command::name).toList();
    }

    /** {@code atolint help COMMAND}: how it is called, what it does, and its options one line each. */
    static void help(Command c, PrintStream to) {
        to.println("usage: atolint " + c.synopsis());
        to.println(c.summary());
        if (c.options().isEmpty()) {
            return;
        }
        to.println();
        to.println("options:");
        List<String> heads = c.options().stream().map(o -> (o.shortName() == null ? "    " : "-" + o.shortName() + ", ")
                + "--" + o.name() + (o.argName() == null ? "" : " " + o.argName())).toList();
        // aligned, but a very long option (a list of values) does not push every description to the right
        int width = Math.min(30, heads.stream().mapToInt(String::length).max().orElse(0));
        for (int i = 0; i < heads.size(); i++) {
            to.printf("  %-" + width + "s  %s%n", heads.get(i), c.options().get(i).description());
        }
    }

    static Optional<Command> command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void usage(PrintStream to) {
        to.println("atolint " + Version.get() + " - static analysis of AWS architecture diagrams and IaC");
        to.println("against the ATO on AWS Partner Validation Checklist");
        to.println();
        to.println("usage:");
        int width = COMMANDS.stream().mapToInt(c -> c.synopsis().length()).max().orElse(0);
        for (Command c : COMMANDS) {
            to.printf("  atolint %-" + width + "s  %s%n", c.synopsis(), c.summary());
        }
        to.println();
        to.println("scan options:");
        PrintWriter w = new PrintWriter(to);
        new HelpFormatter().printOptions(w, 100, Opt.toOptions(ScanCommand.OPTIONS), 2, 4);
        w.flush();
    }

    /** The scan command's options, as commons-cli reads them. */
    static Options scanOptions() {
        return Opt.toOptions(ScanCommand.OPTIONS);
    }

    /** The parse options a scan command line gives, without a configuration. */
    ParseOptions parseOptions(CommandLine cl) throws UsageException {
        return ScanInput.parseOptions(new Args(cl), AtolintConfig.none(), console.err());
    }
}
