package io.atolint.parse.diagram;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Placement;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names what the picture leaves unlabelled by its kind and where it sits, as a person would point at it:
 * "EC2 instance in 'Public subnet 1', AZ 'Availability Zone 1'". The name goes to the resource's
 * {@code name} meta; reports show it wherever a label would be, never a cell id.
 */
final class PositionNames {
    private static final Set<String> ACRONYMS = Set.of("ec2", "rds", "nat", "vpc", "ecs", "eks", "efs", "fsx", "s3",
            "sqs", "sns", "api", "vpn", "dx", "msk", "ebs", "emr", "iam", "kms", "waf", "acm", "ssm", "aws", "az");

    private PositionNames() {
    }

    static Map<PageNode, String> names(Map<PageNode, Placement> placed) {
        Map<PageNode, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<PageNode, Placement> e : placed.entrySet()) {
            PageNode n = e.getKey();
            if (!n.label().isEmpty()) {
                continue;
            }
            StringBuilder b = new StringBuilder(kindText(n.kind));
            PageNode place = null;
            for (int i = n.containers.size() - 1; i >= 0; i--) {
                PageNode c = n.containers.get(i);
                if (!c.label().isEmpty() && c.kind != Kind.AVAILABILITY_ZONE) {
                    place = c;
                    break;
                }
            }
            if (place != null) {
                b.append(" in '").append(place.label()).append("'");
            }
            Placement p = e.getValue();
            if (p.scope() == Placement.Scope.ZONAL && n.kind != Kind.AVAILABILITY_ZONE && !p.azs().isEmpty()) {
                Set<String> names = new LinkedHashSet<>();
                for (Az a : p.azs()) {
                    names.add(a.value());
                }
                if (place == null || !place.label().contains(names.iterator().next())) {
                    b.append(place == null ? " in " : ", ").append(String.join(" and ", names));
                }
            } else if (place == null) {
                b.append(" at ").append(Math.round(n.box().x())).append(",").append(Math.round(n.box().y()));
            }
            out.put(n, b.toString());
        }
        return out;
    }

    static String kindText(Kind k) {
        if (k == Kind.UNKNOWN || k == Kind.DIAGRAM_GROUP) {
            return "shape";
        }
        if (k == Kind.AVAILABILITY_ZONE) {
            return "AZ box";
        }
        StringBuilder b = new StringBuilder();
        for (String w : k.name().toLowerCase(Locale.ROOT).split("_")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(ACRONYMS.contains(w) ? w.toUpperCase(Locale.ROOT) : w);
        }
        return b.toString();
    }
}
