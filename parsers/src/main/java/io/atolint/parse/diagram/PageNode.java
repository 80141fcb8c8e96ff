package io.atolint.parse.diagram;

import io.atolint.model.Kind;

import java.util.ArrayList;
import java.util.List;

/** A drawn shape of one page with what the interpretation has found out about it so far. */
final class PageNode {
    final DrawnPage.Shape shape;
    ShapeRecognizer.Recognition rec;
    Kind kind;
    boolean container;
    boolean endpoint;
    /** How an AZ box was recognised; null for anything else. */
    String azHow;
    /** The containers holding it, largest first (geometry and drawing parents). */
    final List<PageNode> containers = new ArrayList<>();
    /** A box no shape draws: the column a free "AZ 1" text heads. */
    final boolean synthetic;

    PageNode(DrawnPage.Shape shape, ShapeRecognizer.Recognition rec) {
        this(shape, rec, false);
    }

    PageNode(DrawnPage.Shape shape, ShapeRecognizer.Recognition rec, boolean synthetic) {
        this.shape = shape;
        this.rec = rec;
        this.kind = rec.kind();
        this.synthetic = synthetic;
    }

    String id() {
        return shape.id();
    }

    /** Why the kind was changed after the first recognition (label, icon file, outside the boundary). */
    String recognisedBy;
    /** A detached text drawn at an unlabelled icon, taken as its label; or a box's title. */
    String adopted;
    /** A box whose title is {@link #adopted} (a text on its top edge, or the icon at its corner). */
    boolean titled;
    /** A text taken as the label or title of a shape. */
    boolean usedAsLabel;
    /** Why a person sees it take part though no connector joins it to another shape ({@link LineMarks}). */
    String lineMark;
    /** An icon drawn at a box's corner as the sign of the box: the box stands for it. */
    PageNode absorbedInto;

    String label() {
        String own = ownLabel();
        if (titled && adopted != null && !adopted.isEmpty()) {
            return adopted;
        }
        return own.isEmpty() && adopted != null ? adopted : own;
    }

    /** The label the cell itself carries; a pasted cell's URL-encoded model is no label. */
    String ownLabel() {
        String l = Labels.oneLine(shape.label());
        return l.startsWith("%3CmxGraphModel") || l.startsWith("<mxGraphModel") ? "" : l;
    }

    Box box() {
        return shape.box();
    }

    boolean isText() {
        return rec.drawnAs() == ShapeRecognizer.DrawnAs.TEXT;
    }

    boolean isIconLike() {
        return rec.drawnAs() == ShapeRecognizer.DrawnAs.ICON || rec.drawnAs() == ShapeRecognizer.DrawnAs.IMAGE;
    }

    /**
     * A group made by draw.io's Group command, without a label: a reviewer sees its cells, not it; it holds
     * nothing and is titled by nothing (its cells keep their own containers).
     */
    boolean isInvisibleGroup() {
        return shape.style().isInvisibleGroup() && label().isEmpty();
    }

    /** A cell of a drawn table (route tables drawn as tables): text in a grid, never a group. */
    boolean isTablePart() {
        String s = shape.style().shape();
        return s.equals("partialRectangle") || s.equals("table") || s.equals("tableRow");
    }

    /** Turns a plain shape into a group of the given kind. */
    void becomeGroup(Kind k) {
        kind = k;
        rec = new ShapeRecognizer.Recognition(rec.rawType(), k, "", ShapeRecognizer.DrawnAs.GROUP, "other");
    }

    /** The innermost container, or null. */
    PageNode direct() {
        return containers.isEmpty() ? null : containers.get(containers.size() - 1);
    }

    @Override
    public String toString() {
        return kind + " " + id() + " '" + label() + "'";
    }
}
