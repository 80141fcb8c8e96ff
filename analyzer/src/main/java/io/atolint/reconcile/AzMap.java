package io.atolint.reconcile;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.parse.RegionAzs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the diagram's Availability Zones correspond to the IaC's. A drawn "Availability Zone N" (or "AZ a",
 * or the N-th AZ box from the left, or from the top when they are stacked) is the N-th AZ of the IaC's own
 * list: {@code !Select [N-1, !GetAZs '']}, {@code var.azs[N-1]}, {@code names[N-1]}; where the IaC gives
 * literal AZ names, they are ordered as the region lists them ({@code us-east-1a} first), and a drawn
 * literal name matches the same name. An AZ whose position cannot be told has no counterpart: claims about
 * it are UNKNOWN, never false.
 */
public final class AzMap {
    public static final AzMap EMPTY = new AzMap(Map.of(), Map.of());
    // the separator is possessive: a run of spaces (form feeds, from &#12;, survive a label's clean-up) is not
    // split every way between two \s* (quadratic); the number after it cannot start with a space or a separator
    private static final Pattern NUMBERED = Pattern.compile(
            "(?i)^\\s*(?:availability[\\s_-]*zone|avail\\.?[\\s_-]*zone|az)\\s*+[-_#:]?+\\s*+(\\d{1,2}|[a-h])\\b");
    private static final Pattern LITERAL = Pattern.compile("(?i)\\b([a-z]{2}(?:-gov)?-[a-z]+-\\d)([a-z])\\b");

    /** A drawn AZ: its value, its label, its 0-based position (-1 when unknown), a literal name if it has one. */
    public record DrawnAz(Az az, String label, int ordinal, String literal, String how, Resource box) {
        public String display() {
            return label.isEmpty() ? "AZ box " + (ordinal + 1) : label;
        }
    }

    /** An AZ of the IaC with its 0-based position in the IaC's own list (-1 when unknown) and how it was found. */
    public record IacAz(Az az, int ordinal, String how) {
    }

    private final Map<String, DrawnAz> drawn;
    private final Map<String, IacAz> iac;

    private AzMap(Map<String, DrawnAz> drawn, Map<String, IacAz> iac) {
        this.drawn = drawn;
        this.iac = iac;
    }

    static AzMap of(List<Model> pages, List<Model> iacModels, String region) {
        Map<String, DrawnAz> drawn = new LinkedHashMap<>();
        for (Model page : pages) {
            drawnAzs(page, drawn);
        }
        Map<String, IacAz> iac = iacAzs(iacModels, region);
        return new AzMap(byPositionAcrossRegions(drawn, iac), iac);
    }

    /**
     * AZs the diagram names in another region than the IaC's literal names (a diagram drawn for us-east-1, a
     * template scanned with {@code --region eu-west-1}) are compared by their position in their region: that the
     * whole drawing names another region is one remark, not a disagreement on every element.
     */
    private static Map<String, DrawnAz> byPositionAcrossRegions(Map<String, DrawnAz> drawn, Map<String, IacAz> iac) {
        Set<String> iacRegions = new TreeSet<>();
        for (IacAz a : iac.values()) {
            if (a.az().type() == Az.Type.LITERAL && a.az().value().length() > 1) {
                iacRegions.add(regionOf(a.az().value()));
            }
        }
        if (iacRegions.isEmpty()) {
            return drawn;
        }
        Map<String, DrawnAz> out = new LinkedHashMap<>();
        for (Map.Entry<String, DrawnAz> e : drawn.entrySet()) {
            DrawnAz d = e.getValue();
            if (d.literal() != null && !iacRegions.contains(regionOf(d.literal()))) {
                d = new DrawnAz(d.az(), d.label(), d.ordinal(), d.literal(), "named " + d.literal() + ", an AZ of "
                        + regionOf(d.literal()) + " while the IaC's are in " + String.join(", ", iacRegions)
                        + ": compared by position", d.box());
            }
            out.put(e.getKey(), d);
        }
        return out;
    }

    static String regionOf(String azName) {
        return azName.isEmpty() ? "" : azName.toLowerCase(Locale.ROOT).substring(0, azName.length() - 1);
    }

    /** The drawn AZs named in another region than the IaC's (compared by position). */
    public List<DrawnAz> inAnotherRegion() {
        return drawn.values().stream().filter(d -> d.how().contains(" while the IaC's are in ")).toList();
    }

