package io.atolint.report.html;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.report.html.ArchitectureLayout.Geometry;
import io.atolint.report.html.ArchitectureLayout.PlacedBox;
import io.atolint.report.html.ArchitectureLayout.PlacedNode;
import io.atolint.report.html.ArchitectureLayout.Rect;
import io.atolint.report.html.ArchitectureView.Box;
import io.atolint.report.html.ArchitectureView.Mark;
import io.atolint.testing.Repo;
import io.atolint.testing.SyntheticArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the picture holds (boxes, where each resource sits, edges, marks) on the three-tier demo, and
 * that the layout is readable — no resource overlaps another, every resource and box lies inside its
 * box, sibling boxes do not overlap — on the demo and on a generated architecture of 200 resources.
 */
class ArchitectureViewTest {

    private static Analysis scan(Path dir, String display, String region) {
        ParseOptions o = region == null ? ParseOptions.defaults() : ParseOptions.defaults().withRegion(region);
        return Analyzer.standard().analyze(List.of(new FileSystemSourceTree(dir, display, Limits.defaults())), o);
    }

    private static Analysis threeTier(String region) {
        return scan(Repo.path("fixtures/demo/three-tier"), "fixtures/demo/three-tier", region);
    }

    /** Box id path (outermost first) of every node. */
    private static Map<String, String> where(ArchitectureView v) {
        Map<String, String> out = new HashMap<>();
        walk(v.root(), "", out);
        return out;
    }

    private static void walk(Box b, String path, Map<String, String> out) {
        String here = path.isEmpty() ? b.label() : path + " > " + b.label();
        for (ArchitectureView.Node n : b.nodes()) {
            out.put(n.name(), here);
        }
        for (Box c : b.boxes()) {
            walk(c, b.id().equals("root") ? "" : here, out);
        }
    }

    private static ArchitectureView.Node node(ArchitectureView v, String id) {
        return nodesNamed(v, id).stream().findFirst().orElseThrow(() -> new AssertionError("no node " + id));
    }

    private static List<ArchitectureView.Node> nodesNamed(ArchitectureView v, String name) {
        List<ArchitectureView.Node> all = new ArrayList<>();
        collect(v.root(), all);
        return all.stream().filter(n -> n.name().equals(name)).toList();
    }

    private static void collect(Box b, List<ArchitectureView.Node> out) {
        out.addAll(b.nodes());
        b.boxes().forEach(c -> collect(c, out));
    }

    @Test
    void theThreeTierDemoWithARegion() {
        ArchitectureView v = ArchitectureView.of(threeTier("us-east-1"));
        Map<String, String> where = where(v);
        assertEquals("Region us-east-1 > VPC Vpc > AZ us-east-1a", where.get("WebAlb"),
                "both of the ALB's subnets resolve to us-east-1a: it is drawn inside that one AZ");
        assertEquals("Region us-east-1 > VPC Vpc", where.get("AppGroup"), "the ASG spans two AZs");
        assertEquals("Region us-east-1 > VPC Vpc", where.get("Database"), "single-AZ, one of two: not placed in either");
        assertEquals("Region us-east-1 > VPC Vpc > AZ us-east-1a > PublicSubnetA", where.get("NatGateway"));
        assertEquals("Region us-east-1 > VPC Vpc", where.get("InternetGateway"));
        assertEquals("Outside AWS", where.get("Internet"));
        assertEquals(Mark.FAILING, node(v, "WebAlb").mark());
        assertEquals("1 AZ of: us-east-1a, us-east-1b", node(v, "Database").detail());
        List<String> edges = v.edges().stream().map(e -> name(v, e.from()) + " -" + e.kind() + (e.label() == null ? "" : "[" + e.label() + "]")
                + "-> " + name(v, e.to())).toList();
        assertEquals(List.of("WebAlb -TRAFFIC[HTTPS:443]-> AppGroup", "AppGroup -TRAFFIC[tcp/5432]-> Database",
                "Internet -INGRESS-> InternetGateway", "Internet -INGRESS-> WebAlb"), edges);
        assertEquals(5, v.drawnCount(), "ALB, ASG, RDS, NAT and internet gateways");
        assertEquals(3, v.notDrawn().get("Security group"));
    }

