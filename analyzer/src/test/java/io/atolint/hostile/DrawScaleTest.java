package io.atolint.hostile;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Icons are drawn at 30 px or at 120 px, with room to match: a page drawn larger reads as the same page. The
 * findings of every draw.io fixture stay the same when every page is drawn twice as large (positions, sizes
 * and waypoints; fonts as they were), but for the positions in the names of unlabelled shapes.
 */
class DrawScaleTest {

    /** Every geometry and waypoint {@code factor} times as large. */
    static void scale(Document doc, double factor) {
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
    }

    private static void scale(Element e, double factor, String... attributes) {
        for (String a : attributes) {
            if (!e.getAttribute(a).isEmpty()) {
                e.setAttribute(a, Double.toString(Double.parseDouble(e.getAttribute(a)) * factor));
            }
        }
    }

    @Test
    void findingsDoNotDependOnTheSizeAPageIsDrawnAt() {
        RedrawnFixtures.assertReadAlike(doc -> scale(doc, 2));
    }
}
