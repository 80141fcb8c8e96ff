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
 * A draw.io file lists its cells in z-order (the last is in front). "Bring to front" and "send to back"
 * change that order and nothing a reviewer reads: the findings of every draw.io fixture stay the same
 * when every page's cells are listed backwards.
 */
class DrawOrderTest {

    /** The fixtures' uncompressed draw.io files, each page's shapes and connectors in reverse z-order. */
    private record Restacked(SourceTree inner, boolean reverse) implements SourceTree {
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
            if (!reverse || !(r instanceof ReadResult.Text t)) {
                return r;
            }
            return new ReadResult.Text(new SourceFile(t.file().path(), restacked(t.file().text())));
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

    static String restacked(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            NodeList roots = doc.getElementsByTagName("root");
            for (int i = 0; i < roots.getLength(); i++) {
                Element root = (Element) roots.item(i);
                List<Element> top = new ArrayList<>();
                List<Element> drawn = new ArrayList<>();
                List<String> topIds = new ArrayList<>();
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        Element cell = e.getTagName().equals("mxCell") ? e
                                : (Element) e.getElementsByTagName("mxCell").item(0);
                        String parent = cell == null ? "" : cell.getAttribute("parent");
                        boolean layer = parent.isEmpty() || topIds.contains(parent) && cell.getAttribute("vertex").isEmpty()
                                && cell.getAttribute("edge").isEmpty();
                        if (layer) {
                            top.add(e);
                            topIds.add(e.getAttribute("id"));
                        } else {
                            drawn.add(e);
                        }
                    }
                }
                Collections.reverse(drawn);
                top.forEach(root::removeChild);
                drawn.forEach(root::removeChild);
                top.forEach(root::appendChild);
                drawn.forEach(root::appendChild);
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

    /** What a finding says and about what, without its line (the cells moved). */
    private static List<String> said(SourceTree tree) {
        List<String> out = new ArrayList<>();
        for (Finding f : Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1")).findings()) {
            out.add(f.ruleId() + " " + f.severity() + " " + f.location().file() + " " + f.location().logicalPath()
                    + " " + f.message());
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void findingsDoNotDependOnTheZOrderOfShapes() {
        SourceTree fixtures = new FileSystemSourceTree(Repo.path("fixtures"), "fixtures", Limits.defaults());
        List<String> asSaved = said(new Restacked(fixtures, false));
        List<String> backwards = said(new Restacked(fixtures, true));
        assertTrue(asSaved.size() > 300, "the draw.io fixtures produce many findings: " + asSaved.size());
        List<String> lost = new ArrayList<>(asSaved);
        backwards.forEach(lost::remove);
        List<String> gained = new ArrayList<>(backwards);
        asSaved.forEach(gained::remove);
        assertEquals("", String.join("\n", lost) + (gained.isEmpty() ? "" : "\n  became\n" + String.join("\n", gained)));
    }
}
