package io.atolint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.analysis.Analysis;
import io.atolint.checklist.Checklist;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.checks.RuleCatalog;
import io.atolint.rule.RuleInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: every rule in {@code tool.driver.rules}, one
 * result per finding with a 1-based region, the logical location (CloudFormation path, Terraform
 * address, diagram page/cell), related locations, a line-independent fingerprint and, for suppressed
 * findings, a {@code suppressions} entry. No timestamps, so the same scan gives the same bytes.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static void write(Analysis a, ReportSettings settings, OutputStream out) throws IOException {
        PrettyJson.write(out, tree(a, settings));
    }

    public static ObjectNode tree(Analysis a, ReportSettings settings) {
        ObjectNode root = PrettyJson.NODES.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "atolint");
        driver.put("semanticVersion", Version.get());
        driver.put("informationUri", RuleDocs.BASE_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<RuleInfo> catalog = RuleCatalog.all();
        for (RuleInfo r : catalog) {
            ruleIndex.put(r.id(), ruleIndex.size());
            rules.add(rule(r, settings));
        }
        run.putArray("invocations").addObject().put("executionSuccessful", true);
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        Map<Finding, String> fingerprints = Fingerprints.of(a.findings());
        for (Finding f : a.findings()) {
            results.add(result(f, fingerprints.get(f), ruleIndex, settings));
        }
        return root;
    }

    private static ObjectNode rule(RuleInfo r, ReportSettings settings) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("id", r.id());
        o.put("name", RuleDocs.name(r));
        o.putObject("shortDescription").put("text", r.title());
        o.putObject("fullDescription").put("text", r.description());
        o.put("helpUri", settings.helpUri(r.id()));
        String doc = r.documentation();
        if (doc != null) {
            ObjectNode help = o.putObject("help");
            help.put("text", r.description());
            help.put("markdown", doc);
        }
        o.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = o.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        r.tags().forEach(tags::add);
        ArrayNode items = props.putArray("checklist");
        Checklist.standard().itemsFor(r.id()).forEach(items::add);
        props.put("severity", r.severity().label());
        props.put("security-severity", securitySeverity(r.severity()));
        return o;
    }

    /** SARIF has three levels; atolint's five map onto them (info notes stay notes). */
    public static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM, LOW -> "warning";
            case INFO -> "note";
        };
    }

    /** GitHub ranks code-scanning alerts by this score (0.1 to 10). */
    private static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.1";
        };
    }

    private static ObjectNode result(Finding f, String fingerprint, Map<String, Integer> ruleIndex, ReportSettings settings) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("ruleId", f.ruleId());
        Integer idx = ruleIndex.get(f.ruleId());
        if (idx != null) {
            o.put("ruleIndex", idx);
        }
        o.put("level", level(f.severity()));
        o.putObject("message").put("text", f.message());
        ObjectNode loc = o.putArray("locations").addObject();
        loc.set("physicalLocation", physical(f.location(), settings));
        String name = f.resource() == null ? null : f.resource().name();
        ArrayNode logical = logical(f.location(), name, f.resource() != null && isResourceItself(f));
        if (logical != null) {
            loc.set("logicalLocations", logical);
        }
        if (!f.related().isEmpty()) {
            ArrayNode related = o.putArray("relatedLocations");
            int id = 1;
            for (Finding.Related rel : f.related()) {
                ObjectNode r = related.addObject();
                r.put("id", id++);
                r.set("physicalLocation", physical(rel.location(), settings));
                r.putObject("message").put("text", rel.message());
            }
        }
        o.putObject("partialFingerprints").put(Fingerprints.KEY, fingerprint);
        if (settings.baselineApplied()) {
            boolean known = f.isSuppressed() && "baseline".equals(f.suppression().kind());
            o.put("baselineState", known ? "unchanged" : "new");
        }
        if (f.isSuppressed()) {
            ObjectNode s = o.putArray("suppressions").addObject();
            s.put("kind", isExternal(f.suppression().kind()) ? "external" : "inSource");
            s.put("status", "accepted");
            s.put("justification", f.suppression().justification());
            if (f.suppression().location() != null && !f.suppression().location().file().isEmpty()) {
                s.putObject("location").set("physicalLocation", physical(f.suppression().location(), settings));
            }
            s.putObject("properties").put("source", f.suppression().kind());
        }
        ObjectNode props = o.putObject("properties");
        props.put("severity", f.severity().label());
        ArrayNode items = props.putArray("checklist");
        Checklist.standard().itemsFor(f.ruleId()).forEach(items::add);
        if (f.resource() != null) {
            props.put("resourceType", f.resource().rawType());
            props.put("resourceKind", f.resource().kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return o;
    }

    /** Baselines and configuration files live outside the analysed source. */
    private static boolean isExternal(String kind) {
        return kind.equals("baseline") || kind.equals("config");
    }

    private static boolean isResourceItself(Finding f) {
        return f.location().equals(f.resource().location());
    }

    private static ArrayNode logical(SourceLocation l, String resourceName, boolean resourceItself) {
        if (l.logicalPath().isEmpty() && resourceName == null) {
            return null;
        }
        ArrayNode arr = PrettyJson.NODES.arrayNode();
        ObjectNode o = arr.addObject();
        String path = l.logicalPath().isEmpty() ? resourceName : l.logicalPath();
        if (resourceName != null) {
            o.put("name", resourceName);
        }
        o.put("fullyQualifiedName", path);
        o.put("kind", resourceItself || l.logicalPath().isEmpty() ? "resource" : "property");
        return arr;
    }

    /**
     * Every location has a region with a start line (GitHub code scanning places a result by it): a finding
     * about a whole file (a PNG diagram, a file too large to read) points at its first line.
     */
    static ObjectNode physical(SourceLocation l, ReportSettings settings) {
        ObjectNode p = PrettyJson.NODES.objectNode();
        p.putObject("artifactLocation").put("uri", uri(settings.repoPath(l.file())));
        if (!l.hasLine()) {
            p.putObject("region").put("startLine", 1);
        } else {
            ObjectNode region = p.putObject("region");
            region.put("startLine", l.startLine());
            if (l.startColumn() > 0) {
                region.put("startColumn", l.startColumn());
            }
            if (l.endLine() >= l.startLine()) {
                region.put("endLine", l.endLine());
                if (l.endColumn() > 0 && l.startColumn() > 0
                        && (l.endLine() > l.startLine() || l.endColumn() > l.startColumn())) {
                    region.put("endColumn", l.endColumn());
                }
            }
        }
        return p;
    }

    /**
     * A relative URI reference for a path relative to the repository root (percent-encoded, no {@code ..}
     * segment: {@link ReportSettings#repoPath} resolved them), a file: URI for an absolute one.
     */
    static String uri(String file) {
        String f = ReportSettings.normalise(Fingerprints.normalisedFile(file));
        try {
            if (f.startsWith("/")) {
                return new URI("file", "", f, null).toASCIIString();
            }
            // a colon in the first segment would read as a scheme: percent-encoded there (a "./" prefix would
            // be a dot segment, which code scanning does not resolve)
            String u = new URI(null, null, f, null).toASCIIString();
            int slash = u.indexOf('/');
            String first = slash < 0 ? u : u.substring(0, slash);
            return first.replace(":", "%3A") + (slash < 0 ? "" : u.substring(slash));
        } catch (URISyntaxException e) {
            return f.replace(" ", "%20");
        }
    }
}
