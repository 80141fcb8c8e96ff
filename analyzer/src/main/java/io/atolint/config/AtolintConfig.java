package io.atolint.config;

import io.atolint.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * The contents of {@code .atolint.yml}. Every field is optional (null or empty when absent);
 * command-line options win over it.
 *
 * @param file        where it was read from (for messages)
 * @param baseDir     the directory holding it: {@code ignore-paths} and {@code baseline} are relative to it
 * @param rules       per rule id: whether it runs and at which severity
 * @param ignorePaths glob patterns of files not to scan ({@code legacy/**}, {@code **}{@code /test/*.yaml})
 * @param formats     default reports, as {@code --format} takes them ({@code text}, {@code sarif=atolint.sarif})
 * @param limits      safety limits by {@code --limit} name ({@code file-bytes: 20000000})
 * @param docsUri     where the rules reference is published, for the help links of SARIF and Markdown
 * @param reconcile   the diagrams to compare with the IaC they should show, paths relative to {@code baseDir}
 */
public record AtolintConfig(String file, String baseDir, String region, String category, Severity failOn,
                            List<String> formats, Map<String, String> parameters, Map<String, String> variables,
                            List<String> ignorePaths, Map<String, RuleSetting> rules, String baseline,
                            Map<String, Long> limits, String docsUri, List<DiagramPair> reconcile) {

    /**
     * A diagram and the IaC it should show, as written: paths relative to the configuration's directory
     * (never outside it), the page (null: every page), and where the entry is written.
     */
    public record DiagramPair(String diagram, Integer page, List<String> iac, int line, int column) {
        public DiagramPair {
            iac = List.copyOf(iac);
        }
    }

    public AtolintConfig(String file, String baseDir, String region, String category, Severity failOn,
                         List<String> formats, Map<String, String> parameters, Map<String, String> variables,
                         List<String> ignorePaths, Map<String, RuleSetting> rules, String baseline,
                         Map<String, Long> limits, String docsUri) {
        this(file, baseDir, region, category, failOn, formats, parameters, variables, ignorePaths, rules, baseline,
                limits, docsUri, List.of());
    }

    public AtolintConfig {
        formats = List.copyOf(formats);
        parameters = Map.copyOf(parameters);
        variables = Map.copyOf(variables);
        ignorePaths = List.copyOf(ignorePaths);
        rules = Map.copyOf(rules);
        limits = Map.copyOf(limits);
        reconcile = List.copyOf(reconcile);
    }

    /** No configuration file. */
    public static AtolintConfig none() {
        return new AtolintConfig(null, null, null, null, null, List.of(), Map.of(), Map.of(), List.of(), Map.of(), null, Map.of(), null);
    }

    /** A rule's setting: {@code enabled} null means unchanged, {@code severity} null means the rule's own. */
    public record RuleSetting(Boolean enabled, Severity severity) {
        public boolean disabled() {
            return Boolean.FALSE.equals(enabled);
        }
    }
}
