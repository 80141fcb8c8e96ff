package io.atolint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code atolint describe}: what was understood from a diagram, in text and JSON, on stdout only. */
class DescribeCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new String[]{Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** What {@code describe} prints on stdout; it must succeed. */
    private static String described(String... args) {
        String[] r = run(args);
        assertEquals("0", r[0], r[2]);
        return r[1];
    }

    /** A draw.io file of one page holding {@code cells}, written into {@code dir}. */
    /** AWS resource icons in a row: {id, label, draw.io resource icon, x} each. */
    private static StringBuilder iconRow(String[][] shapes) {
        StringBuilder cells = new StringBuilder();
        for (String[] c : shapes) {
            cells.append("<mxCell id=\"").append(c[0]).append("\" value=\"").append(c[1])
                    .append("\" style=\"shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.").append(c[2])
                    .append(";\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"").append(c[3])
                    .append("\" y=\"0\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell>\n");
        }
        return cells;
    }

    private static String drawio(java.nio.file.Path dir, String cells) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("page.drawio");
        java.nio.file.Files.writeString(file, "<mxfile><diagram id=\"d\" name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/>"
                + "<mxCell id=\"1\" parent=\"0\"/>" + cells + "</root></mxGraphModel></diagram></mxfile>");
        return file.toString();
    }

    @Test
    void textNamesGroupsAzsServicesAndConnections() {
        String out = described("describe",
                Repo.path("fixtures/rules/DIAG004/az-style-free-text-beside-band/architecture.drawio").toString());
        assertTrue(out.contains("AZ (cell band1)") || out.contains("AZ  (cell band1)") || out.contains("(cell band1)"), out);
        assertTrue(out.contains("free text 'AZ1' beside an unlabelled band"), out);
        // the reviewer's summary: two AZs, one VPC, four subnets, the users outside AWS, each tier in two AZs
        assertTrue(out.contains("AZs drawn: 2; VPCs: 1; subnets: 4 (2 public, 2 private)"), out);
        assertTrue(out.contains("outside AWS: Users"), out);
        assertTrue(out.contains("tiers: load-balancing in 2 AZs; compute in 2 AZs; data in 2 AZs"), out);
        assertTrue(out.contains("Orders DB primary") && out.contains("replica pairs:"), out);
        assertTrue(out.contains("RDS_INSTANCE") && out.contains("'Orders DB primary' (cell db1)"), out);
        assertTrue(out.contains("'Users' (cell users) -> 'Web ALB' (cell alb)  CONNECTS_OUTSIDE  \"HTTPS\""), out);
        assertTrue(out.contains("vpc 'VPC' (cell vpc)"), out);
    }

    @Test
    void aLegendLeftOutIsSaid() {
        String out = described("describe",
                Repo.path("fixtures/rules/DIAG001/drawio-legend-drawn-without-a-box/architecture.drawio").toString());
        // the title, five icons and their five captions
        assertTrue(out.contains("legend: 11 shape(s) left out"), out);
        assertFalse(out.contains("Amazon S3"), out);
        String json = described("describe", "--format", "json",
                Repo.path("fixtures/rules/DIAG001/drawio-legend-drawn-without-a-box/architecture.drawio").toString());
        assertTrue(json.contains("\"legendShapes\" : 11"), json);
    }

    @Test
    void aDiagramInJapaneseIsReadAsOneInEnglish() {
        String out = described("describe", Repo.path("fixtures/rules/HA002/drawio-japanese-labels/architecture.drawio").toString());
        assertTrue(out.contains("AZs drawn: 2; VPCs: 1; subnets: 4 (2 public, 2 private)"), out);
        assertTrue(out.contains("outside AWS: ユーザー"), out);
        // プライマリ / スタンバイ are primary and standby: the two RDS instances are one replica pair
        assertTrue(out.contains("RDS instances \"RDS (プライマリ)\", \"RDS (スタンバイ)\""), out);
    }

    @Test
    void twoBucketIconsAreNoReplicaPair(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // two "Amazon S3" icons (a log bucket, a site bucket) and an RDS primary and standby: one replica pair
        String[][] shapes = {{"s3a", "Amazon S3", "s3", "0"}, {"s3b", "Amazon S3", "s3", "200"},
            {"db1", "Orders DB primary", "rds", "400"}, {"db2", "Orders DB standby", "rds", "600"}};
        StringBuilder cells = iconRow(shapes);
        JsonNode pairs = new ObjectMapper().readTree(described("describe", drawio(dir, cells.toString()), "--format", "json"))
                .findValue("replicaPairs");
        assertEquals(1, pairs.size(), pairs.toString());
        assertTrue(pairs.toString().contains("Orders DB primary"), pairs.toString());
    }

