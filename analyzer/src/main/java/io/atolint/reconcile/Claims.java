package io.atolint.reconcile;

import io.atolint.model.Az;
import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.Workloads;
import io.atolint.model.Names;
import io.atolint.topology.SiteConnectivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the diagram claims about availability, checked against the IaC: a standby or replica drawn where
 * the IaC has none; a service or a tier drawn in N AZs that the IaC places in fewer; an element drawn in an
 * AZ the IaC does not place it in; two VPN/Direct Connect links drawn where the IaC has one. A claim the IaC
 * leaves UNKNOWN (placement not resolved, AZs that cannot be compared, an undecidable count) is a note
 * that says what could not be checked, never a finding.
 */
final class Claims {
    private final Drawing drawing;
    private final Deployment deployment;
    private final AzMap azs;
    private final List<Match> matches;
    private final List<Discrepancy> out = new ArrayList<>();
    /** Units with a claim already reported: a wider claim on them would repeat it. */
    private final Set<Deployment.Unit> claimed = new LinkedHashSet<>();

    private final List<OutsideLinks.DrawnLink> drawnLinks;

    Claims(Drawing drawing, Deployment deployment, AzMap azs, List<Match> matches,
           List<OutsideLinks.DrawnLink> drawnLinks) {
        this.drawnLinks = drawnLinks;
        this.drawing = drawing;
        this.deployment = deployment;
        this.azs = azs;
        this.matches = matches;
    }

    List<Discrepancy> run() {
        standbys();
        numberedCopies();
        noAzDrawn();
        anotherRegion();
        unitSpread();
        tierSpread();
        azIdentity();
        links();
        return out;
    }

    // ------------------------------------------------------------ standby and replica

