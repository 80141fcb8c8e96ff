package io.atolint.cli;

import io.atolint.describe.DiagramDescription;
import io.atolint.parse.Limits;
import io.atolint.parse.SourceTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code atolint describe}: what atolint understood from one diagram, for a person to compare with the picture. */
final class DescribeCommand implements Command {
    private static final List<Opt> OPTIONS = List.of(Opt.of("format", "text|json", "output format (default text)"));

    @Override
    public String name() {
        return "describe";
    }

    @Override
    public String synopsis() {
        return "describe FILE [--format text|json]";
    }

    @Override
    public String summary() {
        return "what atolint understood from a diagram";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        if (args.positional().size() != 1) {
            throw new UsageException("describe needs exactly one diagram FILE");
        }
        String format = args.value("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "' (expected text or json)");
        }
        String name = args.positional().get(0);
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        // the file is opened as the scan job opens every path, with the default safety limits
        SourceTree tree = ScanJob.trees(List.of(name), Limits.defaults()).get(0);
        DiagramDescription d = DiagramDescription.of(tree, tree.files().get(0), Limits.defaults());
        if (!d.isDiagram()) {
            console.err().println("atolint: " + file + " is not a diagram atolint reads: " + d.notADiagram());
            return Cli.ERROR;
        }
        if (format.equals("json")) {
            console.write(null, d::writeJson);
        } else {
            console.writeText(null, d::writeText);
        }
        return Cli.OK;
    }
}
