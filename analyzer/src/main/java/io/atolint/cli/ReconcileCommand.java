package io.atolint.cli;

import io.atolint.checks.Rules;
import io.atolint.model.Severity;
import io.atolint.reconcile.Pair;
import io.atolint.reconcile.Reconciliation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code atolint reconcile --diagram FILE [--page N] PATH...}: is the diagram true to what the IaC under the
 * paths deploys? The match table, what is drawn and not deployed, deployed and not drawn, the claims the IaC
 * does not back: rules RECON001-RECON005 (only they run), so that SARIF, baselines and suppressions work as
 * for every rule. Exit 1 for findings at or above {@code --fail-on}, 2 when the pair cannot be compared.
 */
final class ReconcileCommand implements Command {
    static final Opt DIAGRAM = Opt.of("diagram", "FILE", "the diagram to compare with the IaC under the PATHs");
    static final Opt PAGE = Opt.of("page", "N", "only page N of the diagram (default: every page)");

    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new ArrayList<>(ScanCommand.OPTIONS);
        all.removeIf(o -> o.name().equals("category"));
        all.add(0, DIAGRAM);
        all.add(1, PAGE);
        OPTIONS = List.copyOf(all);
    }

    @Override
    public String name() {
        return "reconcile";
    }

    @Override
    public String synopsis() {
        return "reconcile --diagram FILE [--page N] PATH... [options]";
    }

    @Override
    public String summary() {
        return "is the diagram true to what the IaC under PATH deploys?";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        String diagram = args.value("diagram");
        if (diagram == null) {
            throw new UsageException("reconcile needs --diagram FILE");
        }
        ScanInput in = ScanInput.read(name(), args, console);
        Pair pair = pair(diagram, args, in.paths());
        Severity failOn = args.has("fail-on") ? ScanCommand.severity(args.value("fail-on"))
                : in.config().failOn() != null ? in.config().failOn() : Severity.HIGH;
        List<String> formats = args.has("format") ? args.values("format") : List.of("text");
        List<ReportOutput> outputs = ReportOutput.parse(formats, args.value("output"));
        Set<String> rules = new LinkedHashSet<>();
        Rules.all().stream().map(c -> c.meta().id()).filter(id -> id.startsWith("RECON")).forEach(rules::add);
        ScanJob job = console.job();
        ScanJob.Result result = job.run(new ScanJob.Request(withDiagram(in.paths(), diagram), in.options(), in.config(),
                null, outputs, ScanCommand.baseline(args, in), args.value("create-baseline")).withPairs(List.of(pair))
                .onlyRules(rules));
        Reconciliation r = result.analysis().reconciliations().get(0);
        if (!r.compared()) {
            throw new UsageException("cannot compare " + pair.display() + ": " + r.problem());
        }
        job.write(result, outputs, ReportLinks.settings(console.terminal().env())
                .withBaselineApplied(result.baselineApplied()).withDocsUri(in.config().docsUri()));
        if (args.has("create-baseline")) {
            return Cli.OK;
        }
        return result.analysis().countAtLeast(failOn) > 0 ? Cli.FINDINGS : Cli.OK;
    }

    /** The diagram (checked to exist) and the paths holding the IaC, as one pair. */
    static Pair pair(String diagram, Args args, List<String> iac) throws UsageException {
        if (!Files.isRegularFile(Path.of(diagram))) {
            throw new UsageException("no such diagram file: " + diagram);
        }
        return new Pair(diagram, page(args), iac, "the command line");
    }

    /** The paths to scan: the IaC paths, and the diagram when none of them holds it. */
    static List<String> withDiagram(List<String> paths, String diagram) {
        List<String> out = new ArrayList<>(paths);
        Path abs = Path.of(diagram).toAbsolutePath().normalize();
        if (paths.stream().noneMatch(p -> abs.startsWith(Path.of(p).toAbsolutePath().normalize()))) {
            out.add(diagram);
        }
        return out;
    }

    private static Integer page(Args args) throws UsageException {
        String p = args.value("page");
        if (p == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(p);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--page expects a page number from 1, got '" + p + "'");
    }
}
