package io.atolint.parse.diagram;

import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.atolint.parse.diagram.DiagramReaderTest.ICON;
import static io.atolint.parse.diagram.DiagramReaderTest.cell;
import static io.atolint.parse.diagram.DiagramReaderTest.edge;
import static io.atolint.parse.diagram.DiagramReaderTest.file;
import static io.atolint.parse.diagram.DiagramReaderTest.model;
import static io.atolint.parse.diagram.DiagramReaderTest.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's legend explains its icons: they are not part of the solution the page draws. */
class LegendsTest {
    private static final String SUBNET = "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;container=1;"
            + "verticalAlign=top;align=left;";
    private static final String BOX = "rounded=0;whiteSpace=wrap;html=1;verticalAlign=top;align=left;";
    private static final String TEXT = "text;html=1;strokeColor=none;fillColor=none;";

    /** Two web servers, a line between them: the solution. */
    private static final String SOLUTION = cell("web", "Web", ICON + "ec2;", 0, 0, 48, 48, "1")
            + cell("api", "API", ICON + "ec2;", 200, 0, 48, 48, "1")
            + cell("db", "Orders", ICON + "rds;", 400, 0, 48, 48, "1")
            + edge("e1", "web", "api", "") + edge("e2", "api", "db", "");

    private static List<String> names(String cells) {
        Model m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(cells)))));
        return m.resources().stream().map(Resource::displayName).sorted().toList();
    }

    @Test
    void theIconsAndLinesOfABoxTitledLegendAreNotRead() {
        String legend = cell("leg", "Legend", BOX, 600, 0, 200, 300, "1")
                + cell("l1", "Amazon EC2", ICON + "ec2;", 610, 40, 40, 40, "1")
                + cell("l2", "NAT gateway", ICON + "nat_gateway;", 610, 100, 40, 40, "1")
                + cell("l3", "Public subnet", SUBNET, 610, 160, 150, 40, "1")
                + "<mxCell id=\"sample\" value=\"HTTPS\" edge=\"1\" parent=\"1\" style=\"endArrow=classic;\"><mxGeometry relative=\"1\""
                + " as=\"geometry\"><mxPoint x=\"610\" y=\"250\" as=\"sourcePoint\"/><mxPoint x=\"700\" y=\"250\" as=\"targetPoint\"/>"
                + "</mxGeometry></mxCell>\n";
        assertEquals(List.of("API", "Orders", "Web"), names(SOLUTION + legend));
    }

    @Test
    void aFreeTextTitlesTheBoxItStandsAtTheTopOf() {
        String legend = cell("leg", "", BOX, 600, 0, 200, 300, "1")
                + cell("t", "凡例", TEXT, 610, 5, 60, 20, "1")
                + cell("l1", "Amazon S3", ICON + "s3;", 610, 40, 40, 40, "1");
        assertEquals(List.of("API", "Orders", "Web"), names(SOLUTION + legend));
    }

    @Test
    void aBoxSoTitledIsPartOfTheSolutionWhenALineJoinsItsContentToTheRest() {
        String notALegend = cell("leg", "Legend", BOX, 600, 0, 200, 300, "1")
                + cell("cache", "Cache", ICON + "elasticache;", 610, 40, 40, 40, "1")
                + edge("e3", "api", "cache", "");
        assertTrue(names(SOLUTION + notALegend).contains("Cache"));
    }

    @Test
    void aBoxSoTitledIsPartOfTheSolutionWhenItHoldsAGroupOfIcons() {
        String notALegend = cell("leg", "Legend", BOX, 600, 0, 300, 300, "1")
                + cell("sn", "Private subnet", SUBNET, 610, 40, 250, 200, "1")
                + cell("worker", "Worker", ICON + "ec2;", 650, 100, 48, 48, "1");
        assertTrue(names(SOLUTION + notALegend).contains("Worker"));
    }

    @Test
    void anIconLabelledKeyIsAKeyNotTheTitleOfItsBox() {
        String subnet = cell("sn", "Private subnet", SUBNET, 600, 0, 300, 200, "1")
                + cell("key", "Key", ICON + "key_management_service;", 610, 5, 30, 30, "1")
                + cell("worker", "Worker", ICON + "ec2;", 700, 80, 48, 48, "1");
        List<String> names = names(SOLUTION + subnet);
        assertTrue(names.contains("Worker") && names.contains("Private subnet"), names.toString());
    }

    @Test
    void aFreeTitleWithUnconnectedIconsAndCaptionsCloseBelowItIsALegendWithoutABox() {
        String legend = cell("t", "Legend:", TEXT, 600, 0, 80, 20, "1")
                + cell("l1", "", ICON + "ec2;", 600, 30, 40, 40, "1") + cell("c1", "Instance", TEXT, 650, 40, 80, 20, "1")
                + cell("l2", "", ICON + "s3;", 600, 85, 40, 40, "1") + cell("c2", "Bucket", TEXT, 650, 95, 80, 20, "1");
        assertEquals(List.of("API", "Orders", "Web"), names(SOLUTION + legend));
    }

    @Test
    void aFreeTitleDoesNotTakeIconsALineJoinsToTheSolutionNorWhatStandsFarFromIt() {
        String page = cell("t", "Legend", TEXT, 600, 0, 80, 20, "1")
                + cell("cache", "Cache", ICON + "elasticache;", 600, 30, 40, 40, "1") + edge("e3", "api", "cache", "")
                + cell("far", "Archive", ICON + "s3;", 600, 300, 40, 40, "1");
        List<String> names = names(SOLUTION + page);
        assertTrue(names.contains("Cache") && names.contains("Archive"), names.toString());
    }

    @Test
    void aFreeTitleInsideABoxOrAboveNothingButTextsIsNoLegend() {
        String inCloud = cell("cloud", "AWS Cloud", BOX, 560, -40, 400, 400, "1")
                + cell("t", "Legend", TEXT, 600, 100, 80, 20, "1")
                + cell("l1", "Batch", ICON + "ec2;", 600, 130, 40, 40, "1");
        assertTrue(names(SOLUTION + inCloud).contains("Batch"));
    }

    @Test
    void legendTitles() {
        for (String t : List.of("Legend", "LEGEND:", "Icon legend", "Legends", "Key", "Key:", "凡例", "图例", "범례",
                "Leyenda", "Légende", "Legende", "Legend - line styles")) {
            assertTrue(Legends.isLegendTitle(t), t);
        }
        for (String t : List.of("Key Management", "KMS key", "Legendary app", "Keycloak", "API keys", "", "Legend of the "
                + "seven AWS accounts that this organisation runs in production")) {
            assertFalse(Legends.isLegendTitle(t), t);
        }
    }
}
