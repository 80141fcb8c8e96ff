package io.atolint.cli;

import io.atolint.analysis.Analysis;
import io.atolint.report.GraphExport;

import java.util.List;
import java.util.Locale;

/** {@code atolint graph}: the resolved resource graph as Graphviz DOT or JSON (findings are not computed). */
final class GraphCommand implements Command {
    private static final List<Opt> OPTIONS = Opt.concat(ScanInput.OPTIONS,
            Opt.of("format", "dot|json", "output format (default dot)"),
            Opt.OUTPUT);

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String synopsis() {
        return "graph PATH... [--format dot|json] [-o FILE]";
    }

    @Override
    public String summary() {
        return "the resource graph for other tools";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        ScanInput in = ScanInput.read(name(), args, console);
        String format = args.value("format", "dot").toLowerCase(Locale.ROOT);
        if (!format.equals("dot") && !format.equals("json")) {
            throw new UsageException("unknown graph format '" + format + "' (expected dot or json)");
        }
        Analysis analysis = console.job().run(ScanJob.Request.withoutChecks(in.paths(), in.options(), in.config()))
                .analysis();
        console.write(args.value("output"), stream -> {
            if (format.equals("json")) {
                GraphExport.json(analysis.graph(), stream);
            } else {
                GraphExport.dot(analysis.graph(), stream);
            }
        });
        return Cli.OK;
    }
}