    private static void drawnAzs(Model page, Map<String, DrawnAz> out) {
        List<Resource> boxes = new ArrayList<>();
        for (Resource r : page.resources(Kind.AVAILABILITY_ZONE)) {
            if (r.placement().scope() == Placement.Scope.ZONAL && r.placement().azs().size() == 1) {
                boxes.add(r);
            }
        }
        List<Resource> byPosition = new ArrayList<>(boxes);
        byPosition.sort(positionOrder(boxes));
        // a box's position tells which AZ it is only among boxes that are all unnamed, two or more: one unnamed
        // box beside "AZ c", or a lone AZ box, says nothing of its own place in the IaC's list
        // ... and in one VPC: one unnamed AZ box in each of three VPCs may be the same AZ three times
        boolean positional = boxes.size() >= 2 && boxes.stream().map(r -> r.meta().getOrDefault("label", ""))
                .noneMatch(l -> LITERAL.matcher(l).find() || NUMBERED.matcher(l).find())
                && boxes.stream().map(b -> vpcAround(page, b)).distinct().count() == 1;
        Map<String, DrawnAz> page2 = new LinkedHashMap<>();
        for (Resource r : boxes) {
            Az az = r.placement().azs().get(0);
            String label = r.meta().getOrDefault("label", "");
            String key = az.value();
            if (page2.containsKey(key)) {
                continue;
            }
            Matcher lit = LITERAL.matcher(label);
            Matcher num = NUMBERED.matcher(label);
            if (lit.find()) {
                String name = (lit.group(1) + lit.group(2)).toLowerCase(Locale.ROOT);
                int ord = RegionAzs.of(lit.group(1).toLowerCase(Locale.ROOT)).map(l -> l.indexOf(name)).orElse(-1);
                page2.put(key, new DrawnAz(az, label, ord, name, "named " + name, r));
            } else if (num.find()) {
                page2.put(key, new DrawnAz(az, label, Words.ordinal(num.group(1)),
                        null, "labelled '" + label + "'", r));
            } else if (!positional) {
                page2.put(key, new DrawnAz(az, label, -1, null, boxes.size() < 2 ? "the only AZ box, not named"
                        : "not named; its place among the AZs cannot be told", r));
            } else {
                int pos = byPosition.indexOf(r);
                page2.put(key, new DrawnAz(az, label, pos, null, ordinalWord(pos) + " AZ box "
                        + (horizontal(boxes) ? "from the left" : "from the top"), r));
            }
        }
        out.putAll(page2);
    }

    /** The VPC box an AZ box is drawn in (by the page's containment), or null. */
    private static Resource vpcAround(Model page, Resource box) {
        Map<Resource, Resource> parent = new HashMap<>();
        for (Relation rel : page.relations()) {
            if (rel.type() == RelationType.CONTAINS && rel.source() != rel.target()) {
                parent.putIfAbsent(rel.target(), rel.source());
            }
        }
        Resource at = parent.get(box);
        for (int depth = 0; at != null && depth < 50; depth++) {
            if (Drawing.kindOf(at) == Kind.VPC) {
                return at;
            }
            at = parent.get(at);
        }
        return null;
    }

    private static String ordinalWord(int i) {
        return switch (i) {
            case 0 -> "first";
            case 1 -> "second";
            case 2 -> "third";
            default -> (i + 1) + "th";
        };
    }

    /** Boxes side by side are ordered from the left, stacked ones from the top; without geometry, as drawn. */
    private static Comparator<Resource> positionOrder(List<Resource> boxes) {
        boolean horizontal = horizontal(boxes);
        return Comparator.comparingDouble((Resource r) -> box(r).map(b -> horizontal ? b[0] : b[1])
                .orElse((double) r.placement().azs().get(0).index()));
    }

