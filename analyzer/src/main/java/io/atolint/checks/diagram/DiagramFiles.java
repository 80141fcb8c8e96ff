package io.atolint.checks.diagram;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The diagram pages of a scan, grouped by the file they were drawn in (the checklist judges a diagram as a whole). */
final class DiagramFiles {
    private DiagramFiles() {
    }

    /**
     * The diagram files of the scan, every page declared examined: a diagram rule judges each page it is
     * given, so a page without a finding is a pass for the checklist, not "nothing in scope".
     */
    static Map<String, List<Model>> examinedByFile(RuleContext ctx) {
        Map<String, List<Model>> files = byFile(ctx.graph());
        files.values().forEach(pages -> pages.forEach(ctx::examined));
        return files;
    }

    static Map<String, List<Model>> byFile(ResourceGraph graph) {
        Map<String, List<Model>> out = new LinkedHashMap<>();
        for (Model m : graph.models()) {
            if (m.format().isDiagram() && !m.files().isEmpty()) {
                out.computeIfAbsent(m.files().get(0), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    static List<Resource> resources(List<Model> pages) {
        List<Resource> out = new ArrayList<>();
        for (Model m : pages) {
            out.addAll(m.resources());
        }
        return out;
    }

    static boolean isContainer(Resource r) {
        return r.meta("container").isPresent();
    }

    /** A shape drawn for an AWS service or something outside AWS: not a group, AZ or unrecognised box. */
    static boolean isElement(Resource r) {
        return !isContainer(r) && r.kind() != io.atolint.model.Kind.UNKNOWN
                && r.kind() != io.atolint.model.Kind.DIAGRAM_GROUP && r.kind() != io.atolint.model.Kind.AVAILABILITY_ZONE;
    }

    static String label(Resource r) {
        // by its label, or by kind and position; the cell is in the finding's location
        return "\"" + r.displayName() + "\"";
    }
}
