package io.atolint.report;

/**
 * What the writers need beyond the analysis itself (the solution category is the analysis's: its checklist
 * is judged for it).
 *
 * @param baselineApplied whether a baseline was compared with (SARIF then marks each result new or unchanged)
 * @param linkBase        prefix of file links in Markdown: empty for paths relative to the repository root,
 *                        or a web base such as {@code https://github.com/o/r/blob/SHA/}
 * @param repoPrefix      what to put before a scanned file's path to make it relative to the repository
 *                        root (empty when the scan ran from the root)
 * @param docsUri         where the rules reference is published ({@code docs/rules.md} on the web); a rule's
 *                        help link is this with the rule's anchor
 * @param configuration   the configuration file the scan used, as found or named, or null for none (the text
 *                        and JSON reports say it: a file in the scanned tree may switch rules off)
 */
public record ReportSettings(boolean baselineApplied, String linkBase, String repoPrefix,
                             String repoRoot, String docsUri, String configuration) {

    public ReportSettings(boolean baselineApplied, String linkBase, String repoPrefix, String repoRoot, String docsUri) {
        this(baselineApplied, linkBase, repoPrefix, repoRoot, docsUri, null);
    }

    public ReportSettings {
        docsUri = docsUri == null || docsUri.isBlank() ? RuleDocs.BASE_URI : docsUri;
        linkBase = linkBase == null ? "" : linkBase;
        repoPrefix = repoPrefix == null ? "" : repoPrefix;
        repoRoot = repoRoot == null ? "" : repoRoot;
    }

    public static ReportSettings defaults() {
        return new ReportSettings(false, "", "", "", RuleDocs.BASE_URI);
    }

    public ReportSettings withBaselineApplied(boolean b) {
        return new ReportSettings(b, linkBase, repoPrefix, repoRoot, docsUri, configuration);
    }

    /**
     * @param base   web prefix of links, or empty
     * @param prefix the working directory relative to the repository root
     * @param root   the repository root, absolute ({@code /}-separated)
     */
    public ReportSettings withLinks(String base, String prefix, String root) {
        return new ReportSettings(baselineApplied, base, prefix, root, docsUri, configuration);
    }

    public ReportSettings withDocsUri(String uri) {
        return new ReportSettings(baselineApplied, linkBase, repoPrefix, repoRoot, uri, configuration);
    }

    public ReportSettings withConfiguration(String file) {
        return new ReportSettings(baselineApplied, linkBase, repoPrefix, repoRoot, docsUri, file);
    }

    /** The help link of a rule: its heading in the published rules reference. */
    public String helpUri(String ruleId) {
        return docsUri + "#" + RuleDocs.anchor(ruleId);
    }

    /**
     * A scanned file's path relative to the repository root, with {@code .} and {@code ..} resolved: absolute
     * paths inside the root are made relative; a path that leads outside the root stays (or becomes) absolute.
     */
    public String repoPath(String file) {
        String f = Fingerprints.normalisedFile(file);
        if (f.startsWith("/")) {
            String n = normalise(f);
            return !repoRoot.isEmpty() && n.startsWith(repoRoot + "/") ? n.substring(repoRoot.length() + 1) : n;
        }
        String joined = repoPrefix.isEmpty() ? f : repoPrefix.endsWith("/") ? repoPrefix + f : repoPrefix + "/" + f;
        String n = normalise(joined);
        if ((n.equals("..") || n.startsWith("../")) && repoRoot.startsWith("/")) {
            return normalise(repoRoot + "/" + joined);
        }
        return n;
    }

    /** {@code a/./b/../c} as {@code a/c}; leading {@code ..} that cannot be resolved are kept. */
    static String normalise(String path) {
        boolean absolute = path.startsWith("/");
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/", -1)) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(p.equals("..") && absolute)) {
                parts.addLast(p);
            }
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}
