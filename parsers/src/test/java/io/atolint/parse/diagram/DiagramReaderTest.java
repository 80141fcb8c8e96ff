package io.atolint.parse.diagram;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** draw.io structure as people save it, read into the shared model. */
class DiagramReaderTest {
    static final String ICON = "shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.";

    static String cell(String id, String value, String style, double x, double y, double w, double h, String parent) {
        return "<mxCell id=\"" + id + "\" value=\"" + value + "\" style=\"" + style + "\" vertex=\"1\" parent=\"" + parent
                + "\"><mxGeometry x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h
                + "\" as=\"geometry\"/></mxCell>\n";
    }

    /** A connector; {@code geometry} is what its mxGeometry holds (loose end points, waypoints). */
    static String edge(String id, String source, String target, String geometry) {
        return "<mxCell id=\"" + id + "\" edge=\"1\" parent=\"1\"" + (source == null ? "" : " source=\"" + source + "\"")
                + (target == null ? "" : " target=\"" + target + "\"") + " style=\"endArrow=classic;\">"
                + "<mxGeometry relative=\"1\" as=\"geometry\">" + geometry + "</mxGeometry></mxCell>\n";
    }

    static String model(String cells) {
        return "<mxGraphModel><root>\n<mxCell id=\"0\"/>\n<mxCell id=\"1\" parent=\"0\"/>\n" + cells + "</root></mxGraphModel>";
    }

    static String file(String... pages) {
        StringBuilder b = new StringBuilder("<mxfile>\n");
        int i = 0;
        for (String p : pages) {
            b.append("<diagram id=\"d").append(++i).append("\" name=\"P").append(i).append("\">\n").append(p).append("\n</diagram>\n");
        }
        return b.append("</mxfile>\n").toString();
    }

