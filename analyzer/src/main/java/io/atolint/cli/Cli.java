package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.Category;
import io.atolint.checklist.Checklist;
import io.atolint.config.AtolintConfig;
import io.atolint.docs.RulesReference;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.RegionAzs;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import io.atolint.parse.TextDecoder;
import io.atolint.reconcile.Pair;
import io.atolint.reconcile.Reconciliation;
import io.atolint.report.ReconciliationReport;
import io.atolint.rule.Rules;
import io.atolint.report.AssessmentJson;
import io.atolint.report.AssessmentText;
import io.atolint.report.GraphExport;
import io.atolint.report.JsonReport;
import io.atolint.report.SimulationReport;
import io.atolint.report.TextReport;
import io.atolint.report.ReportFormat;
import io.atolint.report.Version;
import io.atolint.rule.RuleCatalog;
import io.atolint.rule.RuleInfo;
import io.atolint.topology.Verdict;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: the only place that touches files, standard streams and exit codes.
 * Exit codes: 0 no finding at or above {@code --fail-on}; 1 findings at or above it; 2 usage or I/O error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, Terminal.none());
    }

    public Cli(PrintStream out, PrintStream err, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public int run(String... args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage(out);
            return args.length == 0 ? ERROR : OK;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            out.println("atolint " + Version.get());
            return OK;
        }
        String command = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "scan" -> scan(rest);
                case "reconcile" -> reconcile(rest);
                case "rules" -> rules(rest);
                case "simulate" -> simulate(rest);
                case "describe" -> describe(rest);
                case "checklist" -> checklist(rest);
                case "graph" -> graph(rest);
                default -> throw new UsageException("unknown command '" + command + "' (try: atolint --help)");
            };
        } catch (UsageException e) {
            err.println("atolint: " + e.getMessage());
            return ERROR;
        }
    }

    private void usage(PrintStream to) {
        to.println("atolint " + Version.get() + " - static analysis of AWS architecture diagrams and IaC");
        to.println("against the ATO on AWS Partner Validation Checklist");
        to.println();
        to.println("usage:");
        to.println("  atolint scan PATH... [options]   analyse templates, CDK output, Terraform, diagrams");
        to.println("  atolint rules [--format text|json|md] [--fixtures DIR]  list the rules (md: the rules reference)");
        to.println("  atolint reconcile --diagram FILE [--page N] PATH... [options]  is the diagram true to the IaC under PATH?");
        to.println("  atolint simulate PATH... [--diagram FILE [--page N]] [options]  what the loss of each AZ takes down");
        to.println("  atolint describe FILE [--format text|json]  what atolint understood from a diagram");
        to.println("  atolint graph PATH... [--format dot|json] [-o FILE]  the resource graph for other tools");
        to.println("  atolint checklist PATH... [options]  self-assessment: a verdict per checklist item");
        to.println();
        PrintWriter w = new PrintWriter(to);
        new HelpFormatter().printOptions(w, 100, scanOptions(), 2, 4);
        w.flush();
    }

    // ------------------------------------------------------------------ scan

    static Options scanOptions() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("region").hasArg().argName("R")
                .desc("AWS region: turns Fn::GetAZs / data.aws_availability_zones indexes into AZ names").get());
        o.addOption(Option.builder().longOpt("param").hasArg().argName("K=V")
                .desc("CloudFormation parameter value (repeatable)").get());
        o.addOption(Option.builder().longOpt("params-file").hasArg().argName("F")
                .desc("CloudFormation parameters file (JSON: [{ParameterKey, ParameterValue}] or {Parameters: {...}})").get());
        o.addOption(Option.builder().longOpt("var").hasArg().argName("K=V")
                .desc("Terraform variable value of every root module (repeatable; wins over var files)").get());
        o.addOption(Option.builder().longOpt("var-file").hasArg().argName("F")
                .desc("Terraform .tfvars file (repeatable; after terraform.tfvars and *.auto.tfvars)").get());
        o.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT[=FILE]")
                .desc("report format: " + ReportFormat.names() + " (default text); repeatable, each with its own "
                        + "file: --format sarif=out.sarif --format html=report.html").get());
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                .desc("write the report given without =FILE to FILE instead of stdout").get());
        o.addOption(Option.builder().longOpt("fail-on").hasArg().argName("LEVEL")
                .desc("exit 1 when a finding is at or above low|medium|high|critical (default high)").get());
        o.addOption(Option.builder().longOpt("max-file-size").hasArg().argName("BYTES")
                .desc("largest file read (default 10485760); the same as --limit file-bytes=BYTES").get());
        o.addOption(Option.builder().longOpt("limit").hasArg().argName("NAME=N")
                .desc("a safety limit (repeatable): " + Limits.names()).get());
        o.addOption(Option.builder().longOpt("category").hasArg().argName(Category.ids())
                .desc("solution category: items (and their rules) it is exempt from are not applicable").get());
        o.addOption(Option.builder().longOpt("config").hasArg().argName("FILE")
                .desc("configuration file (default: the nearest .atolint.yml above the first PATH)").get());
        o.addOption(Option.builder().longOpt("baseline").hasArg().argName("FILE")
                .desc("known findings: those listed are reported as suppressed and never fail the run").get());
        o.addOption(Option.builder().longOpt("create-baseline").hasArg().argName("FILE")
                .desc("write every current finding to FILE as known (exit 0)").get());
        return o;
    }

    private CommandLine parse(Options options, String[] args) throws UsageException {
        try {
            return DefaultParser.builder().get().parse(options, args);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int scan(String[] args) throws UsageException {
        CommandLine cl = parse(scanOptions(), args);
        List<String> paths = cl.getArgList();
        if (paths.isEmpty()) {
            throw new UsageException("scan needs at least one PATH");
        }
        AtolintConfig config = ConfigFiles.load(cl.getOptionValue("config"), paths.get(0));
        ParseOptions options = configuredOptions(cl, config);
        Severity failOn = cl.hasOption("fail-on") ? severity(cl.getOptionValue("fail-on"))
                : config.failOn() != null ? config.failOn() : Severity.HIGH;
        List<String> formats = cl.hasOption("format") ? values(cl, "format") : ScanJob.configuredFormats(config);
        List<ReportOutput> outputs = ReportOutput.parse(formats, cl.getOptionValue("output"));
        String baseline = cl.hasOption("baseline") ? cl.getOptionValue("baseline") : ScanJob.configuredBaseline(config);
        Category category = cl.hasOption("category") ? category(cl) : Category.parse(config.category()).orElse(null);
        ScanJob job = new ScanJob(out, err, terminal);
        ScanJob.Result result = job.run(new ScanJob.Request(paths, options, config, category, outputs, baseline,
                cl.getOptionValue("create-baseline")));
        job.write(result, outputs, ReportLinks.settings(terminal.env())
                .withBaselineApplied(result.baselineApplied()).withDocsUri(config.docsUri()));
        if (cl.hasOption("create-baseline")) {
            return OK;
        }
        return result.analysis().countAtLeast(failOn) > 0 ? FINDINGS : OK;
    }

    // ------------------------------------------------------------------ reconcile

    static Options reconcileOptions() {
        Options o = scanOptions();
        o.addOption(Option.builder().longOpt("diagram").hasArg().argName("FILE")
                .desc("reconcile, simulate: the diagram to compare with the IaC under the PATHs").get());
        o.addOption(Option.builder().longOpt("page").hasArg().argName("N")
                .desc("reconcile, simulate: only page N of the diagram (default: every page)").get());
        return o;
    }

    /**
     * Compares a diagram with the IaC under the paths: the match table, what is drawn and not deployed,
     * deployed and not drawn, the claims the IaC does not back (rules RECON001-RECON005, so that SARIF,
     * baselines and suppressions work as for every rule). Exit 1 for findings at or above --fail-on, 2 when
     * the pair cannot be compared.
     */
    private int reconcile(String[] args) throws UsageException {
        CommandLine cl = parse(reconcileOptions(), args);
        List<String> paths = new ArrayList<>(cl.getArgList());
        String diagram = cl.getOptionValue("diagram");
        if (diagram == null) {
            throw new UsageException("reconcile needs --diagram FILE");
        }
        if (paths.isEmpty()) {
            throw new UsageException("reconcile needs at least one PATH holding the IaC");
        }
        if (!Files.isRegularFile(Path.of(diagram))) {
            throw new UsageException("no such diagram file: " + diagram);
        }
        Pair pair = new Pair(diagram, page(cl), paths, "the command line");
        AtolintConfig config = ConfigFiles.load(cl.getOptionValue("config"), paths.get(0));
        ParseOptions options = configuredOptions(cl, config);
        Severity failOn = cl.hasOption("fail-on") ? severity(cl.getOptionValue("fail-on"))
                : config.failOn() != null ? config.failOn() : Severity.HIGH;
        List<String> formats = cl.hasOption("format") ? values(cl, "format") : List.of("text");
        List<ReportOutput> outputs = ReportOutput.parse(formats, cl.getOptionValue("output"));
        String baseline = cl.hasOption("baseline") ? cl.getOptionValue("baseline") : ScanJob.configuredBaseline(config);
        List<String> scanned = new ArrayList<>(paths);
        Path abs = Path.of(diagram).toAbsolutePath().normalize();
        if (paths.stream().noneMatch(p -> abs.startsWith(Path.of(p).toAbsolutePath().normalize()))) {
            scanned.add(diagram);
        }
        Set<String> rules = new LinkedHashSet<>();
        Rules.all().stream().map(c -> c.meta().id()).filter(id -> id.startsWith("RECON")).forEach(rules::add);
        ScanJob job = new ScanJob(out, err, terminal);
        ScanJob.Result result = job.run(new ScanJob.Request(scanned, options, config, null, outputs, baseline,
                cl.getOptionValue("create-baseline"), List.of(pair), rules));
        Reconciliation r = result.analysis().reconciliations().get(0);
        if (!r.compared()) {
            throw new UsageException("cannot compare " + pair.display() + ": " + r.problem());
        }
        job.write(result, outputs, ReportLinks.settings(terminal.env())
                .withBaselineApplied(result.baselineApplied()).withDocsUri(config.docsUri()));
        if (cl.hasOption("create-baseline")) {
            return OK;
        }
        return result.analysis().countAtLeast(failOn) > 0 ? FINDINGS : OK;
    }

    private static Integer page(CommandLine cl) throws UsageException {
        String p = cl.getOptionValue("page");
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

    private static List<String> values(CommandLine cl, String option) {
        String[] v = cl.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }

    private static Category category(CommandLine cl) throws UsageException {
        String c = cl.getOptionValue("category");
        if (c == null) {
            return null;
        }
        return Category.parse(c).orElseThrow(() -> new UsageException("unknown category '" + c + "' (expected "
                + Category.ids() + ")"));
    }

    // ------------------------------------------------------------------ graph

    /** The resolved resource graph, as Graphviz DOT or JSON (scan options apply; findings are not computed). */
    private int graph(String[] args) throws UsageException {
        CommandLine cl = parse(scanOptions(), args);
        if (cl.getArgList().isEmpty()) {
            throw new UsageException("graph needs at least one PATH");
        }
        ParseOptions options = configuredOptions(cl, ConfigFiles.load(cl.getOptionValue("config"), cl.getArgList().get(0)));
        String format = cl.getOptionValue("format", "dot").toLowerCase(Locale.ROOT);
        if (!format.equals("dot") && !format.equals("json")) {
            throw new UsageException("unknown graph format '" + format + "' (expected dot or json)");
        }
        Analysis analysis = new Analyzer(List.of()).analyze(trees(cl.getArgList(), options.limits()), options);
        write(cl.getOptionValue("output"), stream -> {
            if (format.equals("json")) {
                GraphExport.json(analysis.graph(), stream);
            } else {
                GraphExport.dot(analysis.graph(), stream);
            }
        });
        return OK;
    }

    // ------------------------------------------------------------------ checklist

    /** Exit 1 when an applicable item is Not met; Needs evidence never fails. */
    private int checklist(String[] args) throws UsageException {
        CommandLine cl = parse(scanOptions(), args);
        if (cl.getArgList().isEmpty()) {
            throw new UsageException("checklist needs at least one PATH");
        }
        AtolintConfig config = ConfigFiles.load(cl.getOptionValue("config"), cl.getArgList().get(0));
        ParseOptions options = configuredOptions(cl, config);
        String format = cl.getOptionValue("format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "' (expected text or json)");
        }
        Category category = cl.hasOption("category") ? category(cl) : Category.parse(config.category()).orElse(null);
        // the same findings as scan: configuration, suppressions in the files and the baseline apply
        String baseline = cl.hasOption("baseline") ? cl.getOptionValue("baseline") : ScanJob.configuredBaseline(config);
        Analysis analysis = new ScanJob(out, err, terminal).run(new ScanJob.Request(cl.getArgList(), options, config, category,
                List.of(), baseline, null)).analysis();
        Assessment assessment = analysis.checklist();
        write(cl.getOptionValue("output"), stream -> {
            if (format.equals("json")) {
                AssessmentJson.write(assessment, analysis, stream);
            } else {
                PrintStream ps = new PrintStream(stream, true, StandardCharsets.UTF_8);
                AssessmentText.write(assessment, analysis, ps);
                ps.flush();
            }
        });
        return assessment.anyNotMet() ? FINDINGS : OK;
    }

    private static Severity severity(String s) throws UsageException {
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

    /** The command line's options over the configuration's (region, parameters, variables, limits). */
    private ParseOptions configuredOptions(CommandLine cl, AtolintConfig config) throws UsageException {
        return ScanJob.configured(config, parseOptions(cl, config));
    }

    ParseOptions parseOptions(CommandLine cl) throws UsageException {
        return parseOptions(cl, AtolintConfig.none());
    }

    /** The options of the command line; safety limits start from the configuration's, which it overrides. */
    ParseOptions parseOptions(CommandLine cl, AtolintConfig config) throws UsageException {
        Limits limits = Limits.defaults();
        for (Map.Entry<String, Long> l : config.limits().entrySet()) {
            limits = limits.with(l.getKey(), l.getValue());
        }
        if (cl.hasOption("max-file-size")) {
            try {
                limits = limits.withMaxFileBytes(Long.parseLong(cl.getOptionValue("max-file-size")));
            } catch (NumberFormatException e) {
                throw new UsageException("--max-file-size expects a number of bytes");
            }
        }
        for (String kv : cl.getOptionValues("limit") == null ? new String[0] : cl.getOptionValues("limit")) {
            int eq = kv.indexOf('=');
            try {
                limits = limits.with(eq < 0 ? kv : kv.substring(0, eq), Long.parseLong(eq < 0 ? "" : kv.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new UsageException("--limit expects NAME=N, got '" + kv + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        String region = cl.getOptionValue("region");
        if (region != null && !RegionAzs.isKnownRegion(region)) {
            err.println("atolint: warning: region '" + region + "' is not in the AZ table; GetAZs stays symbolic");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (cl.hasOption("params-file")) {
            params.putAll(readParamsFile(Path.of(cl.getOptionValue("params-file"))));
        }
        for (String kv : cl.getOptionValues("param") == null ? new String[0] : cl.getOptionValues("param")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--param expects KEY=VALUE, got '" + kv + "'");
            }
            params.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String kv : cl.getOptionValues("var") == null ? new String[0] : cl.getOptionValues("var")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--var expects NAME=VALUE, got '" + kv + "'");
            }
            vars.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<SourceFile> varFiles = new ArrayList<>();
        for (String f : cl.getOptionValues("var-file") == null ? new String[0] : cl.getOptionValues("var-file")) {
            varFiles.add(readVarFile(Path.of(f), f, limits));
        }
        return new ParseOptions(region, params, vars, varFiles, limits);
    }

    /** A Terraform var file, read here so that parsers never open files. */
    static SourceFile readVarFile(Path file, String display, Limits limits) throws UsageException {
        try {
            if (Files.size(file) > limits.maxFileBytes()) {
                throw new UsageException("var file " + display + " is larger than " + limits.maxFileBytes() + " bytes");
            }
            ReadResult r = TextDecoder.decode(display, Files.readAllBytes(file));
            if (r instanceof ReadResult.Text t) {
                return t.file();
            }
            throw new UsageException("cannot read var file " + display + ": "
                    + (r instanceof ReadResult.Failure f ? f.message() : "not text"));
        } catch (IOException e) {
            throw new UsageException("cannot read var file " + display + ": " + e.getMessage());
        }
    }

    /** CloudFormation parameter files: the CLI's list form or CodePipeline's {@code {"Parameters": {...}}}. */
    static Map<String, String> readParamsFile(Path file) throws UsageException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UsageException("cannot read parameters file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root != null && root.isArray()) {
            for (JsonNode p : root) {
                if (!p.has("ParameterKey") || !p.has("ParameterValue")) {
                    throw new UsageException(file + ": each entry needs ParameterKey and ParameterValue");
                }
                out.put(p.get("ParameterKey").asText(), p.get("ParameterValue").asText());
            }
        } else if (root != null && root.has("Parameters") && root.get("Parameters").isObject()) {
            root.get("Parameters").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } else {
            throw new UsageException(file + ": not a CloudFormation parameters file");
        }
        return out;
    }

    static List<SourceTree> trees(List<String> paths, Limits limits) throws UsageException {
        List<SourceTree> trees = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + p);
            }
            trees.add(new FileSystemSourceTree(path, p, limits));
        }
        return trees;
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to the file asked for, or stdout; a report is built in memory first so nothing half-written remains. */
    private void write(String file, Writer writer) throws UsageException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            writer.write(buf);
            if (file == null) {
                out.write(buf.toByteArray());
                out.flush();
            } else {
                Files.write(Path.of(file), buf.toByteArray());
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + (file == null ? "the report" : file) + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ simulate

    /** Exit 1 when the loss of some AZ takes a tier or path down (or may: AT RISK), else 0. */
    private int simulate(String[] args) throws UsageException {
        CommandLine cl = parse(reconcileOptions(), args);
        if (cl.getArgList().isEmpty()) {
            throw new UsageException("simulate needs at least one PATH");
        }
        AtolintConfig config = ConfigFiles.load(cl.getOptionValue("config"), cl.getArgList().get(0));
        ParseOptions options = configuredOptions(cl, config);
        String format = cl.getOptionValue("format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "' (expected text or json)");
        }
        List<String> paths = new ArrayList<>(cl.getArgList());
        String diagram = cl.getOptionValue("diagram");
        List<Pair> pairs;
        if (diagram != null) {
            // a diagram beside its IaC: both simulations, side by side per AZ
            if (!Files.isRegularFile(Path.of(diagram))) {
                throw new UsageException("no such diagram file: " + diagram);
            }
            pairs = List.of(new Pair(diagram, page(cl), cl.getArgList(), "the command line"));
            Path abs = Path.of(diagram).toAbsolutePath().normalize();
            if (paths.stream().noneMatch(p -> abs.startsWith(Path.of(p).toAbsolutePath().normalize()))) {
                paths.add(diagram);
            }
        } else {
            pairs = null;
        }
        List<SourceTree> trees = trees(paths, options.limits());
        Analysis analysis = new Analyzer(List.of()).withPairs(pairs != null ? pairs : ConfigPairs.of(config, trees))
                .analyze(trees, options);
        write(cl.getOptionValue("output"), stream -> {
            if (format.equals("json")) {
                SimulationReport.json(analysis, stream);
            } else {
                PrintStream ps = new PrintStream(stream, true, StandardCharsets.UTF_8);
                SimulationReport.text(analysis, ps);
                ReconciliationReport.sideBySide(analysis, ps);
                ps.flush();
            }
        });
        if (SimulationReport.failure(analysis) != null) {
            return ERROR; // a defect kept the topology from being built: nothing was simulated
        }
        Verdict worst = SimulationReport.worst(analysis);
        return worst == Verdict.DOWN || worst == Verdict.AT_RISK ? FINDINGS : OK;
    }

    // ------------------------------------------------------------------ describe

    private int describe(String[] args) throws UsageException {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("format").hasArg().get());
        CommandLine cl = parse(o, args);
        if (cl.getArgList().size() != 1) {
            throw new UsageException("describe needs exactly one diagram FILE");
        }
        String format = cl.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "' (expected text or json)");
        }
        Path file = Path.of(cl.getArgList().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        SourceTree tree = new FileSystemSourceTree(file, cl.getArgList().get(0), Limits.defaults());
        io.atolint.describe.DiagramDescription d = io.atolint.describe.DiagramDescription.of(tree,
                tree.files().get(0), Limits.defaults());
        if (!d.isDiagram()) {
            err.println("atolint: " + file + " is not a diagram atolint reads: " + d.notADiagram());
            return ERROR;
        }
        write(null, stream -> {
            if (format.equals("json")) {
                d.writeJson(stream);
            } else {
                PrintStream ps = new PrintStream(stream, true, StandardCharsets.UTF_8);
                d.writeText(ps);
                ps.flush();
            }
        });
        return OK;
    }

    // ------------------------------------------------------------------ rules

    private int rules(String[] args) throws UsageException {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("format").hasArg().get());
        o.addOption(Option.builder().longOpt("fixtures").hasArg().get());
        CommandLine cl = parse(o, args);
        String format = cl.getOptionValue("format", "text");
        List<RuleInfo> rules = RuleCatalog.all();
        if (format.equals("md") || format.equals("markdown")) {
            // the rules reference (docs/rules.md), with examples when the fixtures are given
            String dir = cl.getOptionValue("fixtures");
            SourceTree fixtures = dir == null ? null : trees(List.of(dir), Limits.defaults()).get(0);
            String doc = RulesReference.render(fixtures);
            write(null, s -> s.write(doc.getBytes(StandardCharsets.UTF_8)));
            return OK;
        }
        if (format.equals("json")) {
            ObjectMapper m = new ObjectMapper();
            var arr = m.createArrayNode();
            for (RuleInfo r : rules) {
                var n = arr.addObject();
                n.put("id", r.id());
                n.put("title", r.title());
                n.put("severity", r.severity().label());
                var items = n.putArray("checklist");
                Checklist.standard().itemsFor(r.id()).forEach(items::add);
                var tags = n.putArray("tags");
                r.tags().forEach(tags::add);
            }
            write(null, s -> m.writerWithDefaultPrettyPrinter().writeValue(s, arr));
            return OK;
        }
        for (RuleInfo r : rules) {
            List<String> items = Checklist.standard().itemsFor(r.id());
            out.printf("%-9s %-8s %-60s %s%n", r.id(), r.severity().label(), r.title(),
                    items.isEmpty() ? "-" : String.join(", ", items));
        }
        return OK;
    }
}
