package io.atolint.parse.diagram;

/** An axis-aligned rectangle in page coordinates. */
public record Box(double x, double y, double w, double h) {

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }

    public boolean containsPoint(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    /** True when {@code o}'s centre lies inside this box and this box is the larger one. */
    public boolean holds(Box o) {
        return area() > o.area() && containsPoint(o.cx(), o.cy());
    }

    public double overlap(Box o) {
        double ix = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
        double iy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
        return ix <= 0 || iy <= 0 ? 0 : ix * iy;
    }

    /** Distance from a point to the box; 0 inside. */
    public double distance(double px, double py) {
        double dx = Math.max(Math.max(x - px, 0), px - (x + w));
        double dy = Math.max(Math.max(y - py, 0), py - (y + h));
        return Math.hypot(dx, dy);
    }

    /** Gap between two boxes; 0 when they touch or overlap. */
    public double gap(Box o) {
        double dx = Math.max(0, Math.max(o.x - (x + w), x - (o.x + o.w)));
        double dy = Math.max(0, Math.max(o.y - (y + h), y - (o.y + o.h)));
        return Math.hypot(dx, dy);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.0f,%.0f %.0fx%.0f", x, y, w, h);
    }
}