    private void standbys() {
        for (Match m : matches) {
            String role = drawing.role(m.element());
            if (!role.equals("standby") && !role.equals("replica")) {
                continue;
            }
            Resource r = m.iac().get(0);
            if (!Workloads.isData(r.kind())) {
                continue; // "Private subnet Standby (AZ-c)": only data stores have a standby or a replica to check
            }
            Deployment.Unit unit = deployment.unitOf(r);
            Backing b = backing(r, role);
            if (b.backed.isTrue()) {
                continue;
            }
            claimed.add(unit);
            String msg = drawing.name(m.element()) + " is drawn as the " + role + " of " + Names.of(r) + "; " + b.why;
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, m.element(), List.of(r),
                    b.backed.isFalse() ? msg : msg + ": cannot check whether it has one", b.backed.isFalse(),
                    null, null, related(List.of(r))));
        }
    }

    private record Backing(Tri backed, String why) {
    }

    /** Whether the IaC gives a database the standby or replica the diagram draws. */
    private Backing backing(Resource r, String role) {
        Optional<Resource> cluster = deployment.clusterOf(r);
        if (r.kind() == Kind.AURORA_CLUSTER || r.kind() == Kind.DOCDB_CLUSTER || r.kind() == Kind.NEPTUNE_CLUSTER
                || cluster.isPresent()) {
            Resource c = cluster.orElse(r);
            List<Resource> members = deployment.membersOf(c);
            if (members.stream().anyMatch(x -> x.meta().containsKey("instances"))) {
                return new Backing(Tri.UNKNOWN, "the number of instances of " + c.displayName() + " is UNKNOWN");
            }
            return members.size() >= 2 ? new Backing(Tri.TRUE, "")
                    : new Backing(Tri.FALSE, c.displayName() + " has " + members.size() + " instance"
                    + (members.size() == 1 ? "" : "s") + " in the IaC, so no " + role + " runs");
        }
        if (r.kind() == Kind.RDS_INSTANCE) {
            if (deployment.replicaSource(r).isPresent() || !deployment.replicasOf(r).isEmpty()) {
                return new Backing(Tri.TRUE, "");
            }
            Tri multi = Deployment.multiAz(r);
            Setting m = Setting.of(r, "MultiAZ");
            String setting = m.written() || m.unknown() ? m.value().describe() : "omitted (single-AZ by default)";
            if (multi.isTrue()) {
                return new Backing(Tri.TRUE, "");
            }
            return new Backing(multi, "the IaC gives it no Multi-AZ standby (MultiAZ is " + setting
                    + ") and no read replica");
        }
        if (r.kind() == Kind.ELASTICACHE_REPLICATION_GROUP) {
            Setting clusters = Setting.of(r, "NumCacheClusters");
            Setting replicas = Setting.of(r, "ReplicasPerNodeGroup");
            Optional<java.math.BigDecimal> n = clusters.number().or(() -> replicas.number().map(x -> x.add(java.math.BigDecimal.ONE)));
            if (n.isEmpty()) {
                return new Backing(Tri.UNKNOWN, "the number of nodes of " + r.displayName() + " is not stated");
            }
            int nodes = n.get().intValue();
            return nodes >= 2 ? new Backing(Tri.TRUE, "")
                    : new Backing(Tri.FALSE, r.displayName() + " runs " + nodes + " node");
        }
        return new Backing(Workloads.isData(r.kind()) && r.placement().scope() == Placement.Scope.REGIONAL
                ? Tri.TRUE : Tri.UNKNOWN, Names.kindLabel(r.kind()) + " has no standby or replica atolint can check");
    }

    // ------------------------------------------------------------ numbered copies

    /** Elements no resource was left for, that claim one: numbered copies of a drawn element. */
    private final Set<Resource> copyClaims = new LinkedHashSet<>();

    Set<Resource> copyClaims() {
        return copyClaims;
    }

    /**
     * "NAT Gateway AZ-1", "AZ-2", "AZ-3" drawn where the IaC has one NAT gateway: numbered copies claim one
     * resource each, and the IaC has fewer.
     */
    private void numberedCopies() {
        Set<Resource> matched = new LinkedHashSet<>();
        matches.forEach(m -> matched.add(m.element()));
        Set<Resource> seen = new LinkedHashSet<>();
        for (Match m : matches) {
            Words.Parsed w = drawing.words(m.element());
            Kind kind = m.iac().get(0).kind();
            if (w.copy() < 0 || seen.contains(m.element()) || kind == Kind.SUBNET) {
                continue; // a subnet drawn once more lies in another AZ: drawn but not deployed, not a count
            }
            // every drawing of the same name, numbered: the matched ones and those left over
            List<Resource> drawnCopies = new ArrayList<>();
            List<Resource> leftOver = new ArrayList<>();
            Set<Integer> numbers = new TreeSet<>();
            for (Resource e : drawing.elements()) {
                Words.Parsed o = drawing.words(e);
                if (Drawing.kindOf(e) == Drawing.kindOf(m.element()) && o.copy() >= 0 && o.tokens().equals(w.tokens())) {
                    drawnCopies.add(e);
                    numbers.add(o.copy());
                    if (!matched.contains(e)) {
                        leftOver.add(e);
                    }
                }
            }
            seen.addAll(drawnCopies);
            List<Resource> deployed = deployment.resources().stream().filter(r -> r.kind() == kind).toList();
            if (leftOver.isEmpty() || numbers.size() <= deployed.size()) {
                continue;
            }
            copyClaims.addAll(leftOver);
            deployed.forEach(r -> claimed.add(deployment.unitOf(r)));
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, leftOver.get(0), deployed, "the diagram draws "
                    + numbers.size() + " " + Names.kindLabel(Drawing.kindOf(m.element())) + "s (" + String.join(", ",
                    drawnCopies.stream().map(drawing::name).toList()) + "); the IaC deploys " + deployed.size() + ": "
                    + String.join(", ", deployed.stream().map(Resource::displayName).toList()), true, null, null,
                    related(deployed)));
        }
    }

    // ------------------------------------------------------------ AZ spread

    /**
     * A diagram that draws no AZ at all (generators draw none) claims nothing about AZs: where it places
     * the services the IaC spreads over AZs cannot be compared. One note says so.
     */
    /** A drawing that names the AZs of another region than the IaC's: one note; its AZs are compared by position. */
    private void anotherRegion() {
        List<AzMap.DrawnAz> other = azs.inAnotherRegion();
        if (other.isEmpty()) {
            return;
        }
        String how = other.get(0).how();
        out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, other.get(0).box(), List.of(), "the diagram names AZs of "
                + AzMap.regionOf(other.get(0).literal()) + " (" + String.join(", ", other.stream().map(AzMap.DrawnAz::literal)
                .toList()) + ")" + how.substring(how.indexOf(" while ")) + " (the first AZ of one region with the first "
                + "of the other); whether the diagram's AZ names are the IaC's cannot be checked", false, null, null,
                List.of()));
    }

    private void noAzDrawn() {
        for (Model page : drawing.pages()) {
            if (!page.resources(Kind.AVAILABILITY_ZONE).isEmpty()) {
                return;
            }
        }
        List<Resource> spread = new ArrayList<>();
        Resource at = null;
        for (Match m : matches) {
            if (!spreads(m.iac().get(0).kind()) || m.iac().get(0).kind() == Kind.SUBNET) {
                continue;
            }
            Deployed d = deployed(m.iac());
            if (d.count() != null && d.count().min() >= 2 && d.count().max() < 99) {
                if (at == null) {
                    at = m.element();
                }
                m.iac().stream().filter(r -> !spread.contains(r)).forEach(spread::add);
            }
        }
        if (at != null) {
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, at, spread, "the diagram draws no Availability Zone, so "
                    + "where it places " + String.join(", ", spread.stream().limit(5).map(Resource::displayName).toList())
                    + (spread.size() > 5 ? " and " + (spread.size() - 5) + " more" : "")
                    + " cannot be compared with the IaC, which runs " + (spread.size() == 1 ? "it" : "each of them")
                    + " in two AZs or more", false, null, null,
                    related(spread)));
        }
    }

    /** The distinct AZs a set of elements is drawn in, on the page where they are drawn in the most. */
    private List<Az> drawnAzs(List<Resource> elements) {
        Map<Model, List<Az>> byPage = new LinkedHashMap<>();
        for (Resource e : elements) {
            List<Az> list = byPage.computeIfAbsent(drawing.pageOf(e), k -> new ArrayList<>());
            for (Az a : Drawing.azs(e)) {
                if (list.stream().noneMatch(o -> o.value().equals(a.value()))) {
                    list.add(a);
                }
            }
        }
        List<Az> best = List.of();
        for (List<Az> l : byPage.values()) {
            if (l.size() > best.size()) {
                best = l;
            }
        }
        return best;
    }

    /** The range of AZ counts the IaC places resources in; null with {@code why} set when it cannot tell. */
    private record Deployed(Placement.AzCount count, List<String> where, String unknown) {
    }

    private Deployed deployed(List<Resource> resources) {
        List<Az> list = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Resource r : resources) {
            Placement p = r.placement();
            if (r.meta().containsKey("instances")) {
                return new Deployed(null, where, "the number of instances of " + r.displayName() + " is UNKNOWN ("
                        + r.meta().get("instances") + ")");
            }
            switch (p.scope()) {
                case ZONAL -> {
                    list.addAll(p.azs());
                    where.add(where(r));
                }
                case ONE_OF -> {
                    list.add(p.azs().size() == 1 ? p.azs().get(0) : Az.unknown("one AZ chosen by AWS"));
                    where.add(r.displayName() + " in one AZ" + (p.azs().size() > 1 ? " of " + String.join(", ",
                            p.azs().stream().map(azs::describeIac).toList()) : "") + (p.reason().isEmpty() ? ""
                            : " (" + p.reason() + ")"));
                }
                case REGIONAL, GLOBAL -> {
                    return new Deployed(new Placement.AzCount(99, 99), List.of(r.displayName() + " is " + p.display()), null);
                }
                case UNKNOWN -> {
                    return new Deployed(null, where, "the placement of " + r.displayName() + " is UNKNOWN (" + p.reason() + ")");
                }
                default -> {
                    return new Deployed(null, where, "the IaC does not say where " + r.displayName() + " runs");
                }
            }
        }
        if (list.isEmpty()) {
            return new Deployed(null, where, "the IaC places none of them in an AZ");
        }
        return new Deployed(Placement.AzCount.of(list), where, null);
    }

    /** Each drawn service against the AZs the IaC places it in. */
    private void unitSpread() {
        for (Map.Entry<Deployment.Unit, List<Resource>> e : elementsByUnit().entrySet()) {
            Deployment.Unit unit = e.getKey();
            if (claimed.contains(unit) || !spreads(unit.first().kind())) {
                continue;
            }
            List<Az> drawn = drawnAzs(e.getValue());
            if (drawn.size() < 2) {
                continue;
            }
            if (claim(e.getValue(), unit.members(), drawn, Names.of(unit.first()) + (unit.members().size() > 1
                    ? " (" + unit.members().size() + " instances)" : ""))) {
                claimed.add(unit);
            }
        }
    }

    /** Each tier (load balancing, compute, data, egress) as a whole, when no service of it was already found wanting. */
    private void tierSpread() {
        Map<String, List<Resource>> elements = new LinkedHashMap<>();
        Map<String, Set<Resource>> resources = new LinkedHashMap<>();
        Set<String> touched = new LinkedHashSet<>();
        for (Map.Entry<Deployment.Unit, List<Resource>> e : elementsByUnit().entrySet()) {
            String tier = tier(e.getKey().first().kind());
            if (tier == null) {
                continue;
            }
            if (claimed.contains(e.getKey())) {
                touched.add(tier);
            }
            elements.computeIfAbsent(tier, k -> new ArrayList<>()).addAll(e.getValue());
            resources.computeIfAbsent(tier, k -> new LinkedHashSet<>()).addAll(e.getKey().members());
        }
        for (String tier : elements.keySet()) {
            if (touched.contains(tier) || elements.get(tier).size() < 2) {
                continue;
            }
            List<Az> drawn = drawnAzs(elements.get(tier));
            if (drawn.size() >= 2) {
                Deployed d = deployed(new ArrayList<>(resources.get(tier)));
                if (d.count() != null && d.count().max() < drawn.size()) {
                    claim(elements.get(tier), new ArrayList<>(resources.get(tier)), drawn, "the " + tier + " tier");
                }
            }
        }
    }

    /** Reports a spread claim; true when something was reported. */
    private boolean claim(List<Resource> elements, List<Resource> resources, List<Az> drawn, String what) {
        Deployed d = deployed(resources);
        String drawnText = drawn.size() + " AZs (" + String.join(", ", drawn.stream().map(azs::describe).toList()) + ")";
        Resource at = elements.get(0);
        for (Resource e : elements) {
            if (Drawing.azs(e).size() > 1) {
                at = e; // one icon drawn across AZs makes the claim itself
                break;
            }
        }
        if (d.unknown() != null) {
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, at, resources, "the diagram draws " + what + " in "
                    + drawnText + "; cannot check that claim: " + d.unknown(), false, null, null, related(resources)));
            return true;
        }
        if (drawn.stream().anyMatch(a -> azs.ordinalOfDrawn(a) < 0)
                && elements.stream().map(e -> drawing.ancestor(e, Kind.VPC).orElse(null)).distinct().count() > 1) {
            // unnamed AZ boxes of different VPCs may all be the same AZ
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, at, resources, "the diagram draws " + what + " in "
                    + drawn.size() + " AZ boxes of different VPCs, which may be the same AZ: cannot check whether it "
                    + "claims more AZs than the IaC's " + d.count().max(), false, null, null, related(resources)));
            return true;
        }
        if (d.count().max() < drawn.size()) {
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, at, resources, "the diagram draws " + what + " in "
                    + drawnText + "; the IaC places it in " + d.count().max() + ": " + String.join("; ", d.where()),
                    true, null, null, related(resources)));
            return true;
        }
        if (d.count().min() < drawn.size()) {
            out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, at, resources, "the diagram draws " + what + " in "
                    + drawnText + "; cannot tell whether the IaC's AZs are " + drawn.size() + " distinct AZs: "
                    + String.join("; ", d.where()) + " (a --region would tell)", false, null, null, related(resources)));
            return true;
        }
        return false;
    }

    /** One element drawn in one AZ that the IaC provably does not place its resource in. */
    private void azIdentity() {
        for (Match m : matches) {
            List<Az> drawn = Drawing.azs(m.element());
            Deployment.Unit unit = deployment.unitOf(m.iac().get(0));
            if (drawn.size() != 1 || claimed.contains(unit) || !drawing.role(m.element()).isEmpty()
                    && !drawing.role(m.element()).equals("primary")) {
                continue;
            }
            Az d = drawn.get(0);
            List<String> where = new ArrayList<>();
            boolean allOther = true;
            boolean any = false;
            for (Resource r : m.iac()) {
                Placement p = r.placement();
                if (p.scope() != Placement.Scope.ZONAL || p.azs().isEmpty()) {
                    allOther = false;
                    break;
                }
                for (Az a : p.azs()) {
                    any = true;
                    allOther &= azs.same(d, a).isFalse();
                }
                where.add(where(r));
            }
            if (any && allOther) {
                out.add(new Discrepancy(Discrepancy.Type.AZ_CLAIM, m.element(), m.iac(), drawing.name(m.element())
                        + " is drawn in " + azs.describe(d) + "; the IaC deploys " + String.join("; ", where),
                        true, Severity.MEDIUM, null, related(m.iac())));
            }
        }
    }

    /**
     * Where a resource runs, with the subnets that decide it when there are some:
     * {@code WebAlb in us-east-1a (AZ 1) through PublicSubnetA (us-east-1a), PublicSubnetB (us-east-1a via GetAZs('')[0] of us-east-1)}.
     */
    private String where(Resource r) {
        Set<String> zones = new LinkedHashSet<>();
        for (Az a : r.placement().azs()) {
            zones.add(azs.describeIac(a));
        }
        String text = r.displayName() + " in " + String.join(", ", zones);
        List<Placement.Subnet> subnets = r.kind() == Kind.SUBNET ? List.of() : r.placement().subnets();
        if (subnets.isEmpty()) {
            Set<String> how = new LinkedHashSet<>();
            for (Az a : r.placement().azs()) {
                if (!a.how().isEmpty() && !a.how().equals("literal")) {
                    how.add(a.explain());
                }
            }
            return how.isEmpty() ? text : text + " (" + String.join("; ", how) + ")";
        }
        List<String> parts = new ArrayList<>();
        for (Placement.Subnet s : subnets) {
            parts.add(s.describe());
        }
        return text + " through " + String.join(", ", parts);
    }

    private Map<Deployment.Unit, List<Resource>> elementsByUnit() {
        Map<Deployment.Unit, List<Resource>> out = new LinkedHashMap<>();
        for (Match m : matches) {
            Set<Deployment.Unit> units = new LinkedHashSet<>();
            for (Resource r : m.iac()) {
                units.add(deployment.unitOf(r));
            }
            if (units.size() == 1) {
                out.computeIfAbsent(units.iterator().next(), k -> new ArrayList<>()).add(m.element());
            }
        }
        return out;
    }

    /** Kinds whose AZ spread a diagram claims. */
    private static boolean spreads(Kind k) {
        return tier(k) != null || k == Kind.SUBNET;
    }

    private static String tier(Kind k) {
        if (Workloads.LOAD_BALANCING.contains(k)) {
            return "load-balancing";
        }
        if (Workloads.isCompute(k)) {
            return "compute";
        }
        if (Workloads.isData(k) && k != Kind.S3_BUCKET) {
            return "data";
        }
        if (Workloads.EGRESS.contains(k)) {
            return "egress";
        }
        return null;
    }

    // ------------------------------------------------------------ VPN / Direct Connect links

    /** Two independent links drawn to a site where the IaC has one. */
    private void links() {
        int iacLinks = 0;
        boolean iacSites = false;
        boolean unresolved = false;
        List<Resource> iacDevices = new ArrayList<>();
        for (Model m : deployment.models()) {
            for (SiteConnectivity.Result r : deployment.facts().sites(m)) {
                iacSites = true;
                iacLinks = Math.max(iacLinks, r.independent());
                unresolved |= !r.unresolvedGateways().isEmpty();
                iacDevices.addAll(r.customerGateways());
                iacDevices.addAll(r.vpnConnections());
                iacDevices.addAll(r.directConnects());
            }
        }
        if (!iacSites) {
            return; // nothing deployed to compare with: an outside-link finding says so
        }
        // Drawn links per site: each on-premises device with a link is one; links drawn to the site box itself
        // are one each (the way a reviewer counts "two routers, two lines").
        Map<Resource, Set<Object>> perSite = new LinkedHashMap<>();
        for (OutsideLinks.DrawnLink l : drawnLinks) {
            Resource site = l.outside().kind() == Kind.ON_PREMISES ? l.outside()
                    : drawing.ancestor(l.outside(), Kind.ON_PREMISES).orElse(l.outside());
            perSite.computeIfAbsent(site, k -> new LinkedHashSet<>()).add(l.outside() == site ? l.edge() : l.outside());
        }
        for (Map.Entry<Resource, Set<Object>> e : perSite.entrySet()) {
            int drawn = e.getValue().size();
            if (drawn < 2 || drawn <= iacLinks) {
                continue;
            }
            String msg = "the diagram draws " + drawn + " independent VPN/Direct Connect links for "
                    + drawing.name(e.getKey()) + "; the IaC has " + iacLinks + " (" + describe(iacDevices) + ")";
            out.add(new Discrepancy(Discrepancy.Type.LINK_CLAIM, e.getKey(), iacDevices,
                    unresolved ? msg + ": cannot check that claim, a VPN connection's gateway is unresolved" : msg,
                    !unresolved, null, null, related(iacDevices)));
        }
    }

    private static String describe(List<Resource> devices) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Resource d : devices) {
            byKind.computeIfAbsent(Names.kindLabel(d.kind()), k -> new ArrayList<>()).add(d.displayName());
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((k, names) -> parts.add(names.size() + " " + k + (names.size() == 1 ? "" : "s") + " "
                + String.join(", ", names)));
        return String.join("; ", parts);
    }

    static List<Finding.Related> related(List<Resource> resources) {
        List<Finding.Related> out = new ArrayList<>();
        for (Resource r : resources) {
            if (out.size() >= 20) {
                break;
            }
            out.add(new Finding.Related(Names.of(r) + " (" + r.placement().display() + ")", r.location(), r.id()));
        }
        return out;
    }
}
