package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.checklist.Checklist;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report is one self-contained, deterministic file with the picture, the checklist and the findings. */
class HtmlReportTest {

    private static String threeTier() {
        Analysis a = Analyzer.standard().analyze(List.of(new FileSystemSourceTree(Repo.path("fixtures/demo/three-tier"),
                "fixtures/demo/three-tier", Limits.defaults())), ParseOptions.defaults().withRegion("us-east-1"));
        return HtmlReport.render(a, ReportSettings.defaults());
    }

    @Test
    void theChecklistOpensWithWhatIsNotMetThenWhatAFileCouldProveThenManualThenMet() {
        String html = threeTier();
        String table = html.substring(html.indexOf("<table class=\"checklist\">"), html.indexOf("</table>", html.indexOf("<table class=\"checklist\">")));
        List<String> rows = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr class=\"v-([a-z-]+)\">.*?<td class=\"verdict\">[^<]*(<div class=\"gap\">([^<]*)</div>)?")
                .matcher(table);
        while (m.find()) {
            rows.add(m.group(1).equals("needs-evidence") ? (m.group(3).equals("manual evidence") ? "manual" : "could-prove") : m.group(1));
        }
        List<String> order = List.of("not-met", "could-prove", "manual", "met", "not-applicable");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(order.indexOf(rows.get(i - 1)) <= order.indexOf(rows.get(i)), "row " + i + " of " + rows);
        }
        assertTrue(rows.contains("not-met") && rows.contains("could-prove") && rows.contains("manual") && rows.contains("met"), rows.toString());
    }

    @Test
    void theDetailsOfEveryDrawnResourceAreInThePageAndTheSpofBadgeSaysWhy() {
        String html = threeTier();
        String drawn = html.substring(html.indexOf("<table class=\"drawn\">"), html.indexOf("</table>", html.indexOf("<table class=\"drawn\">")));
        for (String name : List.of("WebAlb", "AppGroup", "Database", "NatGateway", "InternetGateway")) {
            assertTrue(drawn.contains("<td>" + name + "</td>"), name + " is listed");
        }
        assertTrue(drawn.contains("fixtures/demo/three-tier/template.yaml:"), "with where it is written");
        assertTrue(drawn.contains("single point of failure: shared NAT"), "the NAT gateway says why it is a SPOF");
        assertTrue(html.contains(">SPOF: shared NAT</text>"), "and so does its badge in the picture");
        assertTrue(html.contains("class=\"zoom\""), "a picture fits the page and can be shown at full size");
    }

    @Test
    void nothingIsLoadedFromOutsideTheFile() {
        String html = threeTier();
        for (String forbidden : List.of("<script", "<link", "<img", "<iframe", "<object", "@import", "@font-face",
                "src=", "xlink:href", "href=\"http", "href=\"//")) {
            assertFalse(html.contains(forbidden), "the report must not contain " + forbidden);
        }
        Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (url.find()) {
            assertTrue(url.group(1).startsWith("#"), "only references inside the file: url(" + url.group(1) + ")");
        }
    }

    @Test
    void theArchitectureIsAWellFormedSvgWithTheResources() throws Exception {
        String html = threeTier();
        int start = html.indexOf("<svg");
        int end = html.indexOf("</svg>") + "</svg>".length();
        assertTrue(start > 0 && end > start, "an inline SVG");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.substring(start, end).getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String text = svg.getDocumentElement().getTextContent();
        for (String name : List.of("WebAlb", "AppGroup", "Database", "NatGateway", "Internet", "Region us-east-1",
                "VPC Vpc", "AZ us-east-1a", "AZ us-east-1b", "PublicSubnetA", "HTTPS:443")) {
            assertTrue(text.contains(name), "the picture shows " + name);
        }
        assertTrue(html.contains("class=\"resource mark-failing\" data-id"), "the failing ALB is highlighted");
    }

    @Test
    void theChecklistTableAndTheFindingsByItem() {
        String html = threeTier();
        assertEquals(Checklist.standard().items().size(), count(html, "<tr class=\"v-"), "one row per checklist item");
        assertTrue(html.contains("<tr class=\"v-not-met\"><td class=\"id\"><a href=\"#item-TV-3.2\">TV-3.2</a>"), "Not met links to its findings");
        assertTrue(html.contains("<h3 id=\"item-TV-3.2\">TV-3.2"));
        assertTrue(html.contains("<dt>WebAlb (AWS::ElasticLoadBalancingV2::LoadBalancer)</dt>"), "findings grouped by resource");
    }

    @Test
    void theAzFailureSimulationTable() {
        String html = threeTier();
        int start = html.indexOf("<section id=\"simulation\">");
        String sim = html.substring(start, html.indexOf("</section>", start));
        assertTrue(sim.contains("<th>us-east-1a down</th>"), sim);
        assertTrue(sim.contains("<td>load-balancing tier</td><td class=\"sim-down\">DOWN<div class=\"cause\">WebAlb runs only in us-east-1a</div>"),
                "losing us-east-1a takes the single-AZ ALB down: " + sim);
        assertTrue(sim.contains("<tr class=\"worst\"><td>solution</td><td class=\"sim-down\">DOWN</td>"), sim);
    }

    @Test
    void theSameScanGivesTheSameBytes() {
        assertEquals(threeTier(), threeTier());
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
