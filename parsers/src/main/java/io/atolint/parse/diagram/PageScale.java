package io.atolint.parse.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * How much larger than usual a page draws its icons, so that every distance the reader tolerates (a label's
 * gap to its icon, a title above its box, an arrowhead short of its icon, an icon on a line) is measured on
 * the page's own scale: a page drawn with 120 px icons and room to match reads as the same page drawn with
 * 60 px icons. The factor is the median icon side over 60 px (the icons of the corpora are 30 to 100 px;
 * draw.io's are 48 to 78), never below 1 (the distances were set on pages of the usual size, and a page of
 * small icons keeps them) and never above 4.
 */
record PageScale(double factor) {
    static final PageScale USUAL = new PageScale(1);

    static PageScale of(Collection<PageNode> nodes) {
        List<Box> icons = new ArrayList<>();
        for (PageNode n : nodes) {
            if (n.isIconLike() && !n.container) {
                icons.add(n.box());
            }
        }
        return ofIcons(icons);
    }

    /** The scale of a page whose icons are drawn in these boxes. */
    static PageScale ofIcons(Collection<Box> icons) {
        List<Double> sides = new ArrayList<>();
        for (Box b : icons) {
            if (b.area() > 0) {
                sides.add(Math.max(b.w(), b.h()));
            }
        }
        if (sides.isEmpty()) {
            return USUAL;
        }
        Collections.sort(sides);
        double median = sides.get(sides.size() / 2);
        return new PageScale(Math.max(1, Math.min(4, median / 60)));
    }

    /** A distance set for pages of the usual scale, on this page's scale. */
    double of(double usual) {
        return usual * factor;
    }
}
