package io.atolint.parse.diagram;

import java.util.List;
import java.util.Locale;

/**
 * Arrows drawn as shapes (draw.io's single/double/flex arrow and the arrows2 stencils) instead of
 * connectors: a connection between what lies at its two ends, read like a connector with loose ends.
 * So is a pipe: a cylinder laid along a path (at least three times as long as thick) whose label names a
 * VPN or a tunnel, the way VPN tunnels are often drawn between a customer gateway and AWS; a pipe drawn
 * inside another (the two tunnels of one VPN connection) is part of it, not a connection of its own.
 */
final class ArrowShapes {
    private ArrowShapes() {
    }

    private static final java.util.regex.Pattern PIPE_LABEL = java.util.regex.Pattern.compile(
            "(?i)\\b(vpn|ipsec|site[- ]to[- ]site|tunnels?)\\b");

    /** Whether a shape is a labelled pipe (see the class comment). */
    static boolean isPipe(DrawnPage.Shape s) {
        String shape = s.style().shape().toLowerCase(Locale.ROOT);
        Box b = s.box();
        if (!(shape.contains("cylinder") || shape.contains("pipe") || shape.contains("tube")) || b.area() <= 0) {
            return false;
        }
        double len = Math.max(b.w(), b.h());
        double thick = Math.min(b.w(), b.h());
        return len >= 3 * thick && PIPE_LABEL.matcher(Labels.oneLine(s.label())).find();
    }

    /** A pipe as a line without arrowheads from one narrow end to the other. */
    static DrawnPage.Link pipeAsLink(DrawnPage.Shape s) {
        Box b = s.box();
        double len = Math.max(b.w(), b.h()) / 2;
        boolean wide = b.w() >= b.h();
        double[] from = wide ? new double[]{b.cx() - len, b.cy()} : new double[]{b.cx(), b.cy() - len};
        double[] to = wide ? new double[]{b.cx() + len, b.cy()} : new double[]{b.cx(), b.cy() + len};
        return new DrawnPage.Link(s.id(), null, null, s.label(), Style.parse("endArrow=none"), from, to, List.of(),
                s.at());
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
