package io.atolint.cli;

import io.atolint.checklist.Category;
import io.atolint.model.Severity;
import io.atolint.report.ReportFormat;

import java.util.List;

/** {@code atolint scan}: findings in every report asked for; exit 1 when one is at or above {@code --fail-on}. */
final class ScanCommand implements Command {
    static final Opt OUTPUT = new Opt("output", "o", "FILE",
            "write the report given without =FILE to FILE instead of stdout");
    static final Opt CATEGORY = Opt.of("category", Category.ids(),
            "solution category: items (and their rules) it is exempt from are not applicable");
    static final Opt BASELINE = Opt.of("baseline", "FILE",
            "known findings: those listed are reported as suppressed and never fail the run");

    static final List<Opt> OPTIONS = Opt.concat(ScanInput.OPTIONS,
            Opt.of("format", "FORMAT[=FILE]", "report format: " + ReportFormat.names() + " (default text); repeatable, "
                + "each with its own file: --format sarif=out.sarif --format html=report.html"),
            OUTPUT,
            Opt.of("fail-on", "LEVEL", "exit 1 when a finding is at or above low|medium|high|critical (default high)"),
            CATEGORY,
            BASELINE,
            Opt.of("create-baseline", "FILE", "write every current finding to FILE as known (exit 0)"),
            Opt.QUIET);

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String synopsis() {
        return "scan PATH... [options]";
    }

    @Override
    public String summary() {
        return "analyse templates, CDK output, Terraform, diagrams";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        ScanInput in = ScanInput.read(name(), args, console);
        Severity failOn = args.has("fail-on") ? severity(args.value("fail-on"))
                : in.config().failOn() != null ? in.config().failOn() : Severity.HIGH;
        List<String> formats = args.has("format") ? args.values("format") : ScanJob.configuredFormats(in.config());
        // report files the configuration names stay inside its repository; -o and --format files are the user's
        List<ReportOutput> outputs = ReportOutput.parse(formats, args.value("output"),
                args.has("format") || in.config().root() == null ? null : java.nio.file.Path.of(in.config().root()));
        String baseline = baseline(args, in);
        Category category = category(args, in);
        ScanJob job = console.job(args.has(Opt.QUIET.name()));
        ScanJob.Result result = job.run(new ScanJob.Request(in.paths(), in.options(), in.config(), category, outputs,
                baseline, args.value("create-baseline")));
        nothingAnalysed(result.analysis(), in.paths(), console);
        if (!args.has(Opt.QUIET.name())) {
            diagramsBesideIac(result.analysis(), console);
        }
        job.write(result, outputs, ReportLinks.settings(console.terminal().env())
                .withBaselineApplied(result.baselineApplied()).withDocsUri(in.config().docsUri())
                .withConfiguration(in.config().file()));
        if (args.has("create-baseline")) {
            return Cli.OK;
        }
        return result.analysis().countAtLeast(failOn) > 0 ? Cli.FINDINGS : Cli.OK;
    }

    /**
     * A scan that analysed no input says so on stderr, with why the files were skipped: a pull request
     * whose scan lints nothing must not pass silently.
     */
    static void nothingAnalysed(io.atolint.analysis.Analysis a, List<String> paths, Console console) {
        if (!a.scan().inputs().isEmpty()) {
            return;
        }
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        a.scan().skipped().values().forEach(r -> reasons.merge(r.replaceAll("\\d+", "N"), 1, Integer::sum));
        console.err().println("atolint: no input was analysed in " + String.join(", ", paths) + ": "
                + (a.scan().skipped().isEmpty() ? "no file there is a template, Terraform, a CDK output or a diagram"
                : a.scan().skipped().size() + (a.scan().skipped().size() == 1 ? " file" : " files") + " skipped"));
        int shown = 0;
        for (java.util.Map.Entry<String, Integer> r : reasons.entrySet()) {
            if (shown++ == 10) {
                console.err().println("  ... and " + (reasons.size() - 10) + " other reasons");
                break;
            }
            console.err().println("  " + r.getValue() + " x " + r.getKey());
        }
    }

    /**
     * A scan that read diagrams and infrastructure as code without holding one against the other says how to:
     * a case-study diagram beside the code it claims to show is what {@code reconcile} compares, and nothing
     * pairs them without being asked.
     */
    static void diagramsBesideIac(io.atolint.analysis.Analysis a, Console console) {
        if (!a.reconciliations().isEmpty()) {
            return;
        }
        java.util.Set<String> diagrams = new java.util.TreeSet<>();
        boolean iac = false;
        for (io.atolint.model.Model m : a.scan().models()) {
            if (m.format().isDiagram()) {
                diagrams.addAll(m.files());
            } else {
                iac = true;
            }
        }
        if (diagrams.isEmpty() || !iac) {
            return;
        }
        console.err().println("atolint: " + diagrams.size() + (diagrams.size() == 1 ? " diagram" : " diagrams")
                + " and infrastructure as code were scanned without comparing them; to hold a diagram against the code"
                + " it shows: atolint reconcile --diagram " + diagrams.iterator().next()
                + " PATH..., or a reconcile pair in .atolint.yml");
    }

    /** The baseline named on the command line, else the configuration's. */
    static String baseline(Args args, ScanInput in) {
        return args.has("baseline") ? args.value("baseline") : ScanJob.configuredBaseline(in.config());
    }

    /** The category named on the command line, else the configuration's, else none. */
    static Category category(Args args, ScanInput in) throws UsageException {
        if (!args.has("category")) {
            return Category.parse(in.config().category()).orElse(null);
        }
        String c = args.value("category");
        return Category.parse(c).orElseThrow(() -> new UsageException("unknown category '" + c + "' (expected "
                + Category.ids() + ")"));
    }

    static Severity severity(String s) throws UsageException {
        try {
            Severity sev = Severity.parse(s);
            if (sev == Severity.INFO) {
                throw new UsageException("--fail-on info is not allowed: notes never fail a build");
            }
            return sev;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
