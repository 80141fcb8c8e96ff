package io.atolint.parse.diagram;

import io.atolint.model.Az;
import io.atolint.model.Model;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;

import java.util.List;

/**
 * What atolint understood from one diagram page, for people ({@code atolint describe}): the model the
 * rules see, plus how each group nests, how each Availability Zone was recognised and how each
 * connector's ends were found; {@code legendShapes} counts the shapes of the page's legends, which are not read.
 */
public record DiagramView(DrawnPage page, Model model, List<GroupView> groups, List<AzView> azs,
                          List<EdgeView> edges, List<String> unresolvedEdges, int ignoredShapes, int legendShapes) {

    /** A container and the container it sits in (null at top level). */
    public record GroupView(Resource group, Resource parent) {
    }

    /** An Availability Zone: its box (or the subnets that name it), the AZ value and how it was recognised. */
    public record AzView(Resource resource, Az az, String how) {
    }

    /** A connector between two resources; {@code snapped} names the ends found from their points. */
    public record EdgeView(String cellId, Resource source, Resource target, RelationType type, String label,
                           String snapped) {
    }
}
