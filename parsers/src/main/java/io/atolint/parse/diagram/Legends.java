package io.atolint.parse.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The legend of a page: a box titled "Legend" (or "Key", "凡例", "图例", "범례", "Leyenda", "Légende"...) that
 * shows what the icons, colours and line styles of the page mean. A reviewer reads its icons as explanations,
 * not as an EC2 instance, a NAT gateway or an S3 bucket the solution runs; the page is read without it. A box
 * so titled is no legend when a line joins what it holds to the rest of the page, or when it holds most of
 * the page: then it is part of the architecture, whatever its name.
 */
final class Legends {
    private static final Pattern TITLE = Pattern.compile(
            "(?:(?:icon|diagram|colou?r|line)s?\\s+)?(?:legends?|key|icons|notation)(?:\\s*[-:(].*)?|凡例.*|图例.*|圖例.*|범례.*"
                    + "|leyenda|l[ée]gende|legenda|zeichenerkl[äa]rung",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far below a box's top edge a free text may stand and still be its title. */
    private static final double TITLE_BAND = 40;
    /** More shapes than a legend ever explains (and a bound on the work a hostile page can ask for). */
    private static final int MAX_HELD = 500;
    /** Legend titles looked at on one page. */
    private static final int MAX_TITLES = 8;

    private Legends() {
    }

    /** The page without its legends: their shapes, and the lines drawn inside them (samples of line styles). */
    static DrawnPage without(DrawnPage page) {
        List<Box> legends = legendBoxes(page);
        if (legends.isEmpty()) {
            return page;
        }
        Set<String> dropped = new HashSet<>();
        for (DrawnPage.Shape s : page.shapes()) {
            if (legends.stream().anyMatch(l -> within(l, s.box()))) {
                dropped.add(s.id());
            }
        }
        List<DrawnPage.Shape> shapes = page.shapes().stream().filter(s -> !dropped.contains(s.id())).toList();
        List<DrawnPage.Link> links = page.links().stream().filter(l -> !insideAny(l, legends, dropped)).toList();
        return new DrawnPage(page.file(), page.format(), page.index(), page.name(), shapes, links, page.where(),
                page.hiddenCells());
    }

    private static List<Box> legendBoxes(DrawnPage page) {
        List<Box> out = new ArrayList<>();
        int titles = 0;
        for (DrawnPage.Shape s : page.shapes()) {
            if (!isLegendTitle(s.label()) || ++titles > MAX_TITLES) {
                continue;
            }
            // an icon labelled "Key" is a KMS key, not the title of the box it stands in
            ShapeRecognizer.DrawnAs drawn = ShapeRecognizer.recognise(s).drawnAs();
            Box box = drawn == ShapeRecognizer.DrawnAs.TEXT ? boxTitledBy(page, s)
                    : drawn != ShapeRecognizer.DrawnAs.ICON && drawn != ShapeRecognizer.DrawnAs.IMAGE && holdsOthers(page, s)
                    ? s.box() : null;
            if (box != null && isLegend(page, box) && out.stream().noneMatch(b -> within(b, box))) {
                out.add(box);
            }
        }
        return out;
    }

    static boolean isLegendTitle(String label) {
        if (label == null) {
            return false;
        }
        String t = Labels.oneLine(label).toLowerCase(Locale.ROOT).replaceAll("[:：.]+$", "").trim();
        return !t.isEmpty() && t.length() <= 40 && TITLE.matcher(t).matches();
    }

    private static boolean holdsOthers(DrawnPage page, DrawnPage.Shape s) {
        return page.shapes().stream().anyMatch(o -> o != s && within(s.box(), o.box()) && o.box().area() < s.box().area());
    }

    /** The smallest box whose top band the text stands in (a rectangle with a separate text as its title). */
    private static Box boxTitledBy(DrawnPage page, DrawnPage.Shape title) {
        Box best = null;
        for (DrawnPage.Shape o : page.shapes()) {
            Box b = o.box();
            if (o == title || b.area() <= title.box().area() || !b.containsPoint(title.box().cx(), title.box().cy())
                    || title.box().cy() - b.y() > TITLE_BAND
                    || ShapeRecognizer.recognise(o).drawnAs() != ShapeRecognizer.DrawnAs.UNRECOGNISED) {
                continue;
            }
            if (best == null || b.area() < best.area()) {
                best = b;
            }
        }
        return best;
    }

    /**
     * A legend explains, side by side: no line joins what it holds to the rest, and nothing in it holds an icon
     * (a VPC with its servers in a box titled "Legend" is drawn architecture).
     */
    private static boolean isLegend(DrawnPage page, Box box) {
        Set<String> inside = new HashSet<>();
        List<DrawnPage.Shape> held = new ArrayList<>();
        for (DrawnPage.Shape s : page.shapes()) {
            if (within(box, s.box())) {
                inside.add(s.id());
                if (!s.box().equals(box)) {
                    held.add(s);
                }
            }
        }
        if (held.size() > MAX_HELD) {
            return false;
        }
        for (DrawnPage.Shape outer : held) {
            for (DrawnPage.Shape inner : held) {
                if (outer.box().holds(inner.box()) && isIcon(inner)) {
                    return false;
                }
            }
        }
        for (DrawnPage.Link l : page.links()) {
            boolean from = l.sourceId() != null && inside.contains(l.sourceId());
            boolean to = l.targetId() != null && inside.contains(l.targetId());
            if (from != to && (l.sourceId() != null && l.targetId() != null)) {
                return false;
            }
            if ((from || to) && !insideAny(l, List.of(box), inside)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every end and bend of a line lies in a legend, or is glued to what a legend holds. */
    private static boolean insideAny(DrawnPage.Link l, List<Box> legends, Set<String> held) {
        List<double[]> points = new ArrayList<>(l.points());
        boolean any = false;
        for (String end : new String[] {l.sourceId(), l.targetId()}) {
            if (end != null) {
                if (!held.contains(end)) {
                    return false;
                }
                any = true;
            }
        }
        if (l.sourceId() == null && l.sourcePoint() != null) {
            points.add(l.sourcePoint());
        }
        if (l.targetId() == null && l.targetPoint() != null) {
            points.add(l.targetPoint());
        }
        for (double[] p : points) {
            if (legends.stream().noneMatch(b -> b.containsPoint(p[0], p[1]))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean isIcon(DrawnPage.Shape s) {
        ShapeRecognizer.DrawnAs d = ShapeRecognizer.recognise(s).drawnAs();
        return d == ShapeRecognizer.DrawnAs.ICON || d == ShapeRecognizer.DrawnAs.IMAGE;
    }

    /** The box itself, or a smaller one whose centre is in it. */
    private static boolean within(Box outer, Box inner) {
        return outer.equals(inner) || outer.holds(inner);
    }
}
