package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.config.AtolintConfig;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.RegionAzs;
import io.atolint.parse.SourceFile;
import io.atolint.parse.TextDecoder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every command that scans reads from its command line first: the paths, the configuration
 * ({@code --config} or the nearest {@code .atolint.yml}) and how to read the files (region, parameters,
 * variables, safety limits), the command line winning over the configuration.
 */
record ScanInput(List<String> paths, AtolintConfig config, ParseOptions options) {

    /** The options of every command that scans. */
    static final List<Opt> OPTIONS = List.of(
            Opt.of("region", "R", "AWS region: turns Fn::GetAZs / data.aws_availability_zones indexes into AZ names"),
            Opt.of("param", "[STACK.]K=V", "CloudFormation parameter value (repeatable); STACK. (a template's file name"
                    + " without extension, or a CDK stack) gives it to that stack only, STACK.AWS::StackName names the stack"),
            Opt.of("params-file", "[STACK=]F", "CloudFormation parameters file (JSON: [{ParameterKey, ParameterValue}] or"
                    + " {Parameters: {...}}); repeatable, STACK= gives it to that stack only"),
            Opt.of("var", "K=V", "Terraform variable value of every root module (repeatable; wins over var files)"),
            Opt.of("var-file", "F", "Terraform .tfvars file (repeatable; after terraform.tfvars and *.auto.tfvars)"),
            Opt.of("root", "DIR", "repository root: local modules are read anywhere inside it, nothing outside it"
                    + " (default: the enclosing git work tree, else the path scanned)"),
            Opt.of("max-file-size", "BYTES", "largest file read (default 10485760); the same as --limit file-bytes=BYTES"),
            Opt.of("limit", "NAME=N", "a safety limit (repeatable): " + Limits.names()),
            Opt.of("config", "FILE", "configuration file (default: the nearest .atolint.yml above the first PATH)"));

    /** Reads the preamble of {@code command}; at least one path is required. */
    static ScanInput read(String command, Args args, Console console) throws UsageException {
        List<String> paths = args.positional();
        if (paths.isEmpty()) {
            throw new UsageException(command + " needs at least one PATH");
        }
        AtolintConfig config = ConfigFiles.load(args.value("config"), paths.get(0));
        return new ScanInput(paths, config, ScanJob.configured(config, parseOptions(args, config, console.err())));
    }

    /** The options of the command line; safety limits start from the configuration's, which it overrides. */
    static ParseOptions parseOptions(Args args, AtolintConfig config, PrintStream err) throws UsageException {
        Limits limits = Limits.defaults();
        for (Map.Entry<String, Long> l : config.limits().entrySet()) {
            limits = limits.with(l.getKey(), l.getValue());
        }
        if (args.has("max-file-size")) {
            try {
                limits = limits.withMaxFileBytes(Long.parseLong(args.value("max-file-size")));
            } catch (NumberFormatException e) {
                throw new UsageException("--max-file-size expects a number of bytes");
            }
        }
        for (String kv : args.values("limit")) {
            int eq = kv.indexOf('=');
            try {
                limits = limits.with(eq < 0 ? kv : kv.substring(0, eq), Long.parseLong(eq < 0 ? "" : kv.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new UsageException("--limit expects NAME=N, got '" + kv + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        String region = args.value("region");
        if (region != null && !RegionAzs.isKnownRegion(region)) {
            err.println("atolint: warning: region '" + region + "' is not in the AZ table; GetAZs stays symbolic");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pf : args.values("params-file")) {
            // STACK=FILE: the file's parameters are for that stack only (its file name without extension)
            int eq = pf.indexOf('=');
            String stack = eq > 0 && !Files.exists(Path.of(pf)) ? pf.substring(0, eq) : null;
            Map<String, String> read = readParamsFile(Path.of(stack == null ? pf : pf.substring(eq + 1)));
            read.forEach((k, v) -> params.put(stack == null ? k : stack + "." + k, v));
        }
        for (String kv : args.values("param")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--param expects KEY=VALUE, got '" + kv + "'");
            }
            params.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String kv : args.values("var")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--var expects NAME=VALUE, got '" + kv + "'");
            }
            vars.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<SourceFile> varFiles = new ArrayList<>();
        for (String f : args.values("var-file")) {
            varFiles.add(readVarFile(Path.of(f), f, limits));
        }
        String root = args.value("root");
        if (root != null && !Files.isDirectory(Path.of(root))) {
            throw new UsageException("--root " + root + " is not a directory");
        }
        return new ParseOptions(region, params, vars, varFiles, limits, root);
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
}
