package io.atolint.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user told us about the deployment: the region (turns {@code GetAZs} indexes into names),
 * CloudFormation parameter values, Terraform variables and var-file contents, and limits.
 *
 * @param parameters    CloudFormation parameter values ({@code --param}, {@code --params-file})
 * @param variables     Terraform variable values given on the command line ({@code --var K=V}), as
 *                      HCL expression text
 * @param varFiles      contents of {@code --var-file} files, in order (later wins)
 * @param repositoryRoot the directory given with {@code --root}, above which nothing is read (null: the
 *                      enclosing git work tree of each scanned path, else the path itself)
 */
public record ParseOptions(String region, Map<String, String> parameters, Map<String, String> variables,
                           List<SourceFile> varFiles, Limits limits, String repositoryRoot) {

    public ParseOptions {
        parameters = Map.copyOf(new LinkedHashMap<>(parameters));
        variables = Map.copyOf(new LinkedHashMap<>(variables));
        varFiles = List.copyOf(varFiles);
    }

    public ParseOptions(String region, Map<String, String> parameters, Map<String, String> variables,
                        List<SourceFile> varFiles, Limits limits) {
        this(region, parameters, variables, varFiles, limits, null);
    }

    public static ParseOptions defaults() {
        return new ParseOptions(null, Map.of(), Map.of(), List.of(), Limits.defaults());
    }

    public Optional<String> regionOpt() {
        return Optional.ofNullable(region).filter(r -> !r.isBlank());
    }

    public ParseOptions withRegion(String r) {
        return new ParseOptions(r, parameters, variables, varFiles, limits, repositoryRoot);
    }

    public ParseOptions withParameters(Map<String, String> p) {
        return new ParseOptions(region, p, variables, varFiles, limits, repositoryRoot);
    }

    public ParseOptions withVariables(Map<String, String> v) {
        return new ParseOptions(region, parameters, v, varFiles, limits, repositoryRoot);
    }

    public ParseOptions withVarFiles(List<SourceFile> f) {
        return new ParseOptions(region, parameters, variables, f, limits, repositoryRoot);
    }

    public ParseOptions withRepositoryRoot(String root) {
        return new ParseOptions(region, parameters, variables, varFiles, limits, root);
    }

    public ParseOptions withLimits(Limits l) {
        return new ParseOptions(region, parameters, variables, varFiles, l, repositoryRoot);
    }
}
