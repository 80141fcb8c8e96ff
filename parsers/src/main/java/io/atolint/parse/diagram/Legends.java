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
    /** How far apart the entries of a legend drawn without a box stand at most (an icon and its caption, two rows). */
    private static final double ENTRY_GAP = 40;
    /** Pages of more shapes are not searched for a legend without a box (the search is quadratic at worst). */
    private static final int MAX_SHAPES_FOR_UNBOXED = 5_000;
    /** More entries than a legend drawn without a box has. */
    private static final int MAX_ENTRIES = 60;
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
        double gap = -1; // the entries' gap on this page's scale, measured when a free title is first met
        for (DrawnPage.Shape s : page.shapes()) {
            if (!isLegendTitle(s.label()) || ++titles > MAX_TITLES) {
                continue;
            }
            // an icon labelled "Key" is a KMS key, not the title of the box it stands in
            ShapeRecognizer.DrawnAs drawn = ShapeRecognizer.recognise(s).drawnAs();
            Box titled = drawn == ShapeRecognizer.DrawnAs.TEXT ? boxTitledBy(page, s)
                    : drawn != ShapeRecognizer.DrawnAs.ICON && drawn != ShapeRecognizer.DrawnAs.IMAGE && holdsOthers(page, s)
                    ? s.box() : null;
            boolean free = titled == null && drawn == ShapeRecognizer.DrawnAs.TEXT && isFreeLegendTitle(s.label())
                    && page.shapes().size() <= MAX_SHAPES_FOR_UNBOXED;
            if (free && gap < 0) {
                // the page's icons by their shape names alone (recognising every shape costs more than the search)
                gap = PageScale.ofIcons(page.shapes().stream().filter(o -> o.style().isImage()
                        || io.atolint.model.KindTable.isKnown(o.shapeName())).map(DrawnPage.Shape::box).toList()).of(ENTRY_GAP);
            }
            Box box = free ? unboxed(page, s, gap) : titled;
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
        String t = Labels.oneLine(label).toLowerCase(Locale.ROOT).replaceAll("(?<![:：.])[:：.]+$", "").trim();
        return !t.isEmpty() && t.length() <= 40 && TITLE.matcher(t).matches();
    }

    /**
     * A free text that titles a legend without a box: "Key" or "Icons" alone is more often the caption of a KMS
     * key or a note than a title, and counts only written as one ("Key:").
     */
    private static boolean isFreeLegendTitle(String label) {
        String t = Labels.oneLine(label).toLowerCase(Locale.ROOT).trim();
        return isLegendTitle(label) && !t.equals("key") && !t.equals("icons");
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
     * A legend drawn without a box: the title text, free on the page (in no box), and what stands close together
     * below it or to its right: icons with their captions, free texts, sample lines. The area they cover is the
     * legend when nothing else stands in it; an entry that a line joins to the rest of the page is architecture,
     * and the entries are only those reached from the title in steps of at most {@link #ENTRY_GAP} (on the page's
     * scale, {@link PageScale}).
     */
    private static Box unboxed(DrawnPage page, DrawnPage.Shape title, double gap) {
        Box t = title.box();
        if (page.shapes().stream().anyMatch(o -> o != title && o.box().area() > t.area()
                && o.box().containsPoint(t.cx(), t.cy()) && drawnBox(o))) {
            return null;
        }
        Set<String> joined = new HashSet<>();
        List<Box> samples = new ArrayList<>();
        for (DrawnPage.Link l : page.links()) {
            if (l.sourceId() != null && l.targetId() != null) {
                joined.add(l.sourceId());
                joined.add(l.targetId());
            } else if (l.sourceId() == null && l.targetId() == null) {
                lineBox(l).ifPresent(samples::add);
            } else {
                joined.add(l.sourceId() != null ? l.sourceId() : l.targetId());
            }
        }
        List<Box> members = new ArrayList<>(List.of(t));
        List<DrawnPage.Shape> candidates = new ArrayList<>();
        for (DrawnPage.Shape o : page.shapes()) {
            if (o != title && !joined.contains(o.id()) && belowOrRightOf(t, o.box(), gap)) {
                candidates.add(o);
            }
        }
        List<Box> free = new ArrayList<>(samples.stream().filter(b -> belowOrRightOf(t, b, gap)).toList());
        Set<String> taken = new HashSet<>(Set.of(title.id()));
        Set<String> boxes = new HashSet<>();
        boolean grew = true;
        int icons = 0;
        while (grew && members.size() <= MAX_ENTRIES) {
            grew = false;
            for (DrawnPage.Shape o : candidates) {
                if (members.size() > MAX_ENTRIES) {
                    return null; // more than a legend explains
                }
                if (!taken.contains(o.id()) && !boxes.contains(o.id()) && near(members, o.box(), gap)) {
                    if (holdsOthers(page, o)) {
                        boxes.add(o.id()); // a box near the title holds no entry: it is checked once
                        continue;
                    }
                    taken.add(o.id());
                    members.add(o.box());
                    icons += isIcon(o) ? 1 : 0;
                    grew = true;
                }
            }
            for (java.util.Iterator<Box> it = free.iterator(); it.hasNext();) {
                Box b = it.next();
                if (near(members, b, gap)) {
                    members.add(b);
                    it.remove();
                    grew = true;
                }
            }
        }
        if (icons == 0 || members.size() > MAX_ENTRIES) {
            return null;
        }
        double x0 = members.stream().mapToDouble(Box::x).min().orElse(0);
        double y0 = members.stream().mapToDouble(Box::y).min().orElse(0);
        double x1 = members.stream().mapToDouble(b -> b.x() + b.w()).max().orElse(0);
        double y1 = members.stream().mapToDouble(b -> b.y() + b.h()).max().orElse(0);
        Box area = new Box(x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2);
        // nothing but the entries stands in the area, and no box around it
        for (DrawnPage.Shape o : page.shapes()) {
            if (!taken.contains(o.id()) && (area.containsPoint(o.box().cx(), o.box().cy()) || o.box().holds(area) && drawnBox(o))) {
                return null;
            }
        }
        return area;
    }

    /** A shape that draws a box around what it holds (not draw.io's invisible Group cell, not a text). */
    private static boolean drawnBox(DrawnPage.Shape s) {
        return !s.style().isInvisibleGroup() && ShapeRecognizer.recognise(s).drawnAs() != ShapeRecognizer.DrawnAs.TEXT;
    }

    private static boolean belowOrRightOf(Box title, Box b, double gap) {
        return b.y() >= title.y() - gap / 4 && b.x() >= title.x() - gap / 2;
    }

    private static boolean near(List<Box> members, Box b, double gap) {
        for (Box m : members) {
            if (m.gap(b) <= gap) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<Box> lineBox(DrawnPage.Link l) {
        List<double[]> points = new ArrayList<>(l.points());
        if (l.sourcePoint() != null) {
            points.add(l.sourcePoint());
        }
        if (l.targetPoint() != null) {
            points.add(l.targetPoint());
        }
        if (points.isEmpty()) {
            return java.util.Optional.empty();
        }
        double x0 = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double y0 = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double x1 = points.stream().mapToDouble(p -> p[0]).max().orElse(0);
        double y1 = points.stream().mapToDouble(p -> p[1]).max().orElse(0);
        return java.util.Optional.of(new Box(x0, y0, x1 - x0, y1 - y0));
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