    @Test
    void aFailoverRecordsTwoLegsAreAnActivePassivePair(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Route 53 sends 'Primary' to the load balancer of one region and 'Secondary' to that of another (as on a
        // reviewed page of the development set); a third line, labelled otherwise, makes no pair
        String[][] shapes = {{"r53", "Failover record", "route_53", "0"}, {"nlbA", "NLB region A", "network_load_balancer", "200"},
            {"nlbB", "NLB region B", "network_load_balancer", "400"}, {"nlbC", "NLB test", "network_load_balancer", "600"}};
        StringBuilder cells = iconRow(shapes);
        String[][] lines = {{"e1", "Primary", "nlbA"}, {"e2", "Secondary", "nlbB"}, {"e3", "health check", "nlbC"}};
        for (String[] e : lines) {
            cells.append("<mxCell id=\"").append(e[0]).append("\" value=\"").append(e[1]).append("\" edge=\"1\" parent=\"1\" ")
                    .append("source=\"r53\" target=\"").append(e[2]).append("\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>\n");
        }
        JsonNode pairs = new ObjectMapper().readTree(described("describe", drawio(dir, cells.toString()), "--format", "json"))
                .findValue("replicaPairs");
        assertEquals(1, pairs.size(), pairs.toString());
        assertEquals("[\"NLB region A\",\"NLB region B\"]", pairs.get(0).get("members").toString());
    }

    @Test
    void aSubnetsNameWrittenOnItsTopEdgeNamesItNotTheColumnAroundIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // an unlabelled public subnet group (110 x 120) in a dashed column; its name is a free text on its top edge
        // as wide as the subnet (110 x 30: a quarter of its area): the subnet's name, not a title of the column
        String subnet = "points=[[0,0]];outlineConnect=0;html=1;container=1;shape=mxgraph.aws4.group;"
                + "grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;";
        String cells = "<mxCell id=\"col\" value=\"\" style=\"rounded=1;dashed=1;fillColor=none;strokeColor=#F59D56;\" vertex=\"1\" parent=\"1\">"
                + "<mxGeometry x=\"150\" y=\"230\" width=\"160\" height=\"520\" as=\"geometry\"/></mxCell>"
                + "<mxCell id=\"sn\" value=\"\" style=\"" + subnet + "\" vertex=\"1\" parent=\"1\">"
                + "<mxGeometry x=\"180\" y=\"238\" width=\"110\" height=\"120\" as=\"geometry\"/></mxCell>"
                + "<mxCell id=\"name\" value=\"public-subnet-az1\" style=\"text;html=1;\" vertex=\"1\" parent=\"1\">"
                + "<mxGeometry x=\"180\" y=\"230\" width=\"110\" height=\"30\" as=\"geometry\"/></mxCell>";
        String out = described("describe", drawio(dir, cells));
        assertTrue(out.contains("subnet 'public-subnet-az1' (cell sn)"), out);
        assertTrue(out.contains("subnets: 1 (1 public, 0 private)"), out);
    }

    /** The tier summary reads a page as a reviewer does; each fixture is drawn for one reading. */
    @Test
    void tierSummaryReadsAsAReviewer() {
        String[][] cases = {
            // a bastion in AZ 1 is not the application tier: the tasks, in no AZ box, leave it unknown
            {"fixtures/rules/HA002/drawio-bastion-beside-tasks-of-unknown-azs", "compute AZs cannot be told"},
            // a database in AZ 1 and a cache in AZ 2 are two single-AZ stores, not a data tier in 2 AZs
            {"fixtures/rules/HA003/drawio-database-and-cache-in-different-azs", "data in 1 AZ"},
            // a box of tasks lopsided over the AZ boundary: one task per AZ is not what the picture says
            {"fixtures/rules/HA002/drawio-plain-box-of-tasks-lopsided-over-az-boundary", "compute AZs cannot be told"},
            // the second AZ row named by one subnet: the Auto Scaling group's servers are in two AZs
            {"fixtures/rules/HA002/drawio-asg-over-az-rows-second-named-by-a-subnet", "compute in 2 AZs"},
            // a route table's line to the app subnet's border does not make the app server a NAT instance
            {"fixtures/rules/HA002/drawio-route-table-line-to-subnet-border", "compute in 1 AZ"},
            // the Direct Connect icon signing the DX location box is no second connection
            {"fixtures/rules/NET001/drawio-direct-connect-location-box", "VPN / Direct Connect: single DX"},
            // the customer gateway on the office's border is the office's
            {"fixtures/rules/NET001/drawio-customer-gateway-on-the-site-border",
                "Branch office: 1 independent connection(s), 1 VPN"},
            // the 2017 palette's groups: a rectangle named as the VPC with the VPC icon at its corner is one VPC, and a
            // rectangle with the cloud icon at its corner the AWS Cloud
            {"fixtures/rules/DIAG002/drawio-2017-palette-group-icons", "VPCs: 1; subnets: 6 (2 public, 4 private)"},
            {"fixtures/rules/DIAG002/drawio-2017-palette-group-icons", "aws cloud (cell cloudbox)"},
            // each office's VPN followed through the Internet icon, in drawn order
            {"fixtures/rules/NET001/drawio-two-vpns-through-the-internet",
                "Office A network: 1 independent connection(s), 1 VPN"},
        };
        for (String[] c : cases) {
            String out = described("describe", Repo.path(c[0] + "/architecture.drawio").toString());
            assertTrue(out.contains(c[1]), c[0] + ":\n" + out);
        }
    }

    @Test
    void jsonForTheGraphvizSvg() throws Exception {
        String file = Repo.path("fixtures/rules/DIAG001/graphviz-svg/architecture.svg").toString();
        String out = described("describe", file, "--format", "json");
        JsonNode root = new ObjectMapper().readTree(out);
        assertEquals("plain SVG diagram", root.get("format").asText());
        JsonNode page = root.get("pages").get(0);
        assertEquals(2, page.get("availabilityZones").size());
        assertEquals(5, page.get("connections").size());
        boolean web1InAzA = false;
        for (JsonNode s : page.get("services")) {
            if (s.get("cell").asText().equals("web1")) {
                web1InAzA = s.get("in").asText().equals("cluster_AZ a");
            }
        }
        assertTrue(web1InAzA, out);
    }

    @Test
    void aFileThatIsNoDiagramIsAUsageError() {
        String file = Repo.path("fixtures/demo/three-tier/template.yaml").toString();
        String[] r = run("describe", file);
        assertEquals("2", r[0]);
        assertEquals("", r[1]);
        assertTrue(r[2].contains("is not a diagram"), r[2]);
    }
}
