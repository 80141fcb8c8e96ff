package io.atolint.parse.diagram;

import io.atolint.model.Kind;
import io.atolint.model.KindTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Second look at what shapes are, once the page is known: an unlabelled icon takes the detached text
 * drawn at it as its label; pasted images and the generic "database"/"instance" glyphs are recognised by
 * their file name and label ("RDS", "Aurora", "PostgreSQL", "EC2") before they stay a generic service;
 * non-AWS icons and plain shapes that name what is outside AWS ("Internet", "Office users", a server
 * clip-art, a mail glyph) are users, devices, on-premises or external systems; and an unknown picture
 * connected from inside an AWS boundary but drawn outside it is an external system.
 */
final class Refinement {
    private static final double LABEL_GAP = 25;
    /** What a text above an icon costs as its label, against one under it (more than a text's usual gap). */
    private static final double LABEL_ABOVE = 15;
    private static final Pattern AURORA = Pattern.compile(".*\\baurora\\b.*");
    private static final Pattern DATABASE = Pattern.compile(
            ".*\\b(rds|postgres(ql)?|mysql|mariadb|oracle|sql ?server|database|db)\\b.*");
    private static final Pattern CACHE = Pattern.compile(".*\\b(redis|memcached|elasticache|cache)\\b.*");
    private static final Pattern INSTANCE = Pattern.compile(".*\\b(ec2|instances?|servers?|vm|virtual machine)\\b.*");

    private Refinement() {
    }

    /**
     * Detached texts as labels: first the titles of boxes drawn by hand ({@link BoxTitles}), then, for
     * each unlabelled icon, the text drawn at it. Pairs are assigned best first (nearest, then best
     * aligned with the icon), so that of two icons side by side each takes the text under itself.
     */
    static void adoptDetachedLabels(Collection<PageNode> nodes, PageScale scale) {
        List<PageNode> texts = new ArrayList<>();
        for (PageNode n : nodes) {
            String l = n.label();
            if (n.isText() && !l.isEmpty() && l.length() <= 60
                    && (AzLabels.whole(l).isEmpty() || AzLabels.namesMoreThanTheAz(l))) {
                texts.add(n);
            }
        }
        Set<PageNode> taken = new HashSet<>(BoxTitles.texts(nodes, texts, scale));
        record Pair(PageNode icon, PageNode text, double score) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (PageNode n : nodes) {
            if (!n.isIconLike() || !n.ownLabel().isEmpty() || n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP) {
                continue;
            }
            for (PageNode t : texts) {
                double gap = t.box().gap(n.box());
                boolean holdsIcon = t.box().area() > 4 * Math.max(1, n.box().area());
                if (taken.contains(t) || holdsIcon || gap > scale.of(LABEL_GAP)) {
                    continue;
                }
                // a text naming an AZ besides its words ("Web server (us-east-1a)") captions the icon it stands
                // under; above an icon it may head an AZ column
                if (AzLabels.whole(t.label()).isPresent() && t.box().cy() < n.box().y() + n.box().h()) {
                    continue;
                }
                double aligned = Math.min(Math.abs(t.box().cx() - n.box().cx()), Math.abs(t.box().cy() - n.box().cy()));
                // an icon's label goes under it (draw.io's place for it, and people's): a text between two
                // stacked icons names the one above it, not the one it stands on
                double above = t.box().cy() < n.box().y() ? scale.of(LABEL_ABOVE) : 0;
                pairs.add(new Pair(n, t, gap + 0.5 * aligned + above));
            }
        }
        pairs.sort(java.util.Comparator.comparingDouble(Pair::score));
        Set<PageNode> labelled = new HashSet<>();
        for (Pair p : pairs) {
            if (taken.contains(p.text) || labelled.contains(p.icon)) {
                continue;
            }
            p.icon.adopted = p.text.label();
            taken.add(p.text);
            labelled.add(p.icon);
        }
        for (PageNode t : taken) {
            t.usedAsLabel = true;
        }
    }

    static void recognise(Collection<PageNode> nodes) {
        for (PageNode n : nodes) {
            if (n.isTablePart() && n.rec.drawnAs() == ShapeRecognizer.DrawnAs.LABEL) {
                // a row of a drawn table ("VPC 1" in a route table) names a thing, it does not draw one
                n.kind = Kind.UNKNOWN;
                n.rec = new ShapeRecognizer.Recognition(n.rec.rawType(), Kind.UNKNOWN, "", ShapeRecognizer.DrawnAs.TEXT,
                        "other");
                continue;
            }
            if (n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP && n.kind == Kind.SUBNET) {
                // draw.io's subnet group (its icon is named group_security_group), recoloured and named as a
                // security group or an AZ, is what its label says, as a plain box is; one named only "us-east-1a"
                // may be the subnet of that zone
                Kind byLabel = Containment.kindOfLabel(n.label());
                if (byLabel == Kind.SECURITY_GROUP
                        || byLabel == Kind.AVAILABILITY_ZONE && !AzLabels.whole(n.label()).orElseThrow().literal()) {
                    retype(n, byLabel, "label '" + n.label() + "'");
                    continue;
                }
            }
            if (n.isText() || n.rec.drawnAs() == ShapeRecognizer.DrawnAs.GROUP) {
                continue;
            }
            String label = n.label();
            String lower = label.toLowerCase(Locale.ROOT);
            boolean generic = n.kind == Kind.GENERIC_AWS_SERVICE && n.rec.rawType().matches(
                    "(?i).*\\b(aws4\\.(generic.*|database|instance|instances|traditional_server|table|item|items))$");
            boolean image = n.rec.drawnAs() == ShapeRecognizer.DrawnAs.IMAGE || n.shape.style().isImage();
            boolean unknown = n.kind == Kind.UNKNOWN;
            String file = n.shape.style().get("image").orElse(n.shape.shapeName());
            boolean awsName = lower.matches(".*\\b(aws|amazon)\\b.*");
            boolean awsIcon = n.rec.iconSet().startsWith("aws") || file.toLowerCase(Locale.ROOT).matches(".*(aws|amazon).*");
            // a non-AWS picture says what it is by its file name before its label says anything
            Optional<Kind> outsideIcon = awsIcon || awsName || !(image || unknown) ? Optional.empty()
                    : OutsideLabels.ofIconName(file).or(() -> OutsideLabels.ofIconName(n.shape.shapeName()));
            if (outsideIcon.isPresent() && !file.startsWith("data:")) {
                retype(n, outsideIcon.get(), "icon " + DrawioReader.imageName(file));
                continue;
            }
            if (generic || (image && (unknown || n.kind == Kind.GENERIC_AWS_SERVICE))) {
                Optional<Kind> byLabel = ShapeRecognizer.fromLabel(label).map(ShapeRecognizer.Recognition::kind)
                        .or(() -> serviceWords(lower, awsName));
                if (byLabel.isPresent()) {
                    retype(n, byLabel.get(), "label '" + label + "'");
                    continue;
                }
            }
            if ((unknown || (image && !awsIcon)) && !awsName) {
                Optional<Kind> outside = OutsideLabels.ofLabel(label);
                if (outside.isPresent() && (n.isIconLike() || n.endpoint || image || !label.isEmpty())) {
                    retype(n, outside.get(), "label '" + label + "'");
                }
            }
        }
    }