    private static String name(ArchitectureView v, String id) {
        List<ArchitectureView.Node> all = new ArrayList<>();
        collect(v.root(), all);
        return all.stream().filter(n -> n.id().equals(id)).map(ArchitectureView.Node::name).findFirst().orElse(id);
    }

    @Test
    void withoutARegionTheTwoPublicSubnetsAreInDifferentlyNamedAzs() {
        ArchitectureView v = ArchitectureView.of(threeTier(null));
        assertEquals("Region (not given) > VPC Vpc", where(v).get("WebAlb"),
                "us-east-1a and GetAZs('')[0] cannot be compared: the ALB spans two AZ boxes");
        assertEquals(Mark.NOTE, node(v, "WebAlb").mark(), "HA001 cannot prove it: a note");
    }

    @Test
    void aDiagramIsRedrawnFromWhatWasUnderstood() {
        ArchitectureView v = ArchitectureView.of(scan(Repo.path("fixtures/rules/DIAG001/connected-and-grouped"),
                "fixtures/rules/DIAG001/connected-and-grouped", null));
        Map<String, String> where = where(v);
        assertEquals("Region (not given) > VPC VPC > Availability Zone 1 > Public subnet",
                where.get("Web server 1"), "subnets reach their VPC through the drawn AZ box, which lends its label");
        assertEquals("Outside AWS", where.get("Users"));
        assertEquals("1 AZ: Availability Zone 1", node(v, "Web server 1").detail(), "a drawn AZ by the name the picture gives it");
    }

    @Test
    void aServiceDrawnAsABoxIsAHopOfThePicture() {
        // Users -> ALB -> the 'Orders service' box (the ECS icon at its corner, across both AZs) -> the database
        String dir = "fixtures/rules/HA002/drawio-one-task-in-an-ecs-service-box-across-two-azs";
        ArchitectureView v = ArchitectureView.of(scan(Repo.path(dir), dir, null));
        ArchitectureView.Node service = node(v, "Orders service");
        assertEquals("Region (not given) > VPC VPC", where(v).get("Orders service"), "spanning both AZs, it sits in the VPC");
        ArchitectureView.Node alb = node(v, "ALB");
        assertTrue(v.edges().stream().anyMatch(e -> e.from().equals(alb.id()) && e.to().equals(service.id())), v.edges().toString());
        assertFalse(v.notDrawn().containsKey("ECS service"), v.notDrawn().toString());
    }

    @Test
    void aServiceBoxWhoseLinesGoToTheInstancesInsideItFramesThemAndIsNoNodeOfItsOwn() {
        // Users -> ALB -> each web server inside an Auto Scaling group box: the servers carry the lines
        String dir = "fixtures/rules/HA002/drawio-lines-to-the-instances-in-an-asg-box";
        ArchitectureView v = ArchitectureView.of(scan(Repo.path(dir), dir, null));
        ArchitectureView.Node alb = node(v, "ALB");
        List<ArchitectureView.Node> servers = nodesNamed(v, "Web server");
        long toServers = v.edges().stream()
                .filter(e -> e.from().equals(alb.id()) && servers.stream().anyMatch(n -> n.id().equals(e.to()))).count();
        assertEquals(2, toServers, v.edges().toString());
        assertTrue(nodesNamed(v, "Auto Scaling group").isEmpty(), "no node without lines beside the servers");
        assertTrue(v.notDrawn().containsKey("Auto Scaling group"), v.notDrawn().toString());
    }

    @Test
    void cdkResourcesAreNamedByTheirConstructPath() {
        ArchitectureView v = ArchitectureView.of(scan(Repo.path("fixtures/demo/cdk-three-tier"), "fixtures/demo/cdk-three-tier",
                "us-east-1"));
        Map<String, String> where = where(v);
        assertEquals("Region us-east-1 > VPC Vpc > AZ us-east-1a > PublicSubnet1/Subnet", where.get("PublicSubnet1/NATGateway"));
        assertEquals("Region us-east-1 > VPC Vpc", where.get("Alb"));
    }

