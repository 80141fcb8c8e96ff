package io.atolint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.analysis.Analysis;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.ItemAssessment;
import io.atolint.checklist.RuleEvidence;
import io.atolint.checklist.Verdict;
import io.atolint.model.Finding;
import io.atolint.model.Resource;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The self-assessment as JSON (layout in README.md, "atolint checklist"). Fields are only ever added,
 * never renamed. Findings use the same shape as the scan report's.
 */
public final class AssessmentJson {
    public static final String SCHEMA_VERSION = "1.0";

    private AssessmentJson() {
    }

    public static void write(Assessment a, Analysis analysis, OutputStream out) throws IOException {
        PrettyJson.write(out, tree(a, analysis));
    }

    public static ObjectNode tree(Assessment a, Analysis analysis) {
        ObjectNode root = PrettyJson.NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "atolint");
        tool.put("version", Version.get());
        if (a.category() == null) {
            root.putNull("category");
        } else {
            root.put("category", a.category().id());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("items", a.items().size());
        a.counts().forEach((v, n) -> summary.put(camel(v), n));
        ObjectNode gaps = summary.putObject("needsEvidenceBy");
        a.gaps().forEach((g, n) -> gaps.put(g.id(), n));
        summary.put("inputs", analysis.scan().inputs().size());
        summary.put("models", analysis.graph().models().size());
        summary.put("resources", analysis.graph().resources().size());
        ArrayNode problems = root.putArray("inputProblems");
        a.inputProblems().forEach(f -> problems.add(JsonReport.finding(f)));
        ArrayNode items = root.putArray("items");
        for (ItemAssessment i : a.items()) {
            items.add(item(i));
        }
        return root;
    }

    private static String camel(Verdict v) {
        return switch (v) {
            case MET -> "met";
            case NOT_MET -> "notMet";
            case NEEDS_EVIDENCE -> "needsEvidence";
            case NOT_APPLICABLE -> "notApplicable";
        };
    }

    private static ObjectNode item(ItemAssessment i) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("id", i.item().id());
        o.put("section", i.item().section());
        o.put("title", i.item().title());
        o.put("requirement", i.item().requirement());
        ArrayNode applies = o.putArray("applies");
        io.atolint.checklist.Checklist.CATEGORIES.stream().filter(i.item().applies()::contains).forEach(applies::add);
        o.put("verdict", i.verdict().id());
        if (i.gap() == null) {
            o.putNull("gap");
        } else {
            o.put("gap", i.gap().id());
        }
        o.put("reason", i.reason());
        if (i.item().expects() == null) {
            o.putNull("expects");
        } else {
            o.put("expects", i.item().expects());
        }
        ArrayNode rules = o.putArray("rules");
        for (RuleEvidence r : i.rules()) {
            rules.add(rule(r));
        }
        return o;
    }

    private static ObjectNode rule(RuleEvidence r) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        o.put("id", r.ruleId());
        o.put("title", r.title());
        o.put("ran", r.ran());
        o.put("examined", r.examinedCount());
        ArrayNode res = o.putArray("examinedResources");
        for (Resource x : r.examinedResources()) {
            res.add(x.name());
        }
        ArrayNode units = o.putArray("examinedUnits");
        r.examinedUnits().forEach(units::add);
        o.set("findings", findings(r.failures()));
        o.set("undecided", findings(r.undecided()));
        o.set("informational", findings(r.informational()));
        o.set("suppressed", findings(r.suppressed()));
        return o;
    }

    private static ArrayNode findings(List<Finding> fs) {
        ArrayNode a = PrettyJson.NODES.arrayNode();
        fs.forEach(f -> a.add(JsonReport.finding(f)));
        return a;
    }
}
