package io.atolint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atolint.model.Az;
import io.atolint.model.Resource;
import io.atolint.topology.AzSimulation;
import io.atolint.topology.Facts;
import io.atolint.topology.Ingress;
import io.atolint.topology.ModelTopology;
import io.atolint.topology.Outcome;
import io.atolint.topology.ReplicaSet;
import io.atolint.topology.Spof;
import io.atolint.topology.Tier;
import io.atolint.topology.Topology;
import io.atolint.topology.TrafficPath;

import java.util.List;
import java.util.Locale;

/** The {@code topology} section of the JSON report and the body of {@code atolint simulate --format json}. */
public final class TopologyJson {

    private TopologyJson() {
    }

    /** {@code {tiers: [], ingress: [], paths: [], spofs: []}} over every model; each entry names its unit. */
    public static ObjectNode section(Facts facts) {
        ObjectNode o = PrettyJson.NODES.objectNode();
        Topology topology;
        try {
            topology = facts.topology();
        } catch (RuntimeException | StackOverflowError e) {
            // The findings say so too (every topology rule reports an internal error); the report stays whole.
            o.put("error", "the topology could not be built: " + e);
            return o;
        }
        ArrayNode tiers = o.putArray("tiers");
        ArrayNode ingress = o.putArray("ingress");
        ArrayNode paths = o.putArray("paths");
        ArrayNode spofs = o.putArray("spofs");
        for (ModelTopology t : topology.models()) {
            String unit = t.model().unit();
            for (Tier tier : t.tiers()) {
                tiers.add(tier(tier, unit));
            }
            for (Ingress i : t.ingress()) {
                ObjectNode n = ingress.addObject();
                n.put("unit", unit);
                n.put("id", i.resource().name());
                n.put("kind", kind(i.resource()));
                n.put("why", i.why());
                n.put("pathsStartHere", i.head());
            }
            for (TrafficPath p : t.paths()) {
                paths.add(path(p, unit));
            }
            for (Spof s : t.spofs()) {
                ObjectNode n = spofs.addObject();
                n.put("unit", unit);
                n.put("id", s.resource().name());
                n.put("kind", kind(s.resource()));
                n.put("category", s.category().label());
                n.put("proven", s.proven().isTrue());
                n.put("why", s.why());
                n.set("location", JsonReport.location(s.at()));
            }
        }
        return o;
    }

    public static ObjectNode tier(Tier tier, String unit) {
        ObjectNode n = PrettyJson.NODES.objectNode();
        n.put("unit", unit);
        n.put("id", tier.id());
        n.put("role", tier.role().label());
        n.put("name", tier.name());
        n.put("onPath", tier.onPath());
        ArrayNode members = n.putArray("members");
        for (Resource r : tier.members()) {
            members.add(r.name());
        }
        ArrayNode azs = n.putArray("azs");
        for (Az a : tier.azs()) {
            azs.add(JsonReport.az(a));
        }
        Integer count = tier.azCount();
        if (count == null) {
            n.putNull("azCount");
        } else {
            n.put("azCount", count);
        }
        ArrayNode sets = n.putArray("replicaSets");
        for (ReplicaSet s : tier.sets()) {
            ObjectNode x = sets.addObject();
            ArrayNode ids = x.putArray("members");
            s.vertices().forEach(v -> ids.add(v.name()));
            x.put("where", s.where());
            x.put("multiAz", s.multiAz().name().toLowerCase(Locale.ROOT));
        }
        return n;
    }

    public static ObjectNode path(TrafficPath p, String unit) {
        ObjectNode n = PrettyJson.NODES.objectNode();
        n.put("unit", unit);
        n.put("display", p.display());
        ArrayNode resources = n.putArray("resources");
        p.resources().forEach(r -> resources.add(r.name()));
        ArrayNode hops = n.putArray("hops");
        for (ReplicaSet s : p.hops()) {
            ArrayNode hop = hops.addArray();
            s.vertices().forEach(v -> hop.add(v.name()));
        }
        return n;
    }

    /** One model's AZ-failure simulation. */
    public static ObjectNode simulation(ModelTopology t, List<AzSimulation.Scenario> scenarios) {
        ObjectNode n = PrettyJson.NODES.objectNode();
        n.put("unit", t.model().unit());
        n.put("format", t.model().format().name().toLowerCase(Locale.ROOT));
        ArrayNode tiers = n.putArray("tiers");
        t.tiers().forEach(x -> tiers.add(tier(x, t.model().unit())));
        ArrayNode paths = n.putArray("paths");
        t.paths().forEach(p -> paths.add(path(p, t.model().unit())));
        n.put("pathsTruncated", t.pathsTruncated());
        ArrayNode out = n.putArray("scenarios");
        for (AzSimulation.Scenario s : scenarios) {
            ObjectNode sc = out.addObject();
            sc.set("az", JsonReport.az(s.az()));
            sc.put("worst", s.worst().label());
            ArrayNode st = sc.putArray("tiers");
            for (AzSimulation.TierOutcome to : s.tiers()) {
                ObjectNode x = st.addObject();
                x.put("tier", to.tier().id());
                outcome(x, to.outcome());
            }
            ArrayNode sp = sc.putArray("paths");
            for (AzSimulation.PathOutcome po : s.paths()) {
                ObjectNode x = sp.addObject();
                x.put("path", po.path().display());
                outcome(x, po.outcome());
            }
        }
        return n;
    }

    private static void outcome(ObjectNode x, Outcome o) {
        x.put("verdict", o.verdict().label());
        ArrayNode causes = x.putArray("causes");
        for (Outcome.Cause c : o.causes()) {
            ObjectNode y = causes.addObject();
            y.put("resource", c.resource().name());
            y.put("message", c.message());
            y.set("location", JsonReport.location(c.resource().location()));
        }
    }

    static String kind(Resource r) {
        return r.kind().name().toLowerCase(Locale.ROOT);
    }
}
