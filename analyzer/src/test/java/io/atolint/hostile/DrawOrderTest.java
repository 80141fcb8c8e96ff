package io.atolint.hostile;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A draw.io file lists its cells in z-order (the last is in front). "Bring to front" and "send to back"
 * change that order and nothing a reviewer reads: the findings of every draw.io fixture stay the same
 * when every page's cells are listed backwards.
 */
class DrawOrderTest {

    /** Each page's shapes and connectors in reverse z-order (its root cell and layers first, as saved). */
    static void restack(Document doc) {
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
    }

    @Test
    void findingsDoNotDependOnTheZOrderOfShapes() {
        RedrawnFixtures.assertReadAlike(DrawOrderTest::restack);
    }
}
