package io.atolint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.analysis.Analysis;
import io.atolint.checklist.Checklist;
import io.atolint.model.Az;
import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report (documented in README.md). Fields are only ever added, never renamed; the
 * {@code schemaVersion} changes its minor number when fields are added.
 */
public final class JsonReport {
    public static final String SCHEMA_VERSION = "1.2";

    private JsonReport() {
    }

    public static void write(Analysis a, OutputStream out) throws IOException {
        write(a, out, null);
    }

    /** With the configuration file the scan used ({@code "configuration"}, null when none; since 1.2). */
    public static void write(Analysis a, OutputStream out, String configuration) throws IOException {
        ObjectNode root = tree(a);
        ObjectNode withConfig = PrettyJson.NODES.objectNode();
        root.fields().forEachRemaining(e -> {
            withConfig.set(e.getKey(), e.getValue());
            if (e.getKey().equals("tool")) {
                withConfig.put("configuration", configuration);
            }
        });
        PrettyJson.write(out, withConfig);
    }

    public static ObjectNode tree(Analysis a) {
        ObjectNode root = PrettyJson.NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "atolint");
        tool.put("version", Version.get());
        root.set("summary", summary(a));
        ArrayNode findings = root.putArray("findings");
        Map<Finding, String> fingerprints = Fingerprints.of(a.findings());
        for (Finding f : a.findings()) {
            findings.add(finding(f, fingerprints.get(f)));
        }
        ArrayNode resources = root.putArray("resources");
        for (Model m : a.graph().models()) {
            for (Resource r : m.resources()) {
                resources.add(resource(r, m));
            }
        }
        root.set("topology", TopologyJson.section(a.facts()));
        if (!a.reconciliations().isEmpty()) {
            root.set("reconciliation", ReconciliationReport.json(a));
        }
        ArrayNode skipped = root.putArray("skipped");
        a.scan().skipped().forEach((file, why) -> {
            ObjectNode s = skipped.addObject();
            s.put("file", file);
            s.put("reason", why);
        });
        return root;
    }

    private static ObjectNode summary(Analysis a) {
        ObjectNode s = PrettyJson.NODES.objectNode();
        s.put("inputs", a.scan().inputs().size());
        s.put("models", a.graph().models().size());
        s.put("resources", a.graph().resources().size());
        s.put("skipped", a.scan().skipped().size());
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int suppressed = 0;
        for (Finding f : a.findings()) {
            if (f.isSuppressed()) {
                suppressed++;
            } else {
                counts.merge(f.severity(), 1, Integer::sum);
            }
        }
        ObjectNode bySeverity = s.putObject("findings");
        for (Severity sev : Severity.values()) {
            bySeverity.put(sev.label(), counts.getOrDefault(sev, 0));
        }
        s.put("suppressed", suppressed);
        return s;
    }

    /** A finding with the fingerprint it has on its own (see {@link Fingerprints#of(List)} for a whole scan). */
    public static ObjectNode finding(Finding f) {
        return finding(f, Fingerprints.of(f));
    }

    public static ObjectNode finding(Finding f, String fingerprint) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("ruleId", f.ruleId());
        o.put("severity", f.severity().label());
        o.put("message", f.message());
        ArrayNode items = o.putArray("checklist");
        Checklist.standard().itemsFor(f.ruleId()).forEach(items::add);
        o.set("location", location(f.location()));
        if (f.resource() != null) {
            ObjectNode r = o.putObject("resource");
            r.put("id", f.resource().name());
            r.put("type", f.resource().rawType());
            r.put("kind", f.resource().kind().name().toLowerCase(Locale.ROOT));
            r.put("name", f.resource().displayName());
        } else {
            o.putNull("resource");
        }
        ArrayNode related = o.putArray("related");
        for (Finding.Related rel : f.related()) {
            ObjectNode x = related.addObject();
            x.put("message", rel.message());
            x.set("location", location(rel.location()));
        }
        if (f.isSuppressed()) {
            ObjectNode sup = o.putObject("suppression");
            sup.put("kind", f.suppression().kind());
            sup.put("justification", f.suppression().justification());
            if (f.suppression().location() != null) {
                sup.set("location", location(f.suppression().location()));
            }
        }
        o.put("fingerprint", fingerprint);
        return o;
    }

    public static ObjectNode location(SourceLocation l) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("file", l.file());
        o.put("startLine", l.startLine());
        o.put("startColumn", l.startColumn());
        o.put("endLine", l.endLine());
        o.put("endColumn", l.endColumn());
        o.put("logicalPath", l.logicalPath());
        return o;
    }

    private static ObjectNode resource(Resource r, Model m) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("id", r.name());
        o.put("type", r.rawType());
        o.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        o.put("name", r.displayName());
        o.put("unit", m.unit());
        o.put("format", m.format().name().toLowerCase(Locale.ROOT));
        o.set("location", location(r.location()));
        o.set("placement", placement(r.placement()));
        if (!r.meta().isEmpty()) {
            ObjectNode meta = o.putObject("meta");
            r.meta().forEach(meta::put);
        }
        return o;
    }

    public static ObjectNode placement(Placement p) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("scope", p.scope().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ArrayNode azs = o.putArray("azs");
        for (Az az : p.azs()) {
            azs.add(az(az));
        }
        Placement.AzCount c = p.azCount();
        if (c == null) {
            o.putNull("azCount");
        } else if (c.isExact()) {
            o.put("azCount", c.min());
        } else {
            o.putNull("azCount");
            ObjectNode range = o.putObject("azCountRange");
            range.put("min", c.min());
            range.put("max", c.max());
        }
        if (!p.reason().isEmpty()) {
            o.put("reason", p.reason());
        }
        return o;
    }

    public static ObjectNode az(Az az) {
        ObjectNode a = PrettyJson.NODES.objectNode();
        a.put("value", az.value());
        a.put("type", switch (az.type()) {
            case LITERAL -> "literal";
            case ZONE_ID -> "zone-id";
            case SYMBOL -> "symbol";
            case UNKNOWN -> "unknown";
        });
        a.put("how", az.how());
        return a;
    }
}
