package io.atolint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a diagram element is drawn, in page units: the {@code box} a diagram reader records in a resource's
 * meta ({@code x,y,w,h}) for what reads the picture's geometry (the N-th AZ box from the left, icons that
 * stand together). One class writes and reads the format.
 */
public record DrawnBox(double x, double y, double w, double h) {
    private static final String META = "box";
    private static final String PAGE_SCALE = "iconScale";

    /** The box a reader recorded for {@code r}; empty for what was not drawn (IaC) or an unreadable value. */
    public static Optional<DrawnBox> of(Resource r) {
        String b = r.meta().get(META);
        if (b == null) {
            return Optional.empty();
        }
        String[] p = b.split(",");
        if (p.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DrawnBox(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2]), Double.parseDouble(p[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Records this box in a resource's meta. */
    public void record(java.util.Map<String, String> meta) {
        meta.put(META, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", x, y, w, h));
    }

    /**
     * How much larger than usual a page draws its icons (1 for the usual 30 to 60 px, up to 4): distances
     * read off a page are measured on its scale. Recorded in the page's model meta by the diagram reader.
     */
    public static double pageScale(Model page) {
        try {
            return Double.parseDouble(page.meta().getOrDefault(PAGE_SCALE, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Records a page's scale ({@link #pageScale}) in its model meta. */
    public static void recordPageScale(java.util.Map<String, String> pageMeta, double scale) {
        pageMeta.put(PAGE_SCALE, String.format(Locale.ROOT, "%.3f", scale));
    }

    /** The gap between two boxes; 0 when they touch or overlap. */
    public double gap(DrawnBox o) {
        double dx = Math.max(0, Math.max(o.x - (x + w), x - (o.x + o.w)));
        double dy = Math.max(0, Math.max(o.y - (y + h), y - (o.y + o.h)));
        return Math.hypot(dx, dy);
    }
}
