package io.atolint.cli;

import io.atolint.analysis.Analysis;
import io.atolint.report.ReconciliationReport;
import io.atolint.report.SimulationReport;
import io.atolint.topology.Verdict;

import java.util.List;
import java.util.Locale;

/**
 * {@code atolint simulate}: what the loss of each AZ takes down. Exit 1 when the loss of some AZ takes
 * a tier or path down (or may: AT RISK), 2 when the topology could not be built, else 0.
 */
final class SimulateCommand implements Command {
    private static final List<Opt> OPTIONS = Opt.concat(ScanInput.OPTIONS,
            Opt.of("format", "text|json", "output format (default text)"),
            Opt.OUTPUT,
            Opt.of("diagram", "FILE", "also simulate this diagram and show both side by side per AZ"),
            ReconcileCommand.PAGE);

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String synopsis() {
        return "simulate PATH... [--diagram FILE [--page N]] [options]";
    }

    @Override
    public String summary() {
        return "what the loss of each AZ takes down (scan options apply)";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        ScanInput in = ScanInput.read(name(), args, console);
        String format = args.value("format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "' (expected text or json)");
        }
        ScanJob.Request request = ScanJob.Request.withoutChecks(in.paths(), in.options(), in.config());
        String diagram = args.value("diagram");
        if (diagram != null) {
            // a diagram beside its IaC: both simulations, side by side per AZ (else the configured pairs)
            request = ScanJob.Request.withoutChecks(ReconcileCommand.withDiagram(in.paths(), diagram), in.options(),
                    in.config()).withPairs(List.of(ReconcileCommand.pair(diagram, args, in.paths())));
        } else if (args.has("page")) {
            throw new UsageException("--page needs --diagram");
        }
        Analysis analysis = console.job().run(request).analysis();
        if (format.equals("json")) {
            console.write(args.value("output"), stream -> SimulationReport.json(analysis, stream));
        } else {
            console.writeText(args.value("output"), ps -> {
                SimulationReport.text(analysis, ps);
                ReconciliationReport.sideBySide(analysis, ps);
            });
        }
        if (SimulationReport.failure(analysis) != null) {
            return Cli.ERROR; // a defect kept the topology from being built: nothing was simulated
        }
        Verdict worst = SimulationReport.worst(analysis);
        return worst == Verdict.DOWN || worst == Verdict.AT_RISK ? Cli.FINDINGS : Cli.OK;
    }
}