    /** Unknown pictures on the far side of a drawn AWS boundary that lines reach: something outside AWS. */
    static void beyondBoundary(Collection<PageNode> nodes) {
        boolean boundary = nodes.stream().anyMatch(n -> n.container && (n.kind == Kind.AWS_CLOUD
                || n.kind == Kind.REGION || n.kind == Kind.ACCOUNT || n.kind == Kind.VPC));
        if (!boundary) {
            return;
        }
        for (PageNode n : nodes) {
            if (n.kind != Kind.UNKNOWN || !n.endpoint || !isPicture(n) || n.container) {
                continue;
            }
            boolean inside = n.containers.stream().anyMatch(c -> c.kind == Kind.AWS_CLOUD || c.kind == Kind.REGION
                    || c.kind == Kind.ACCOUNT || c.kind == Kind.VPC || c.kind == Kind.SUBNET
                    || c.kind == Kind.AVAILABILITY_ZONE);
            if (!inside) {
                retype(n, Kind.EXTERNAL_SYSTEM, "a picture drawn outside the AWS boundary");
            }
        }
    }

    /** An image, or a stencil of another library than AWS's (a logo, a clip-art server): a picture of something. */
    static boolean isPicture(PageNode n) {
        return n.shape.style().isImage()
                || (!n.rec.iconSet().startsWith("aws") && n.shape.shapeName().startsWith("mxgraph."));
    }

    /**
     * A plain shape whose label alone made it something outside AWS ("Staff portal", "Customer API", "Admin
     * console" read as people) but that is drawn inside a VPC or subnet is not outside AWS: it is left
     * unrecognised rather than called users or the internet inside the network.
     */
    static void outsideNamesInsideTheNetwork(Collection<PageNode> nodes) {
        for (PageNode n : nodes) {
            if (!n.kind.isOutsideAws() || n.container || n.isIconLike() || n.shape.style().isImage()
                    || n.recognisedBy == null || !n.recognisedBy.startsWith("label '")) {
                continue;
            }
            boolean inNetwork = n.containers.stream().anyMatch(c -> c.kind == Kind.VPC || c.kind == Kind.SUBNET);
            if (inNetwork) {
                n.kind = Kind.UNKNOWN;
                n.rec = new ShapeRecognizer.Recognition(n.rec.rawType(), Kind.UNKNOWN, "",
                        ShapeRecognizer.DrawnAs.UNRECOGNISED, n.rec.iconSet());
                n.recognisedBy = null;
            }
        }
    }

    private static Optional<Kind> serviceWords(String lower, boolean aws) {
        if (aws && lower.matches(".*\\bfirewall\\b.*")) {
            return Optional.of(Kind.NETWORK_FIREWALL);
        }
        if (lower.matches(".*\\bdynamo ?db\\b.*")) {
            return Optional.of(Kind.DYNAMODB_TABLE);
        }
        if (AURORA.matcher(lower).matches()) {
            return Optional.of(Kind.AURORA_CLUSTER);
        }
        if (CACHE.matcher(lower).matches()) {
            return Optional.of(Kind.ELASTICACHE_CLUSTER);
        }
        if (DATABASE.matcher(lower).matches()) {
            return Optional.of(Kind.RDS_INSTANCE);
        }
        if (INSTANCE.matcher(lower).matches()) {
            return Optional.of(Kind.EC2_INSTANCE);
        }
        return Optional.empty();
    }

    private static void retype(PageNode n, Kind k, String why) {
        n.kind = k;
        String family = KindTable.family("label:" + k.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse(n.rec.family());
        n.rec = new ShapeRecognizer.Recognition(n.rec.rawType(), k, family, n.rec.drawnAs() == ShapeRecognizer.DrawnAs.UNRECOGNISED
                || n.rec.drawnAs() == ShapeRecognizer.DrawnAs.TEXT ? ShapeRecognizer.DrawnAs.LABEL : n.rec.drawnAs(),
                n.rec.iconSet());
        n.recognisedBy = why;
    }
}