    @Test
    void unknownPlacementIsSetApart(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("t.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
                Resources:
                  Web:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:
                      MinSize: '1'
                      MaxSize: '2'
                      VPCZoneIdentifier: !Ref Subnets
                """);
        ArchitectureView v = ArchitectureView.of(scan(tmp, "t", null));
        String w = where(v).get("Web");
        assertEquals("Placement UNKNOWN", w, "an ASG whose subnets are a parameter without default has UNKNOWN placement");
    }

    /**
     * Rules and picture read one definition of internet-facing: a load balancer whose scheme (or
     * {@code internal}) is unresolved is UNKNOWN for TLS001 (a note) and gets no edge from the internet;
     * before, the picture defaulted an unresolved scheme to internet-facing.
     */
    @Test
    void anUnresolvedOrInternalSchemeIsNeverDrawnAsReachedFromTheInternet() {
        for (String fixture : List.of("TLS001/cfn-yaml-scheme-from-parameter", "TLS001/tf-internal-from-variable",
                "TLS001/cfn-yaml-internal-http", "TLS001/tf-internal-http")) {
            String dir = "fixtures/rules/" + fixture;
            Analysis a = scan(Repo.path(dir), dir, null);
            io.atolint.model.Resource lb = a.graph().resources(io.atolint.model.Kind.LOAD_BALANCER).get(0);
            io.atolint.model.Tri facing = a.facts().exposure().internetFacing(lb);
            assertTrue(!facing.isTrue(), fixture + ": " + facing);
            List<io.atolint.model.Finding> tls = a.findings().stream().filter(f -> f.ruleId().equals("TLS001")).toList();
            assertTrue(tls.stream().allMatch(f -> f.severity() == io.atolint.model.Severity.INFO),
                    fixture + ": TLS001 never fails on it: " + tls);
            assertEquals(facing.isKnown() ? 0 : 1, tls.size(), fixture + ": a note exactly when it cannot be told");

            ArchitectureView v = ArchitectureView.of(a);
            assertTrue(v.edges().stream().noneMatch(e -> e.kind() == ArchitectureView.EdgeKind.INGRESS),
                    fixture + ": no edge from the internet: " + v.edges());
            assertTrue(where(v).get("Internet") == null, fixture + ": no internet node");
            String tip = node(v, lb.displayName()).tooltip();
            assertEquals(!facing.isKnown(), tip.contains("internet-facing: UNKNOWN"), fixture + ": " + tip);
        }
    }

    /** The picture's public subnets are the topology's: the demo's public subnets route to the internet gateway. */
    @Test
    void publicSubnetsAreThoseTheFactsSayArePublic() {
        Analysis a = threeTier("us-east-1");
        ArchitectureView v = ArchitectureView.of(a);
        List<Box> subnets = new ArrayList<>();
        collectBoxes(v.root(), ArchitectureView.BoxKind.SUBNET, subnets);
        assertEquals(6, subnets.size());
        for (Box b : subnets) {
            io.atolint.model.Resource subnet = a.graph().resource(b.id().substring("subnet:".length())).orElseThrow();
            assertEquals(a.facts().exposure().publicSubnet(subnet).isTrue(), b.publicSubnet(), b.label());
            assertEquals(b.label().startsWith("Public"), b.publicSubnet(), b.label());
        }
    }

    private static void collectBoxes(Box b, ArchitectureView.BoxKind kind, List<Box> out) {
        if (b.kind() == kind) {
            out.add(b);
        }
        b.boxes().forEach(c -> collectBoxes(c, kind, out));
    }

    @Test
    void theDemoLayoutIsReadable() {
        ArchitectureView v = ArchitectureView.of(threeTier("us-east-1"));
        assertTrue(v.drawnCount() > 0);
        Geometry g = ArchitectureLayout.layout(v);
        assertEquals(v.drawnCount() + 1, g.nodes().size(), "every drawn resource and the internet are placed");
        assertReadable(g);
    }

    @Test
    void twoHundredResourcesStayReadable(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("big.yaml"), SyntheticArchitecture.of(2, 14));
        ArchitectureView v = ArchitectureView.of(scan(tmp, "big", "eu-west-1"));
        assertEquals(SyntheticArchitecture.drawn(2, 14), v.drawnCount());
        assertTrue(v.drawnCount() >= 200);
        Geometry g = ArchitectureLayout.layout(v);
        assertEquals(v.drawnCount() + 1, g.nodes().size(), "every drawn resource and the internet are placed");
        assertReadable(g);
        String svg = ArchitectureSvg.render(g);
        assertTrue(svg.startsWith("<svg"));
        for (PlacedNode pn : g.nodes()) {
            String id = pn.node().id();
            int start = svg.indexOf("data-id=\"" + ArchitectureSvg.x(id) + "\">");
            assertTrue(start >= 0, id + " is drawn");
            String group = svg.substring(start, svg.indexOf("</g>", start));
            assertTrue(group.contains(">" + ArchitectureSvg.x(pn.node().name()) + "</text>"),
                    "every resource is named in the picture: " + pn.node().name() + " in " + group);
        }
    }

    /** No overlap between resources, every shape inside its box, sibling boxes apart. */
    static void assertReadable(Geometry g) {
        List<String> problems = new ArrayList<>();
        Map<String, Rect> boxRects = new HashMap<>();
        Map<String, Box> boxes = new HashMap<>();
        for (PlacedBox pb : g.boxes()) {
            boxRects.put(pb.box().id(), pb.rect());
            boxes.put(pb.box().id(), pb.box());
        }
        for (int i = 0; i < g.nodes().size(); i++) {
            for (int j = i + 1; j < g.nodes().size(); j++) {
                if (overlap(g.nodes().get(i).rect(), g.nodes().get(j).rect())) {
                    problems.add("resources overlap: " + g.nodes().get(i).node().id() + " and " + g.nodes().get(j).node().id());
                }
            }
        }
        for (PlacedBox pb : g.boxes()) {
            for (ArchitectureView.Node n : pb.box().nodes()) {
                Rect r = g.nodes().stream().filter(p -> p.node() == n).map(PlacedNode::rect).findFirst().orElseThrow();
                if (!inside(r, pb.rect())) {
                    problems.add(n.id() + " sticks out of " + pb.box().id());
                }
            }
            List<Box> kids = pb.box().boxes();
            for (int i = 0; i < kids.size(); i++) {
                Rect a = boxRects.get(kids.get(i).id());
                if (!inside(a, pb.rect())) {
                    problems.add(kids.get(i).id() + " sticks out of " + pb.box().id());
                }
                for (int j = i + 1; j < kids.size(); j++) {
                    if (overlap(a, boxRects.get(kids.get(j).id()))) {
                        problems.add("boxes overlap: " + kids.get(i).id() + " and " + kids.get(j).id());
                    }
                }
            }
        }
        for (ArchitectureLayout.PlacedEdge e : g.edges()) {
            if (e.points().size() < 2) {
                problems.add("edge without a route: " + e.edge());
            }
            for (double[] p : e.points()) {
                if (p[0] < -1 || p[1] < -1 || p[0] > g.width() + 1 || p[1] > g.height() + 1) {
                    problems.add("edge leaves the picture: " + e.edge());
                    break;
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " layout problems:\n" + String.join("\n",
                problems.subList(0, Math.min(20, problems.size()))));
    }

    private static boolean overlap(Rect a, Rect b) {
        return a.x() < b.x() + b.w() - 0.5 && b.x() < a.x() + a.w() - 0.5 && a.y() < b.y() + b.h() - 0.5
                && b.y() < a.y() + a.h() - 0.5;
    }

    private static boolean inside(Rect inner, Rect outer) {
        return inner.x() >= outer.x() - 0.5 && inner.y() >= outer.y() - 0.5
                && inner.x() + inner.w() <= outer.x() + outer.w() + 0.5 && inner.y() + inner.h() <= outer.y() + outer.h() + 0.5;
    }
}