    static String compress(String xml) {
        String uri = URLEncoder.encode(xml, StandardCharsets.UTF_8).replace("+", "%20");
        Deflater d = new Deflater(9, true);
        d.setInput(uri.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static ScanResult scan(MemoryTree t) {
        return Scans.scan(t, ParseOptions.defaults());
    }

    static Resource res(Model m, String name) {
        return Scans.resource(m, name);
    }

    @Test
    void cellsKeepTheirLinesLabelsAndKinds() {
        String xml = file(model(cell("vpc", "VPC", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;", 0, 0, 600, 400, "1")
                + cell("db", "Orders&lt;br&gt;DB &amp;amp; cache", ICON + "rds;html=1;", 100, 100, 48, 48, "1")
                + "<UserObject label=\"Web &lt;b&gt;tier&lt;/b&gt;\" owner=\"team-a\" id=\"web\"><mxCell style=\"" + ICON
                + "ec2;html=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"300\" y=\"100\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell></UserObject>\n"));
        Model m = Scans.only(scan(MemoryTree.of("a.drawio", xml)));
        assertEquals(Format.DRAWIO, m.format());
        Resource db = res(m, "db");
        assertEquals(Kind.RDS_INSTANCE, db.kind());
        assertEquals("Orders DB & cache", db.meta("label").orElseThrow());
        assertEquals(7, db.location().startLine(), "the line of the cell's start tag");
        assertEquals("page 1 \"P1\" / cell db", db.location().logicalPath());
        Resource web = res(m, "web");
        assertEquals(Kind.EC2_INSTANCE, web.kind());
        assertEquals("Web tier", web.meta("label").orElseThrow());
        assertEquals("team-a", web.attr("owner").orElseThrow().toString());
        assertTrue(m.relations().stream().anyMatch(r -> r.type() == RelationType.CONTAINS
                && r.source().name().equals("vpc") && r.target().name().equals("db")));
    }

    @Test
    void edgeLabelsHiddenLayersAndLooseEndsSnapped() {
        String cells = cell("a", "App", ICON + "ec2;", 0, 0, 48, 48, "1")
                + cell("b", "Db", ICON + "rds;", 300, 0, 48, 48, "1")
                + edge("e1", "a", null, "<mxPoint x=\"320\" y=\"20\" as=\"targetPoint\"/>")
                + cell("lbl", "TLS 1.2", "edgeLabel;html=1;", 0, 0, 0, 0, "e1")
                + "<mxCell id=\"hidden\" parent=\"0\" visible=\"0\"/>\n"
                + cell("ghost", "Ghost", ICON + "s3;", 600, 0, 48, 48, "hidden");
        ScanResult r = scan(MemoryTree.of("a.drawio", file(model(cells))));
        Model m = Scans.only(r);
        assertFalse(m.resources().stream().anyMatch(x -> x.name().equals("ghost")), "hidden layer cells are ignored");
        List<Relation> routes = m.relations().stream().filter(x -> x.type() == RelationType.ROUTES_TO).toList();
        assertEquals(1, routes.size());
        assertEquals("b", routes.get(0).target().name());
        assertEquals("TLS 1.2", routes.get(0).via());
    }

    private static Relation onlyRoute(String cells) {
        Model m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(cells)))));
        List<Relation> routes = m.relations().stream().filter(x -> x.type() == RelationType.ROUTES_TO).toList();
        assertEquals(1, routes.size(), routes.toString());
        return routes.get(0);
    }

    @Test
    void aLooseEndOnTheBorderOfAServiceBoxReachesTheBox() {
        // an arrow not glued to the Auto Scaling group's box stops on its top edge, over an instance inside it:
        // it is drawn to the group, as a glued one is, not to the instance that stands nearest that edge
        String asg = "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_auto_scaling_group;container=1;dashed=1;"
                + "fillColor=none;verticalAlign=top;align=left;";
        String cells = cell("alb", "ALB", ICON + "application_load_balancer;", 140, 0, 48, 48, "1")
                + cell("asg", "Web tier", asg, 0, 120, 500, 140, "1")
                + cell("web1", "Web 1", ICON + "ec2;", 40, 160, 48, 48, "1")
                + cell("web2", "Web 2", ICON + "ec2;", 400, 160, 48, 48, "1")
                + edge("e1", "alb", null,
                        "<Array as=\"points\"><mxPoint x=\"64\" y=\"24\"/></Array><mxPoint x=\"64\" y=\"116\" as=\"targetPoint\"/>");
        Relation r = onlyRoute(cells);
        assertEquals("alb", r.source().name());
        assertEquals("asg", r.target().name());
    }

    @Test
    void aLooseEndBesideAnIconDrawnUnderAnotherStartsAtThatIcon() {
        // the bastion stands in the room where the icon above it has its caption; the line starts just off the
        // bastion's edge: it starts at the bastion, not at the icon whose caption room it is in
        String cells = cell("fn", "Reports", ICON + "lambda;", 100, 100, 48, 48, "1")
                + cell("bastion", "Bastion", ICON + "ec2;", 100, 150, 48, 48, "1")
                + cell("db", "Orders", ICON + "rds;", 400, 150, 48, 48, "1")
                + edge("e1", null, "db", "<mxPoint x=\"151\" y=\"155\" as=\"sourcePoint\"/>");
        Relation r = onlyRoute(cells);
        assertEquals("bastion", r.source().name());
        assertEquals("db", r.target().name());
    }

    @Test
    void aDrawioSvgExportWithoutItsDiagramSaysHowToExportIt() {
        // what draw.io writes when "Include a copy of my diagram" is unchecked: the picture, no model
        String export = "<svg xmlns=\"http://www.w3.org/2000/svg\" host=\"app.diagrams.net\" width=\"200\" height=\"100\">"
                + "<defs><linearGradient id=\"mx-gradient-f78e04-1-d05c17-1-s-0\"/></defs>"
                + "<g><rect x=\"10\" y=\"10\" width=\"48\" height=\"48\" fill=\"url(#mx-gradient-f78e04-1-d05c17-1-s-0)\"/>"
                + "<text x=\"34\" y=\"75\">Amazon EC2</text></g></svg>";
        DiagramReader.Result r = DiagramReader.read(MemoryTree.of("architecture.svg", export), "architecture.svg",
                io.atolint.parse.Limits.defaults());
        assertEquals(DiagramReader.Kind.NOT_A_DIAGRAM, r.kind());
        assertTrue(r.notADiagram().contains("Include a copy of my diagram"), r.notADiagram());
        DiagramReader.Result other = DiagramReader.read(MemoryTree.of("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>"),
                "logo.svg", io.atolint.parse.Limits.defaults());
        assertEquals("SVG without AWS icons or a draw.io model", other.notADiagram());
    }

    @Test
    void compressedMultiPageFilesAndBareModels() {
        String p1 = model(cell("u", "Users", "shape=mxgraph.aws4.users;", 0, 0, 40, 40, "1"));
        String p2 = model(cell("s", "Bucket", ICON + "s3;", 0, 0, 40, 40, "1"));
        ScanResult r = scan(new MemoryTree().put("c.drawio", file(compress(p1), compress(p2))).put("bare.xml", p2)
                .put("other.xml", "<project/>"));
        assertEquals(3, r.models().size(), r.findings().toString());
        Model page2 = r.models().stream().filter(m -> m.unit().startsWith("c.drawio") && m.unit().contains("page 2")).findFirst().orElseThrow();
        Resource s = res(page2, "s");
        assertEquals(Kind.S3_BUCKET, s.kind());
        assertEquals(5, s.location().startLine(), "a compressed page locates its cells at its <diagram> element");
        Model page1 = r.models().stream().filter(m -> m.unit().startsWith("c.drawio") && m.unit().contains("page 1")).findFirst().orElseThrow();
        assertEquals(Placement.Scope.OUTSIDE_AWS, res(page1, "u").placement().scope());
        assertTrue(r.skipped().containsKey("other.xml"));
    }

    @Test
    void regionalServicesDrawnInAnAzBoxStayRegional() {
        // an Internet gateway or an S3 bucket placed in an AZ box (where there was room) serves the whole
        // VPC or Region; the instance beside it is in that AZ
        String cells = cell("vpc", "VPC", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;", 0, 0, 900, 500, "1")
                + cell("z1", "Availability Zone 1", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_availability_zone;dashed=1;", 20, 40, 400, 420, "1")
                + cell("z2", "Availability Zone 2", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_availability_zone;dashed=1;", 460, 40, 400, 420, "1")
                + cell("igw", "Internet gateway", "shape=mxgraph.aws4.internet_gateway;", 60, 80, 48, 48, "1")
                + cell("s3", "Assets", ICON + "s3;", 160, 80, 48, 48, "1")
                + cell("web", "Web", ICON + "ec2;", 60, 250, 48, 48, "1");
        Model m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(cells)))));
        assertEquals(Placement.Scope.REGIONAL, res(m, "igw").placement().scope());
        assertEquals(Placement.Scope.REGIONAL, res(m, "s3").placement().scope());
        assertEquals(Placement.Scope.ZONAL, res(m, "web").placement().scope());
    }

    @Test
    void theFourAzStylesAndLookAlikes() {
        String base = cell("vpc", "VPC", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;", 0, 0, 1000, 600, "1");
        String shape = base + cell("z1", "", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_availability_zone;dashed=1;", 20, 40, 400, 500, "1")
                + cell("z2", "", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_availability_zone;dashed=1;", 500, 40, 400, 500, "1");
        String dashed = base + cell("z1", "Availability Zone 1", "fillColor=none;strokeColor=#147EBA;dashed=1;", 20, 40, 400, 500, "1")
                + cell("z2", "AZ b", "fillColor=none;strokeColor=#147EBA;dashed=1;", 500, 40, 400, 500, "1");
        String text = base + cell("z1", "", "rounded=0;fillColor=#eeeeee;", 20, 40, 400, 500, "1")
                + cell("z2", "", "rounded=0;fillColor=#eeeeee;", 500, 40, 400, 500, "1")
                + cell("t1", "AZ1", "text;html=1;", 0, 40, 20, 20, "1") + cell("t2", "AZ2", "text;html=1;", 505, 45, 30, 20, "1");
        for (String page : List.of(shape, dashed, text)) {
            String cells = page + cell("a", "A", ICON + "ec2;", 100, 200, 48, 48, "1") + cell("b", "B", ICON + "ec2;", 600, 200, 48, 48, "1")
                    + cell("lb", "LB", "shape=mxgraph.aws4.application_load_balancer;", 360, 100, 200, 48, "1");
            Model m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(cells)))));
            Placement a = res(m, "a").placement();
            Placement b = res(m, "b").placement();
            assertEquals(Placement.Scope.ZONAL, a.scope(), page);
            assertEquals(1, a.azs().size());
            assertTrue(a.azs().get(0).sameAs(b.azs().get(0)).isFalse(), "two AZ boxes are two distinct AZs: " + page);
            assertEquals(2, res(m, "lb").placement().azCount().min(), "an icon across two AZ bands is in both");
        }
        String subnets = base + cell("s1", "Web subnet AZ-a", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;", 20, 40, 400, 500, "1")
                + cell("s2", "Web subnet AZ-b", "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;", 500, 40, 400, 500, "1")
                + cell("a", "A", ICON + "ec2;", 100, 200, 48, 48, "1") + cell("b", "B", ICON + "ec2;", 600, 200, 48, 48, "1");
        Model m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(subnets)))));
        assertTrue(res(m, "a").placement().azs().get(0).sameAs(res(m, "b").placement().azs().get(0)).isFalse());
        assertEquals(2, m.resources(Kind.AVAILABILITY_ZONE).size());
        String lookAlike = base + cell("z1", "Access Zone #1", "fillColor=none;dashed=1;", 20, 40, 400, 500, "1")
                + cell("z2", "Availability Zones", "fillColor=none;dashed=1;", 500, 40, 400, 500, "1")
                + cell("a", "A", ICON + "ec2;", 100, 200, 48, 48, "1");
        m = Scans.only(scan(MemoryTree.of("a.drawio", file(model(lookAlike)))));
        assertEquals(List.of(), m.resources(Kind.AVAILABILITY_ZONE));
        assertEquals(Placement.Scope.UNKNOWN, res(m, "a").placement().scope());
    }

    @Test
    void drawioSvgContentRawUriEncodedAndBase64() {
        String mx = file(model(cell("u", "Users", "shape=mxgraph.aws4.users;", 0, 0, 40, 40, "1")));
        String raw = mx.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String uri = URLEncoder.encode(mx, StandardCharsets.UTF_8).replace("+", "%20");
        String b64 = Base64.getEncoder().encodeToString(mx.getBytes(StandardCharsets.UTF_8));
        for (String content : List.of(raw, uri, b64)) {
            ScanResult r = scan(MemoryTree.of("x.drawio.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" content=\"" + content + "\"><rect/></svg>"));
            Model m = Scans.only(r);
            assertEquals(Format.SVG, m.format());
            assertEquals(Kind.USERS, res(m, "u").kind());
        }
    }

    @Test
    void plainSvgWithoutAwsIconsIsNotADiagram() {
        ScanResult r = scan(MemoryTree.of("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>"));
        assertEquals(List.of(), r.models());
        assertTrue(r.skipped().containsKey("logo.svg"));
    }

    @Test
    void graphvizSvgNodesClustersAndEdges() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<g id=\"graph0\" class=\"graph\" transform=\"translate(4 400)\">"
                + "<g class=\"cluster\"><title>cluster_vpc</title><polygon points=\"100,-10 100,-390 600,-390 600,-10\"/><text x=\"300\" y=\"-380\">VPC</text></g>"
                + "<g class=\"node\"><title>web</title><image xlink:href=\"https://example.invalid/resources/aws/compute/ec2.png\" x=\"200\" y=\"-300\" width=\"100\" height=\"100\"/><text x=\"250\" y=\"-180\">web</text></g>"
                + "<g class=\"node\"><title>db</title><image xlink:href=\"resources/aws/database/rds.png\" x=\"400\" y=\"-300\" width=\"100\" height=\"100\"/><text x=\"450\" y=\"-180\">db</text></g>"
                + "<g class=\"edge\"><title>web&#45;&gt;db</title><path d=\"M0,0L1,1\"/><text>TLS</text></g>"
                + "<script>alert(1)</script></g></svg>";
        Model m = Scans.only(scan(MemoryTree.of("g.svg", svg)));
        assertEquals(Kind.EC2_INSTANCE, res(m, "web").kind());
        assertEquals(Kind.VPC, res(m, "cluster_vpc").kind());
        assertTrue(m.relations().stream().anyMatch(r -> r.type() == RelationType.CONTAINS && r.source().name().equals("cluster_vpc")
                && r.target().name().equals("web")), "containment from transformed geometry");
        assertTrue(m.relations().stream().anyMatch(r -> r.type() == RelationType.ROUTES_TO && r.via().equals("TLS")));
    }

    @Test
    void aPlainSvgBoxTitleIsNoCaptionOfTheIconDrawnOverTheBoxEdge() {
        // an ALB drawn over the top edge of two AZ boxes: the second box's title is as near the icon as its caption
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"1200\" height=\"800\">"
                + "<rect x=\"140\" y=\"100\" width=\"440\" height=\"600\" fill=\"none\" stroke-dasharray=\"4\"/>"
                + "<text x=\"148\" y=\"118\">Availability Zone 1</text>"
                + "<rect x=\"620\" y=\"100\" width=\"440\" height=\"600\" fill=\"none\" stroke-dasharray=\"4\"/>"
                + "<text x=\"628\" y=\"118\">Availability Zone 2</text>"
                + "<image id=\"alb\" x=\"576\" y=\"60\" width=\"48\" height=\"48\" xlink:href=\"Arch_Elastic-Load-Balancing_48.svg\"/>"
                + "<text x=\"600\" y=\"124\" text-anchor=\"middle\">Application Load Balancer</text>"
                + "<image id=\"web\" x=\"330\" y=\"300\" width=\"48\" height=\"48\" xlink:href=\"Arch_Amazon-EC2_48.svg\"/>"
                + "<text x=\"354\" y=\"364\" text-anchor=\"middle\">Web server</text></svg>";
        Model m = Scans.only(scan(MemoryTree.of("plain.svg", svg)));
        assertEquals("Application Load Balancer", res(m, "alb").meta().get("label"));
        assertEquals("Web server", res(m, "web").meta().get("label"));
        assertEquals(2, m.resources().stream().filter(r -> r.kind() == Kind.AVAILABILITY_ZONE).count());
    }

    @Test
    void iconsOfTheDiagramsLibraryAreTheServicesTheyShow() {
        // file names whose words read wrong: "service" alone named a generic service, "vpc" a VPC
        String lib = "/usr/local/lib/python3.11/site-packages/resources/";
        assertEquals(Kind.ECS_SERVICE, ShapeRecognizer.fromImageName(lib + "aws/compute/elastic-container-service.png").orElseThrow().kind());
        assertEquals(Kind.EKS_CLUSTER, ShapeRecognizer.fromImageName(lib + "aws/compute/elastic-kubernetes-service.png").orElseThrow().kind());
        assertEquals(Kind.CUSTOMER_GATEWAY, ShapeRecognizer.fromImageName(lib + "aws/network/vpc-customer-gateway.png").orElseThrow().kind());
        assertEquals(Kind.NETWORK_INTERFACE, ShapeRecognizer.fromImageName(lib + "aws/network/vpc-elastic-network-interface.png").orElseThrow().kind());
        assertEquals(Kind.ELASTIC_IP, ShapeRecognizer.fromImageName(lib + "aws/compute/ec2-elastic-ip-address.png").orElseThrow().kind());
        assertEquals(Kind.USERS, ShapeRecognizer.fromImageName(lib + "onprem/client/users.png").orElseThrow().kind());
        assertEquals(Kind.ON_PREMISES, ShapeRecognizer.fromImageName(lib + "onprem/compute/server.png").orElseThrow().kind());
        assertEquals(Kind.RDS_INSTANCE, ShapeRecognizer.fromImageName(lib + "aws/database/rds.png").orElseThrow().kind(),
                "names the table does not list are read from their words");
    }

    /** The kind an icon file of that name is read as. */
    private static Kind imageKind(String file) {
        return ShapeRecognizer.fromImageName(file).orElseThrow(() -> new AssertionError("not read: " + file)).kind();
    }

    @Test
    void iconFilesOfTheAwsArchitectureIconsPackage() {
        // the service's long name, the resource part of a Res_ file and camel case words all name the kind
        assertEquals(Kind.S3_BUCKET, imageKind("Arch_Amazon-Simple-Storage-Service_48.svg"));
        assertEquals(Kind.ECS_SERVICE, imageKind("Arch_Amazon-Elastic-Container-Service_48.svg"));
        assertEquals(Kind.NAT_GATEWAY, imageKind("Res_Amazon-VPC_NAT-Gateway_48.svg"));
        assertEquals(Kind.RDS_INSTANCE, imageKind("Res_Amazon-Aurora_Amazon-RDS-Instance_48.svg"),
                "not an EC2 instance because its last word is 'instance'");
        assertEquals(Kind.DYNAMODB_TABLE, imageKind("Res_Amazon-DynamoDB_Table_48.svg"),
                "the service, where the resource part alone names a generic shape");
        assertEquals(Kind.VPC, imageKind("Arch_Amazon-Virtual-Private-Cloud_48.svg"));
        assertEquals(Kind.OPENSEARCH_DOMAIN, imageKind("Arch_Amazon-OpenSearch-Service_48.svg"));
        assertEquals(Kind.VPN_CONNECTION, imageKind("Arch_AWS-Site-to-Site-VPN_48.svg"));
        assertEquals(Kind.GENERIC_AWS_SERVICE, imageKind("Arch_AWS-Cloud-Map_48.svg"),
                "one word of a name ('cloud') is no AWS Cloud box");
        assertEquals(Kind.GENERIC_AWS_SERVICE, imageKind("Arch_AWS-Cloud9_48.svg"),
                "a number that is part of the name is kept (Cloud9 is no 'AWS Cloud')");
        assertEquals(Kind.GENERIC_AWS_SERVICE, imageKind("Res_Amazon-VPC_Reachability-Analyzer_48_Light.svg"),
                "a resource of the VPC service is no VPC");
        assertEquals(Kind.AURORA_CLUSTER, imageKind("Res_Amazon-Aurora-MySQL-Instance_48_Light.svg"),
                "the service the name starts with, not its last word ('instance' is no EC2 instance)");
        assertEquals(Kind.AURORA_CLUSTER, imageKind("Res_Amazon-Aurora-SQL-Server-Instance-Alternate_48_Light.svg"));
        assertEquals(Kind.GENERIC_AWS_SERVICE, imageKind("Res_Amazon-RDS-Proxy-Instance_48_Light.svg"));
        assertEquals(Kind.ROUTE53_ZONE, imageKind("Res_Amazon-Route-53-Hosted-Zone_48_Light.svg"),
                "the name's last words after the service's");
        assertEquals(Kind.KMS_KEY, imageKind("Arch_AWS-Key-Management-Services_48.svg"),
                "older packages' spellings");
        assertEquals(Kind.CLOUDTRAIL_TRAIL, imageKind("Arch_AWS-Cloud-Trail_48.svg"));
        assertEquals(Kind.EKS_CLUSTER, imageKind("Arch_Amazon-Elastic-Container-Kubernetes_48.svg"));
    }

    @Test
    void iconsOfTheAwsPackagePastedAsDataUris() {
        String ec2 = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">\n"
                + "<title>Icon-Resource/Compute/Res_Amazon-EC2_Instance_48_Light</title><rect width=\"64\" height=\"64\"/></svg>";
        String base64 = Base64.getEncoder().encodeToString(ec2.getBytes(StandardCharsets.UTF_8));
        // draw.io's own spelling (no ";base64", the style's separator), the standard one, and percent-encoded
        assertEquals(Kind.EC2_INSTANCE, ShapeRecognizer.fromImageName("data:image/svg+xml," + base64).orElseThrow().kind());
        assertEquals(Kind.EC2_INSTANCE, ShapeRecognizer.fromImageName("data:image/svg+xml;base64," + base64).orElseThrow().kind());
        assertEquals(Kind.EC2_INSTANCE, ShapeRecognizer.fromImageName("data:image/svg+xml;charset=utf-8,"
                + URLEncoder.encode(ec2, StandardCharsets.UTF_8).replace("+", "%20")).orElseThrow().kind());
        assertEquals(Kind.EC2_INSTANCE, ShapeRecognizer.fromImageName(EmbeddedIcon.imageRef(
                Style.parse("shape=image;image=data:image/svg+xml;base64," + base64 + ";aspect=fixed")).orElseThrow()).orElseThrow().kind(),
                "a style that kept ';base64' splits the URI in two entries");
        String category = ec2.replace("Icon-Resource/Compute/Res_Amazon-EC2_Instance_48_Light", "Icon-Architecture-Category/32/Compute_32");
        assertTrue(ShapeRecognizer.fromImageName("data:image/svg+xml," + Base64.getEncoder().encodeToString(category.getBytes(StandardCharsets.UTF_8))).isEmpty(),
                "a category's icon names no resource");
        String logo = ec2.replace("Icon-Resource/Compute/Res_Amazon-EC2_Instance_48_Light", "Company logo EC2");
        assertTrue(ShapeRecognizer.fromImageName("data:image/svg+xml," + Base64.getEncoder().encodeToString(logo.getBytes(StandardCharsets.UTF_8))).isEmpty(),
                "only the package's titles are read, not any word of a picture");
        assertTrue(ShapeRecognizer.fromImageName("data:image/png;base64," + base64).isEmpty());
        assertTrue(ShapeRecognizer.fromImageName("data:image/svg+xml,%%%").isEmpty());
    }

    @Test
    void plainShapesNamedAsPeopleNameServices() {
        assertEquals(Kind.SQS_QUEUE, ShapeRecognizer.fromLabel("SQS Queue").orElseThrow().kind());
        assertEquals(Kind.RDS_INSTANCE, ShapeRecognizer.fromLabel("Amazon RDS (Primary)").orElseThrow().kind());
        assertEquals(Kind.AURORA_CLUSTER, ShapeRecognizer.fromLabel("Aurora read replica").orElseThrow().kind());
        assertEquals(Kind.ELASTICACHE_CLUSTER, ShapeRecognizer.fromLabel("ElastiCache Redis").orElseThrow().kind());
        assertEquals(Kind.NAT_GATEWAY, ShapeRecognizer.fromLabel("NAT GW").orElseThrow().kind());
        assertTrue(ShapeRecognizer.fromLabel("Redis").isEmpty(), "Redis alone may run on an instance");
        assertTrue(ShapeRecognizer.fromLabel("VPN").isEmpty(), "an instance labelled VPN is a VPN server");
        assertTrue(ShapeRecognizer.fromLabel("ECS Cluster").map(r -> r.kind() != Kind.ECS_SERVICE).orElse(true),
                "a cluster is no service");
        assertTrue(ShapeRecognizer.fromLabel("Orders queue").isEmpty(), "a qualifier after a name that is no service");
        assertTrue(ShapeRecognizer.fromLabel("Users table").isEmpty(), "a table of users, not users");
        assertTrue(ShapeRecognizer.fromLabel("Customers queue").isEmpty());
    }

    @Test
    void aLabelThatNamesAZoneAndMore() {
        for (String l : List.of("Web server (us-east-1a)", "NAT gateway us-west-2b", "Orders DB - eu-west-1c")) {
            assertTrue(AzLabels.namesMoreThanTheAz(l), l);
        }
        for (String l : List.of("us-east-1a", "AZ 1 (primary)", "Availability Zone A", "us-east-1a (Primary)", "AZ-2",
                "Availability Zone us-east-1b", "us-east-1a (DR)")) {
            assertFalse(AzLabels.namesMoreThanTheAz(l), l);
        }
    }

    @Test
    void aNameOrARoleWithItsServiceStatedBesideIt() {
        for (String l : List.of("Web server (EC2)", "EC2 web server", "Web Server EC2", "App server - EC2", "API tier: EC2",
                "Worker [Amazon EC2]")) {
            assertEquals(Kind.EC2_INSTANCE, ShapeRecognizer.fromLabel(l).map(ShapeRecognizer.Recognition::kind).orElse(null), l);
        }
        assertEquals(Kind.DYNAMODB_TABLE, ShapeRecognizer.fromLabel("Orders (DynamoDB)").orElseThrow().kind());
        assertEquals(Kind.RDS_INSTANCE, ShapeRecognizer.fromLabel("Primary DB (RDS)").orElseThrow().kind());
        assertEquals(Kind.ELASTICACHE_CLUSTER, ShapeRecognizer.fromLabel("Sessions: ElastiCache").orElseThrow().kind());
        // what is stated beside must run or hold the workload: no network, no group, nobody outside AWS
        for (String l : List.of("Web subnet (AZ a)", "Cache (Redis)", "Batch (x2)", "Payments (Stripe)", "App (VPC)",
                "Web server (primary)", "Orders - Users", "Admin web server")) {
            assertTrue(ShapeRecognizer.fromLabel(l).isEmpty(), l);
        }
    }

    @Test
    void availabilityZonesAndSubnetsInTheLanguagesAwsDrawsIn() {
        assertEquals("az:a", AzLabels.whole("アベイラビリティーゾーン A").orElseThrow().key());
        assertEquals("az:1", AzLabels.whole("可用区 1").orElseThrow().key());
        assertEquals("az:b", AzLabels.whole("가용 영역 B").orElseThrow().key());
        assertEquals("az:2", AzLabels.whole("Zona de disponibilidad 2").orElseThrow().key());
        assertEquals("az:c", AzLabels.inside("プライベートサブネット（ＡＺ－ｃ）").orElseThrow().key(), "full-width letters");
        // the zone's short name, the Region's number and the zone's letter (ap-northeast-1a is "1a")
        assertEquals("az:1a", AzLabels.whole("AZ 1a").orElseThrow().key());
        assertEquals("az:1c", AzLabels.whole("アベイラビリティゾーン1c").orElseThrow().key());
        assertEquals("az:12", AzLabels.whole("AZ 12").orElseThrow().key(), "a number is still a number");
        assertEquals("az:1c", AzLabels.inside("private-subnet-1c").orElseThrow().key());
        assertEquals("az:1a", AzLabels.inside("パブリックサブネット(1a)").orElseThrow().key());
        assertTrue(AzLabels.whole("1a").isEmpty(), "a box titled by the suffix alone is not taken for an AZ");
        assertTrue(AzLabels.inside("Subnet 10.0.1.0/24").isEmpty());
        assertTrue(AzLabels.whole("アベイラビリティーゾーン").orElseThrow().unnumbered());
        assertEquals(Kind.SUBNET, Containment.kindOfLabel("パブリックサブネット"));
        // Regions named around their code or as a region, in a plain box
        assertEquals(Kind.REGION, Containment.kindOfLabel("us-west-2 (DR)"));
        assertEquals(Kind.REGION, Containment.kindOfLabel("N. Virginia (us-east-1)"));
        assertEquals(Kind.REGION, Containment.kindOfLabel("Primary Region"));
        assertEquals(Kind.REGION, Containment.kindOfLabel("大阪リージョン（DR）"));
        assertEquals(Kind.REGION, Containment.kindOfLabel("东京区域"));
        assertEquals(Kind.AVAILABILITY_ZONE, Containment.kindOfLabel("us-east-1a"));
        assertEquals(Kind.DIAGRAM_GROUP, Containment.kindOfLabel("Regional services"));
        assertEquals(Kind.ACCOUNT, Containment.kindOfLabel("Workload account (us-east-1)"));
        assertEquals(Kind.SUBNET, Containment.kindOfLabel("Subred privada"));
        assertEquals(Kind.DIAGRAM_GROUP, Containment.kindOfLabel("NACL: サブネット単位で全In/Outを制御"),
                "a network ACL's note about subnets is no subnet");
        assertEquals(Kind.REGION, Containment.kindOfLabel("東京リージョン"));
        assertEquals(Kind.AWS_CLOUD, Containment.kindOfLabel("AWSクラウド"));
        assertEquals(Kind.ON_PREMISES, Containment.kindOfLabel("オンプレミス"));
        assertEquals(java.util.Optional.of(Kind.USERS), OutsideLabels.ofLabel("利用者"));
        assertEquals(java.util.Optional.of(Kind.EXTERNAL_SYSTEM), OutsideLabels.ofLabel("インターネット"));
        assertEquals(java.util.Optional.of(Kind.ON_PREMISES), OutsideLabels.ofLabel("Rechenzentrum Frankfurt"));
        assertEquals(java.util.Optional.of(Kind.EXTERNAL_SYSTEM), OutsideLabels.ofLabel("Web"));
        assertEquals(java.util.Optional.empty(), OutsideLabels.ofLabel("Web server"), "a web server is not the web");
        assertEquals(java.util.Optional.empty(), OutsideLabels.ofLabel("Web tier"));
    }

    @Test
    void pngExportsWithTextChunks() {
        String mx = file(model(cell("u", "Users", "shape=mxgraph.aws4.users;", 0, 0, 40, 40, "1")));
        byte[] png = BadDiagramInputTest.png("tEXt", "mxfile".getBytes(StandardCharsets.ISO_8859_1),
                URLEncoder.encode(mx, StandardCharsets.UTF_8).replace("+", "%20").getBytes(StandardCharsets.ISO_8859_1));
        Model m = Scans.only(scan(new MemoryTree().putBytes("a.drawio.png", png)));
        assertEquals(Kind.USERS, res(m, "u").kind());
        List<Finding> problems = Scans.allFindings(scan(new MemoryTree().putBytes("photo.png", BadDiagramInputTest.png("tEXt",
                "Comment".getBytes(StandardCharsets.ISO_8859_1), new byte[]{'x'}))));
        assertEquals(List.of(), problems, "a PNG without a diagram is not one");
    }
}