    private static boolean horizontal(List<Resource> boxes) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Resource r : boxes) {
            Optional<double[]> b = box(r);
            if (b.isEmpty()) {
                continue;
            }
            double cx = b.get()[0] + b.get()[2] / 2;
            double cy = b.get()[1] + b.get()[3] / 2;
            minX = Math.min(minX, cx);
            maxX = Math.max(maxX, cx);
            minY = Math.min(minY, cy);
            maxY = Math.max(maxY, cy);
        }
        return minX == Double.MAX_VALUE || maxX - minX >= maxY - minY;
    }

    /** The drawn box {@code x, y, w, h} of a diagram element, when the reader recorded it. */
    static Optional<double[]> box(Resource r) {
        return io.atolint.model.DrawnBox.of(r).map(b -> new double[]{b.x(), b.y(), b.w(), b.h()});
    }

    private static Map<String, IacAz> iacAzs(List<Model> models, String region) {
        List<Az> all = new ArrayList<>();
        for (Model m : models) {
            for (Resource r : m.resources()) {
                Placement p = r.placement();
                if (p.scope() == Placement.Scope.ZONAL || p.scope() == Placement.Scope.ONE_OF) {
                    for (Az a : p.azs()) {
                        if (a.isKnown() && all.stream().noneMatch(o -> o.value().equals(a.value()))) {
                            all.add(a);
                        }
                    }
                }
            }
        }
        TreeSet<String> literals = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        for (Az a : all) {
            if (a.type() == Az.Type.LITERAL) {
                literals.add(a.value());
            } else if (a.type() == Az.Type.ZONE_ID) {
                ids.add(a.value());
            }
        }
        Map<String, IacAz> out = new LinkedHashMap<>();
        for (Az a : all) {
            switch (a.type()) {
                case SYMBOL -> out.put(a.value(), new IacAz(a, a.index(), a.index() >= 0
                        ? "element " + a.index() + " of " + a.family() : "a whole list"));
                case LITERAL -> {
                    String name = a.value().toLowerCase(Locale.ROOT);
                    String reg = name.length() > 1 ? name.substring(0, name.length() - 1) : name;
                    Optional<List<String>> list = RegionAzs.of(reg).or(() -> RegionAzs.of(region));
                    int ord = list.map(l -> l.indexOf(name)).orElse(-1);
                    if (ord >= 0) {
                        out.put(a.value(), new IacAz(a, ord, a.value() + " is AZ " + (ord + 1) + " of " + reg));
                    } else {
                        int rank = new ArrayList<>(literals).indexOf(a.value());
                        out.put(a.value(), new IacAz(a, rank, a.value() + " is AZ " + (rank + 1) + " of the names used"));
                    }
                }
                case ZONE_ID -> {
                    int rank = new ArrayList<>(ids).indexOf(a.value());
                    out.put(a.value(), new IacAz(a, rank, a.value() + " is zone id " + (rank + 1) + " of those used"));
                }
                default -> {
                }
            }
        }
        return out;
    }

    public List<DrawnAz> drawn() {
        return List.copyOf(drawn.values());
    }

    public List<IacAz> iac() {
        return List.copyOf(iac.values());
    }

    public Optional<DrawnAz> drawn(Az diagramAz) {
        return Optional.ofNullable(drawn.get(diagramAz.value()));
    }

    public int ordinalOfIac(Az a) {
        IacAz i = iac.get(a.value());
        return i == null ? -1 : i.ordinal();
    }

    public int ordinalOfDrawn(Az a) {
        DrawnAz d = drawn.get(a.value());
        return d == null ? -1 : d.ordinal();
    }

    /** TRUE when a drawn AZ is an IaC AZ by the conventions above, FALSE when provably another, else UNKNOWN. */
    public Tri same(Az diagramAz, Az iacAz) {
        DrawnAz d = drawn.get(diagramAz.value());
        if (d == null || !iacAz.isKnown()) {
            return Tri.UNKNOWN;
        }
        if (d.literal() != null && iacAz.type() == Az.Type.LITERAL
                && regionOf(d.literal()).equals(regionOf(iacAz.value()))) {
            return Tri.of(d.literal().equalsIgnoreCase(iacAz.value()));
        }
        int io = ordinalOfIac(iacAz);
        if (d.ordinal() < 0 || io < 0) {
            return Tri.UNKNOWN;
        }
        return Tri.of(d.ordinal() == io);
    }

    /** The IaC AZs a drawn AZ corresponds to. */
    public List<Az> iacFor(Az diagramAz) {
        List<Az> out = new ArrayList<>();
        for (IacAz i : iac.values()) {
            if (same(diagramAz, i.az()).isTrue()) {
                out.add(i.az());
            }
        }
        return out;
    }

    /** {@code Availability Zone 2 (us-east-1b)} for messages. */
    public String describe(Az diagramAz) {
        DrawnAz d = drawn.get(diagramAz.value());
        String name = d == null ? diagramAz.value() : d.display();
        List<Az> i = iacFor(diagramAz);
        return i.isEmpty() ? name : name + " (" + String.join(" = ", i.stream().map(Az::value).toList()) + ")";
    }

    /** {@code us-east-1a (AZ 1)}. */
    public String describeIac(Az a) {
        int o = ordinalOfIac(a);
        return a.isKnown() ? a.value() + (o >= 0 ? " (AZ " + (o + 1) + ")" : "") : "an UNKNOWN AZ";
    }
}
