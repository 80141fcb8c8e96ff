package io.atolint.hostile;

import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Icons are drawn at 30 px or at 120 px, with room to match: a page drawn larger reads as the same page. The
 * findings of every draw.io fixture stay the same when every page is drawn twice as large (positions, sizes
 * and waypoints; fonts as they were), but for the positions in the names of unlabelled shapes.
 */
class DrawScaleTest {

    /** The fixtures' uncompressed draw.io files, each page drawn {@code factor} times as large. */
    private record Scaled(SourceTree inner, double factor) implements SourceTree {
        @Override
        public String root() {
            return inner.root();
        }

        @Override
        public List<String> files() {
            // hostile files are judged by their own tests (a loop of parents is reported at its first cell in the file)
            return inner.files().stream().filter(f -> f.endsWith(".drawio") && !f.startsWith("fixtures/hostile/")).toList();
        }

        @Override
        public ReadResult readText(String path) {
            ReadResult r = inner.readText(path);
            if (factor == 1 || !(r instanceof ReadResult.Text t)) {
                return r;
            }
            return new ReadResult.Text(new SourceFile(t.file().path(), scaled(t.file().text(), factor)));
        }

        @Override
        public ReadResult readBytes(String path) {
            return inner.readBytes(path);
        }

        @Override
        public List<Finding> problems() {
            return inner.problems();
        }
    }

    static String scaled(String xml, double factor) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            NodeList geometries = doc.getElementsByTagName("mxGeometry");
            for (int i = 0; i < geometries.getLength(); i++) {
                Element g = (Element) geometries.item(i);
                // a relative geometry (an edge label's) is a fraction of its line, the same at any size
                if (!g.getAttribute("relative").equals("1")) {
                    scale(g, factor, "x", "y", "width", "height");
                }
                NodeList points = g.getElementsByTagName("mxPoint");
                for (int j = 0; j < points.getLength(); j++) {
                    Element p = (Element) points.item(j);
                    if (!p.getAttribute("as").equals("offset")) {
                        scale(p, factor, "x", "y");
                    }
                }
            }
            var out = TransformerFactory.newInstance().newTransformer();
            out.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            out.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void scale(Element e, double factor, String... attributes) {
        for (String a : attributes) {
            if (!e.getAttribute(a).isEmpty()) {
                e.setAttribute(a, Double.toString(Double.parseDouble(e.getAttribute(a)) * factor));
            }
        }
    }

    /** What a finding says and about what, without its line and the positions in generated names. */
    private static List<String> said(SourceTree tree) {
        List<String> out = new ArrayList<>();
        for (Finding f : Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1")).findings()) {
            out.add(f.ruleId() + " " + f.severity() + " " + f.location().file() + " " + f.location().logicalPath()
                    + " " + f.message().replaceAll(" at -?[0-9.]+,-?[0-9.]+", " at X,Y"));
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void findingsDoNotDependOnTheSizeAPageIsDrawnAt() {
        SourceTree fixtures = new FileSystemSourceTree(Repo.path("fixtures"), "fixtures", Limits.defaults());
        List<String> asSaved = said(new Scaled(fixtures, 1));
        List<String> larger = said(new Scaled(fixtures, 2));
        assertTrue(asSaved.size() > 300, "the draw.io fixtures produce many findings: " + asSaved.size());
        List<String> lost = new ArrayList<>(asSaved);
        larger.forEach(lost::remove);
        List<String> gained = new ArrayList<>(larger);
        asSaved.forEach(gained::remove);
        assertEquals("", String.join("\n", lost) + (gained.isEmpty() ? "" : "\n  became\n" + String.join("\n", gained)));
    }
}
