package io.atolint.parse.diagram;

import io.atolint.model.DrawnBox;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.ScaledDownEnvironment;
import io.atolint.model.Value;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A drawn shape as a model resource: its kind, label, how it was drawn and recognised, where it sits. */
final class ResourceMaker {
    private static final Pattern PUBLIC = Pattern.compile("(?iu).*(?:\\bpublic\\b|パブリック|公有|公共|퍼블릭|\\bpública\\b"
            + "|\\bpublique\\b|öffentlich).*");
    private static final Pattern PRIVATE = Pattern.compile("(?iu).*(?:\\b(private|isolated|protected|app|application|"
            + "db|database|data|tgw|transit|attach(ment)?|firewall|inspection|endpoints?|workload|backend|dmz|"
            + "intra|internal|web|cache|management|privada|privée|privat)\\b|プライベート|私有|프라이빗).*");

    private ResourceMaker() {
    }

    static Resource resource(PageNode n, DrawnPage page, String idPrefix, Map<String, String> extra) {
        String id = n.id();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("label", n.label());
        meta.putAll(extra);
        if (n.adopted != null && n.ownLabel().isEmpty()) {
            meta.put("labelFrom", "a text drawn at it");
        }
        meta.put("page", Integer.toString(page.index()));
        if (!page.name().isEmpty()) {
            meta.put("pageName", page.name());
        }
        meta.put("shape", n.shape.shapeName().isEmpty() ? n.rec.rawType() : n.shape.shapeName());
        meta.put("drawnAs", n.rec.drawnAs().name().toLowerCase(Locale.ROOT));
        meta.put("iconSet", n.rec.iconSet());
        if (!n.rec.family().isEmpty()) {
            meta.put("service", n.rec.family());
        }
        if (n.recognisedBy != null) {
            meta.put("recognisedBy", n.recognisedBy);
        }
        if (n.isIconLike()) {
            ShapeRecognizer.fromLabel(n.label()).ifPresent(l -> {
                meta.put("labelNames", l.rawType().substring("label:".length()));
                meta.put("labelService", l.family());
                meta.put("labelKind", l.kind().name());
            });
        }
        if (n.kind == Kind.SUBNET) {
            meta.put("subnetType", subnetType(n));
        }
        if (n.azHow != null) {
            meta.put("azHow", n.azHow);
        }
        if (n.lineMark != null) {
            meta.put("lineMark", n.lineMark);
        }
        if (n.container) {
            meta.put("container", "true");
        }
        // where it is drawn, for comparisons that read the picture's geometry (the N-th AZ box from the left)
        new DrawnBox(n.box().x(), n.box().y(), n.box().w(), n.box().h()).record(meta);
        PageNode direct = n.direct();
        if (direct != null) {
            meta.put("in", direct.id());
        }
        PageNode vpc = AzRecognition.vpcOf(n);
        if (vpc != null) {
            meta.put("vpc", vpc.id());
        }
        scaledDown(n).ifPresent(why -> meta.put(ScaledDownEnvironment.META, why));
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : n.shape.fields().entrySet()) {
            attrs.put(e.getKey(), new Value.Scalar(e.getValue(), "diagram field", n.shape.at()));
        }
        // A picture states no configuration: every property a rule asks for (encryption, Multi-AZ,
        // rotation...) is UNKNOWN, never "omitted, so the default applies".
        Value.MapV attributes = new Value.MapV(attrs, n.shape.at())
                .withUnknownRest("a diagram does not state the configuration of what it draws");
        return new Resource(idPrefix + id, id, n.rec.rawType(), n.kind, attributes, n.shape.at(), page.format(), meta);
    }

    /**
     * Why {@code n} runs scaled down by design: its label names it a recovery copy, or the innermost box around
     * it is named as a non-production environment or a recovery site.
     */
    private static Optional<String> scaledDown(PageNode n) {
        if (!n.container && ScaledDownEnvironment.recoveryCopy(Labels.oneLine(n.label()))) {
            return Optional.of("labelled '" + Labels.oneLine(n.label()) + "', a recovery copy");
        }
        for (int i = n.containers.size() - 1; i >= 0; i--) {
            PageNode c = n.containers.get(i);
            Optional<String> what = ScaledDownEnvironment.named(Labels.oneLine(c.label()), c.kind);
            if (what.isPresent()) {
                String box = switch (c.kind) {
                    case VPC -> "VPC";
                    case ACCOUNT -> "account";
                    case REGION -> "Region";
                    default -> "box";
                };
                return Optional.of("drawn in " + box + " '"
                        + Labels.oneLine(c.label()) + "', " + what.get());
            }
        }
        return Optional.empty();
    }

    /** Public by its label or AWS's green; private by its label (app, db, TGW, firewall...) or AWS's blue. */
    static String subnetType(PageNode n) {
        String l = n.label();
        if (PUBLIC.matcher(l).matches()) {
            return "public";
        }
        if (PRIVATE.matcher(l).matches()) {
            return "private";
        }
        String c = n.shape.style().color("strokeColor") + " " + n.shape.style().color("fontColor");
        if (c.contains("#7AA116") || c.contains("#248814") || c.contains("#3F8624")) {
            return "public";
        }
        if (c.contains("#00A4A6") || c.contains("#147EBA")) {
            return "private";
        }
        return "unknown";
    }
}
