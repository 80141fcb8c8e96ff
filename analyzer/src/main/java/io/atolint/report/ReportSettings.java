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
 */
public record ReportSettings(boolean baselineApplied, String linkBase, String repoPrefix,
                             String repoRoot, String docsUri) {

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
        return new ReportSettings(b, linkBase, repoPrefix, repoRoot, docsUri);
    }

    /**
     * @param base   web prefix of links, or empty
     * @param prefix the working directory relative to the repository root
     * @param root   the repository root, absolute ({@code /}-separated)
     */
    public ReportSettings withLinks(String base, String prefix, String root) {
        return new ReportSettings(baselineApplied, base, prefix, root, docsUri);
    }

    public ReportSettings withDocsUri(String uri) {
        return new ReportSettings(baselineApplied, linkBase, repoPrefix, repoRoot, uri);
    }

    /** The help link of a rule: its heading in the published rules reference. */
    public String helpUri(String ruleId) {
        return docsUri + "#" + RuleDocs.anchor(ruleId);
    }

    /** A scanned file's path relative to the repository root (absolute paths inside it are made relative). */
    public String repoPath(String file) {
        String f = Fingerprints.normalisedFile(file);
        if (f.startsWith("/")) {
            return !repoRoot.isEmpty() && f.startsWith(repoRoot + "/") ? f.substring(repoRoot.length() + 1) : f;
        }
        if (repoPrefix.isEmpty()) {
            return f;
        }
        return repoPrefix.endsWith("/") ? repoPrefix + f : repoPrefix + "/" + f;
    }
}
