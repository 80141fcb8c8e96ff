package io.atolint.parse.diagram;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.atolint.parse.diagram.DiagramReaderTest.ICON;
import static io.atolint.parse.diagram.DiagramReaderTest.cell;
import static io.atolint.parse.diagram.DiagramReaderTest.file;
import static io.atolint.parse.diagram.DiagramReaderTest.model;
import static io.atolint.parse.diagram.DiagramReaderTest.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain boxes named by an address block or a network role are read by where they are drawn. */
class PlainNetworkBoxesTest {
    private static final String BOX = "rounded=0;whiteSpace=wrap;html=1;verticalAlign=top;align=left;fillColor=none;";
    private static final String AZ = "fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;html=1;";

    private static List<String> ofKind(String cells, Kind kind) {
        Model m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(cells)))));
        return m.resources().stream().filter(r -> r.kind() == kind).map(Resource::displayName).sorted().toList();
    }

    @Test
    void anAddressBlockHoldingLongerOnesIsAVpcAndTheyAreItsSubnets() {
        String cells = cell("vpc", "10.0.0.0/16", BOX, 0, 0, 800, 500, "1")
                + cell("a", "10.0.1.0/24", BOX, 20, 40, 300, 200, "1")
                + cell("b", "10.0.2.0/24", BOX, 400, 40, 300, 200, "1")
                + cell("web", "Web", ICON + "ec2;", 100, 100, 48, 48, "1");
        assertEquals(List.of("10.0.0.0/16"), ofKind(cells, Kind.VPC));
        assertEquals(List.of("10.0.1.0/24", "10.0.2.0/24"), ofKind(cells, Kind.SUBNET), "the empty one too");
    }

    @Test
    void aRoleNamedBoxIsASubnetOnlyInsideANetwork() {
        String inside = cell("az", "Availability Zone 1", AZ, 0, 0, 400, 500, "1")
                + cell("pub", "Public", BOX, 20, 40, 300, 150, "1")
                + cell("priv", "Private (app)", BOX, 20, 250, 300, 200, "1")
                + cell("web", "Web", ICON + "ec2;", 100, 300, 48, 48, "1");
        assertEquals(List.of("Private (app)", "Public"), ofKind(inside, Kind.SUBNET));
        String outside = cell("pub", "Public", BOX, 20, 40, 300, 150, "1")
                + cell("web", "Web", ICON + "ec2;", 100, 80, 48, 48, "1");
        assertEquals(List.of(), ofKind(outside, Kind.SUBNET), "a box named Public outside any VPC or AZ");
    }

    @Test
    void routeAndRuleNotesNameBlocksWithoutDrawingANetwork() {
        String cells = cell("vpc", "VPC", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;", 0, 0, 800, 500, "1")
                + cell("rt", "Public route table 0.0.0.0/0 → IGW", BOX, 20, 40, 300, 60, "1")
                + cell("nacl", "Allow 10.1.0.0/16", BOX, 400, 40, 300, 60, "1")
                + cell("web", "Web", ICON + "ec2;", 100, 300, 48, 48, "1");
        assertEquals(List.of(), ofKind(cells, Kind.SUBNET));
    }
}
