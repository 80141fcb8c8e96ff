package io.atolint.parse.diagram;

import java.util.List;
import java.util.Locale;

/**
 * Arrows drawn as shapes (draw.io's single/double/flex arrow and the arrows2 stencils) instead of
 * connectors: a connection between what lies at its two ends, read like a connector with loose ends.
 */
final class ArrowShapes {
    private ArrowShapes() {
    }

    static DrawnPage.Link asLink(DrawnPage.Shape s) {
        String shape = s.style().shape().toLowerCase(Locale.ROOT);
        boolean arrow = shape.equals("singlearrow") || shape.equals("doublearrow") || shape.equals("flexarrow")
                || shape.startsWith("mxgraph.arrows2.") || shape.startsWith("mxgraph.arrows.");
        if (!arrow || s.box().area() <= 0) {
            return null;
        }
        Box b = s.box();
        double rotation = 0;
        try {
            rotation = Double.parseDouble(s.style().getOr("rotation", "0"));
        } catch (NumberFormatException e) {
            rotation = 0;
        }
        // the box is already turned as drawn (DrawioReader.turned)
        boolean wide = b.w() >= b.h();
        double len = Math.max(b.w(), b.h()) / 2;
        double[] from;
        double[] to;
        if (wide) {
            from = new double[]{b.cx() - len, b.cy()};
            to = new double[]{b.cx() + len, b.cy()};
        } else {
            from = new double[]{b.cx(), b.cy() - len};
            to = new double[]{b.cx(), b.cy() + len};
        }
        boolean backwards = Math.abs(((rotation % 360) + 360) % 360 - 180) < 30
                || Math.abs(((rotation % 360) + 360) % 360 - 270) < 30 || "west".equals(s.style().getOr("direction", ""))
                || "north".equals(s.style().getOr("direction", ""));
        return new DrawnPage.Link(s.id(), null, null, s.label(), Style.parse("endArrow=" + (backwards ? "none;startArrow=block" : "block")),
                backwards ? to : from, backwards ? from : to, List.of(), s.at());
    }
}
