package io.atolint.cli;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.checklist.Category;
import io.atolint.config.AtolintConfig;
import io.atolint.config.IgnoringSourceTree;
import io.atolint.config.PathIgnore;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.reconcile.Pair;
import io.atolint.report.ReportSettings;
import io.atolint.rule.Check;
import io.atolint.checks.Rules;
import io.atolint.rule.SourceText;
import io.atolint.suppress.Declarations;
import io.atolint.triage.Baseline;
import io.atolint.triage.Triage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every command that scans goes through: list the trees (minus the configuration's ignored paths),
 * analyse them with progress on stderr, and for findings run the enabled checks, triage them
 * (configuration, suppressions in the files, baseline) and write every report asked for.
 */
final class ScanJob {
    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;

    ScanJob(PrintStream out, PrintStream err, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * What to scan and how; every path and file name is as the user gave it. Without {@code checks} the
     * analysis has the graph, its topology and the parse findings only (graph, simulate). {@code pairs} are
     * the diagrams to compare with their IaC (null: those the configuration names); {@code rules}, when not
     * null, are the only rules that run ({@code reconcile} runs its own).
     */
    record Request(List<String> paths, ParseOptions options, AtolintConfig config, Category category,
                   List<ReportOutput> outputs, String baseline, String createBaseline, boolean checks,
                   List<Pair> pairs, Set<String> rules) {

        Request(List<String> paths, ParseOptions options, AtolintConfig config, Category category,
                List<ReportOutput> outputs, String baseline, String createBaseline) {
            this(paths, options, config, category, outputs, baseline, createBaseline, true, null, null);
        }

        /** The model, graph and topology of the paths, no rule run. */
        static Request withoutChecks(List<String> paths, ParseOptions options, AtolintConfig config) {
            return new Request(paths, options, config, null, List.of(), null, null, false, null, null);
        }

        /** The same request, comparing these diagram/IaC pairs instead of the configured ones. */
        Request withPairs(List<Pair> p) {
            return new Request(paths, options, config, category, outputs, baseline, createBaseline, checks, p, rules);
        }

        /** The same request, running only these rules. */
        Request onlyRules(Set<String> ids) {
            return new Request(paths, options, config, category, outputs, baseline, createBaseline, checks, pairs, ids);
        }
    }

    /** The analysis after triage, and whether a baseline was compared with. */
    record Result(Analysis analysis, boolean baselineApplied) {
    }

    Result run(Request req) throws UsageException {
        return run(trees(req.paths(), req.options().limits(), req.options().repositoryRoot()), req);
    }

    /** Runs on trees already listed (their roots are paths relative to the working directory). */
    Result run(List<SourceTree> listed, Request req) throws UsageException {
        List<SourceTree> trees = new ArrayList<>();
        PathIgnore ignore = new PathIgnore(req.config().ignorePaths());
        for (SourceTree t : listed) {
            trees.add(ignore.isEmpty() ? t : new IgnoringSourceTree(t, file -> ignored(ignore, req.config(), t, file)));
        }
        Baseline baseline = req.baseline() == null ? null : readBaseline(req.baseline());
        Analysis analysis;
        try (Progress progress = new Progress(err, terminal.stderrIsTerminal())) {
            // the scan reads every file once; the text of those with suppression comments stays for triage
            SourceText sources = new SourceText(progress.track(trees), Declarations::mayHoldComments);
            List<Pair> pairs = req.pairs() != null ? req.pairs() : ConfigPairs.of(req.config(), listed);
            if (!req.checks()) {
                return new Result(new Analyzer(List.of()).withPairs(pairs).analyze(sources, req.options()), false);
            }
            List<Check> checks = enabledChecks(req.config());
            if (req.rules() != null) {
                checks.removeIf(c -> !req.rules().contains(c.meta().id()));
            }
            analysis = new Analyzer(checks).withPairs(pairs).analyze(sources, req.options());
            analysis = analysis.forCategory(req.category());
            progress.phase("triage");
            analysis = Triage.apply(analysis, sources, triage(req.config(), baseline));
        }
        if (req.createBaseline() != null) {
            Baseline created = Baseline.of(req.createBaseline(), analysis.findings());
            writeFile(req.createBaseline(), created.toJson().getBytes(StandardCharsets.UTF_8));
            err.println("atolint: wrote " + req.createBaseline() + " with " + created.entries().size()
                    + (created.entries().size() == 1 ? " known finding" : " known findings"));
        }
        return new Result(analysis, baseline != null);
    }

    /** The trees of the paths as given; a path that does not exist is a usage error. */
    static List<SourceTree> trees(List<String> paths, Limits limits) throws UsageException {
        return trees(paths, limits, null);
    }

    /**
     * The trees of the paths given, each bounded by the repository it is in: {@code root} (--root),
     * else the enclosing git work tree, else the path itself.
     */
    static List<SourceTree> trees(List<String> paths, Limits limits, String root) throws UsageException {
        List<SourceTree> trees = new ArrayList<>();
        Path rootPath = null;
        if (root != null) {
            try {
                rootPath = Path.of(root).toRealPath();
            } catch (IOException e) {
                throw new UsageException("--root " + root + ": " + e.getMessage());
            }
        }
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + p);
            }
            Path boundary = rootPath != null ? rootPath : FileSystemSourceTree.gitWorkTree(path);
            if (rootPath != null) {
                try {
                    if (!FileSystemSourceTree.contains(rootPath, path.toRealPath())) {
                        throw new UsageException(p + " is not inside --root " + root);
                    }
                } catch (IOException e) {
                    throw new UsageException("cannot read " + p + ": " + e.getMessage());
                }
            }
            trees.add(new FileSystemSourceTree(path, p, limits, boundary));
        }
        return trees;
    }

    void write(Result result, List<ReportOutput> outputs, ReportSettings settings) throws UsageException {
        for (ReportOutput o : outputs) {
            boolean colour = o.file() == null && terminal.colourOnStdout();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                o.format().write(result.analysis(), settings, buf, colour);
            } catch (IOException e) {
                throw new UsageException("cannot write the " + o.format().label() + " report: " + e.getMessage());
            }
            if (o.file() == null) {
                out.write(buf.toByteArray(), 0, buf.size());
                out.flush();
            } else {
                writeFile(o.file(), buf.toByteArray());
            }
        }
    }

    private static void writeFile(String file, byte[] bytes) throws UsageException {
        try {
            Files.write(Path.of(file), bytes);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static boolean ignored(PathIgnore ignore, AtolintConfig config, SourceTree tree, String file) {
        String root = tree.root();
        String rel = file.equals(root) ? "" : root.equals(".") ? file : file.startsWith(root + "/")
                ? file.substring(root.length() + 1) : file;
        Path abs = Path.of(root).toAbsolutePath().normalize();
        if (!rel.isEmpty()) {
            abs = abs.resolve(rel).normalize();
        }
        Path base = Path.of(config.baseDir());
        if (!abs.startsWith(base)) {
            return false;
        }
        return ignore.ignores(base.relativize(abs).toString().replace('\\', '/'));
    }

    private static List<Check> enabledChecks(AtolintConfig config) {
        List<Check> out = new ArrayList<>();
        for (Check c : Rules.all()) {
            AtolintConfig.RuleSetting s = config.rules().get(c.meta().id());
            boolean on = s == null || s.enabled() == null ? !c.meta().optIn() : s.enabled();
            if (on) {
                out.add(c);
            }
        }
        return out;
    }

    private static Triage.Settings triage(AtolintConfig config, Baseline baseline) {
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        config.rules().forEach((id, s) -> {
            if (s.disabled()) {
                disabled.add(id);
            }
            if (s.severity() != null) {
                severities.put(id, s.severity());
            }
        });
        return new Triage.Settings(disabled, severities, baseline);
    }

    private static Baseline readBaseline(String file) throws UsageException {
        try {
            return Baseline.parse(file, Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UsageException("cannot read baseline " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Configured values where the command line gave none; command-line values win key by key. */
    static ParseOptions configured(AtolintConfig config, ParseOptions cli) {
        ParseOptions o = cli;
        if (o.regionOpt().isEmpty() && config.region() != null) {
            o = o.withRegion(config.region());
        }
        if (!config.parameters().isEmpty()) {
            Map<String, String> p = new LinkedHashMap<>(config.parameters());
            p.putAll(cli.parameters());
            o = o.withParameters(p);
        }
        if (!config.variables().isEmpty()) {
            Map<String, String> v = new LinkedHashMap<>(config.variables());
            v.putAll(cli.variables());
            o = o.withVariables(v);
        }
        return o;
    }

    /** The configuration's default formats, their files relative to the configuration's directory. */
    static List<String> configuredFormats(AtolintConfig config) {
        List<String> out = new ArrayList<>();
        for (String f : config.formats()) {
            int eq = f.indexOf('=');
            out.add(eq < 0 ? f : f.substring(0, eq + 1) + Path.of(config.baseDir()).resolve(f.substring(eq + 1)));
        }
        return out;
    }

    static String configuredBaseline(AtolintConfig config) {
        return config.baseline() == null ? null : Path.of(config.baseDir()).resolve(config.baseline()).toString();
    }
}
