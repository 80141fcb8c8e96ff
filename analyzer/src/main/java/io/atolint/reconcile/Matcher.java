package io.atolint.reconcile;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.model.Workloads;
import io.atolint.model.Names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs diagram elements with IaC resources. Kinds first (the one kind table, and the conventions of
 * {@code kind-pairs.tsv}), then labels against names (logical id, address, {@code Name} tag, name
 * property, construct path; compared as words with a score), then placement (same VPC, subnet and
 * subnet role, AZ by {@link AzMap}). VPCs are matched first, then subnets, then everything else, so that
 * "drawn in the subnet that is AppSubnetA" can count.
 *
 * <p>Three passes per stage: (1) the best pairs one to one, in descending score (a counted block takes one
 * icon per instance); (2) an element left over joins a resource already drawn when it is a copy of that
 * drawing (same kind and words), is drawn inside it (EC2 icons in an Auto Scaling group box), names it, or
 * is a standby or replica of a database; (3) a resource left over is drawn by an icon of its kind whose
 * label names no one resource ("AWS Lambda", "Lambda functions"). A single icon for a counted block stands
 * for every instance. Scores: {@code kind weight x (0.55 + 0.30 label + 0.15 placement)}, label and
 * placement 0.5 when nothing tells; a pair is kept from 0.6 (0.5 to join a resource already drawn).
 */
final class Matcher {
    static final double ACCEPT = 0.6;
    static final double JOIN = 0.5;

    private final Drawing drawing;
    private final Deployment deployment;
    private final AzMap azs;
    /** Element to the resources it stands for. */
    private final Map<Resource, Assignment> assigned = new LinkedHashMap<>();
    /** Instance to the elements that stand for it. */
    private final Map<Resource, List<Resource>> drawnAs = new HashMap<>();
    private final Map<Resource, Optional<Kind>> namedKinds = new HashMap<>();

    private record Candidate(Resource element, Deployment.Unit unit, Resource instance, double score,
                             List<String> reasons) {
    }

    private static final class Assignment {
        final Deployment.Unit unit;
        final List<Resource> resources = new ArrayList<>();
        double score;
        final List<String> reasons = new ArrayList<>();

        Assignment(Deployment.Unit unit) {
            this.unit = unit;
        }
    }

    Matcher(Drawing drawing, Deployment deployment, AzMap azs) {
        this.drawing = drawing;
        this.deployment = deployment;
        this.azs = azs;
    }

    List<Match> run() {
        exactNames();
        List<List<Resource>> stages = List.of(stage(0), stage(1), stage(2));
        for (List<Resource> elements : stages) {
            oneToOne(elements);
            join(elements);
        }
        attachments();
        oneIconPerBlock();
        clusterInstances();
        genericIcons();
        serviceIcons();
        List<Match> out = new ArrayList<>();
        List<Resource> all = new ArrayList<>(drawing.elements());
        all.addAll(drawing.unknownIcons());
        for (Resource e : all) {
            Assignment a = assigned.get(e);
            if (a != null) {
                out.add(new Match(e, a.resources, Math.round(a.score * 100) / 100.0, a.reasons));
            }
        }
        return out;
    }

    /** VPCs, then subnets, then everything else. */
    private List<Resource> stage(int n) {
        List<Resource> out = new ArrayList<>();
        for (Resource e : drawing.elements()) {
            Kind k = Drawing.kindOf(e);
            int s = k == Kind.VPC ? 0 : k == Kind.SUBNET ? 1 : 2;
            if (s == n) {
                out.add(e);
            }
        }
        return out;
    }

    // ------------------------------------------------------------ pass 0: the label is the name

    /**
     * An element whose label has exactly the words of one resource's name (its logical id, address, Name
     * tag or name property: what generators such as cfn-diagram write) stands for it, when the icon is of
     * its kind, of its service (an EC2 icon for {@code AWS::EC2::InternetGateway}), or an icon atolint does
     * not know.
     */
    private void exactNames() {
        List<Resource> elements = new ArrayList<>(drawing.elements());
        elements.addAll(drawing.unknownIcons());
        for (Resource e : elements) {
            List<String> words = drawing.words(e).all();
            if (words.isEmpty() || assigned.containsKey(e)) {
                continue;
            }
            if (words.isEmpty()) {
                continue;
            }
            List<Resource> named = deployment.namedExactly(words).stream().filter(r -> !drawnAs.containsKey(r)).toList();
            Resource only = named.size() == 1 ? named.get(0) : null;
            int found = named.size();
            if (found != 1 || !sameService(e, only)) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            Kind k = Drawing.kindOf(e);
            reasons.add(Conventions.pair(k, only.kind()).isPresent() ? "kind: " + Names.kindLabel(only.kind())
                    : "kind: the icon (" + e.meta().getOrDefault("shape", k.name()) + ") is "
                    + e.meta().getOrDefault("service", "not one atolint knows") + "'s, not of its kind");
            String name = deployment.nameSources(only).keySet().stream()
                    .filter(n -> sameWords(words, Words.allWords(n))).findFirst().orElse(only.name());
            reasons.add("label '" + e.meta().getOrDefault("label", "") + "' is its " + deployment.nameSources(only).get(name)
                    + " " + name);
            Why where = Why.explained();
            placement(e, only, where);
            reasons.addAll(where.list());
            Deployment.Unit u = deployment.unitOf(only);
            assign(new Candidate(e, u, only, 0.95, reasons), List.of(only));
        }
    }

    private static boolean sameWords(List<String> a, List<String> b) {
        if (a.isEmpty() || a.size() != b.size()) {
            return false;
        }
        List<String> x = new ArrayList<>(a);
        List<String> y = new ArrayList<>(b);
        x.sort(null);
        y.sort(null);
        return x.equals(y);
    }

    /** The icon may stand for the resource: compatible kinds, the same AWS service, or an icon atolint does not know. */
    private static boolean sameService(Resource e, Resource r) {
        Kind k = Drawing.kindOf(e);
        if (Conventions.pair(k, r.kind()).isPresent() || k == Kind.UNKNOWN || k == Kind.GENERIC_AWS_SERVICE) {
            return true;
        }
        String service = norm(e.meta().getOrDefault("service", "")).replace("vpc", "ec2"); // VPC icons draw AWS::EC2 types
        String[] parts = r.rawType().split("::");
        if (service.isEmpty() || parts.length < 3) {
            return false;
        }
        String theirs = norm(parts[1]);
        return service.contains(theirs) || theirs.contains(service);
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    // ------------------------------------------------------------ pass 1: one to one

    private void oneToOne(List<Resource> elements) {
        List<Candidate> all = new ArrayList<>();
        for (Resource e : elements) {
            Kind drawnKind = Drawing.kindOf(e);
            for (Deployment.Unit u : deployment.units()) {
                if (Conventions.pair(drawnKind, u.first().kind()).isEmpty()) {
                    continue;
                }
                for (Resource instance : u.members()) {
                    score(e, u, instance, true).ifPresent(all::add);
                }
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Set<Resource> taken = new LinkedHashSet<>();
        for (Candidate candidate : all) {
            Candidate c = candidate;
            if (c.score < ACCEPT || assigned.containsKey(c.element) || taken.contains(c.instance)
                    || drawnAs.containsKey(c.instance)) {
                continue;
            }
            c = explained(c, true);
            List<Resource> members = c.unit.members();
            if (members.size() > 1 && Drawing.azs(c.element).isEmpty() && drawing.words(c.element).copy() < 0
                    && members.stream().noneMatch(m -> taken.contains(m) || drawnAs.containsKey(m))) {
                // drawn once, in no AZ and with no copy number: one icon for the whole block
                taken.addAll(members);
                List<String> reasons = new ArrayList<>(c.reasons);
                reasons.add("one icon for the " + members.size() + " instances of " + c.unit.name());
                assign(new Candidate(c.element, c.unit, c.instance, c.score, reasons), members);
                continue;
            }
            taken.add(c.instance);
            assign(c, List.of(c.instance));
        }
    }

    // ------------------------------------------------------------ pass 2: joining what is already drawn

    private void join(List<Resource> elements) {
        for (Resource e : elements) {
            if (assigned.containsKey(e)) {
                continue;
            }
            Candidate best = null;
            List<Resource> bestTargets = null;
            Kind drawnKind = Drawing.kindOf(e);
            for (Deployment.Unit u : deployment.units()) {
                if (Conventions.pair(drawnKind, u.first().kind()).isEmpty()) {
                    continue;
                }
                for (Resource instance : u.members()) {
                    List<Resource> drawnBy = drawnAs.get(instance);
                    if (drawnBy == null) {
                        continue;
                    }
                    Optional<Candidate> c = score(e, u, instance, false);
                    if (c.isEmpty() || c.get().score < JOIN) {
                        continue;
                    }
                    Optional<String> why = joinReason(e, instance, drawnBy, c.get());
                    if (why.isEmpty()) {
                        continue;
                    }
                    List<String> reasons = new ArrayList<>(explained(c.get(), false).reasons);
                    reasons.add(why.get());
                    Candidate j = new Candidate(e, u, instance, c.get().score, reasons);
                    if (best == null || j.score > best.score) {
                        best = j;
                        bestTargets = assigned.get(drawnBy.get(0)).resources;
                    }
                }
            }
            if (best != null) {
                List<Resource> targets = bestTargets.contains(best.instance) ? bestTargets : List.of(best.instance);
                if (best.unit.members().size() > 1 && Drawing.azs(e).isEmpty()) {
                    targets = best.unit.members(); // drawn in no AZ: it stands for every instance
                }
                assign(best, targets);
            }
        }
    }

    /** Why an element may stand for a resource another element already draws, or empty when it may not. */
    private Optional<String> joinReason(Resource e, Resource instance, List<Resource> drawnBy, Candidate c) {
        Words.Parsed w = drawing.words(e);
        String role = drawing.role(e);
        if ((role.equals("standby") || role.equals("replica"))
                && (Workloads.isData(instance.kind()) || isDataInstance(instance))) {
            return Optional.of("drawn as the " + role + " of " + instance.displayName());
        }
        if (instance.kind() == Kind.SUBNET && contradicts(e, instance)) {
            return Optional.empty(); // a subnet lies in one AZ: a box drawn in another AZ is another subnet
        }
        for (Resource other : drawnBy) {
            if (Drawing.kindOf(other) == Drawing.kindOf(e) && w.tokens().equals(drawing.words(other).tokens())
                    && !(w.copy() >= 0 && drawing.words(other).copy() >= 0 && w.copy() != drawing.words(other).copy()
                    && deployment.unitOf(instance).members().size() == 1)) {
                // (copies numbered differently claim one resource each: "NAT AZ-1", "NAT AZ-2" are two NATs)
                return Optional.of("another drawing of what " + drawing.name(other) + " draws");
            }
            if (drawing.ancestors(e).contains(other)) {
                return Optional.of("drawn inside " + drawing.name(other) + ", which stands for " + instance.displayName());
            }
        }
        if (!w.isGeneric() && labelScore(e, instance) > 0.5) {
            return Optional.of("its label names " + instance.displayName() + " too");
        }
        return Optional.empty();
    }

    private static boolean isCluster(Kind k) {
        return k == Kind.AURORA_CLUSTER || k == Kind.DOCDB_CLUSTER || k == Kind.NEPTUNE_CLUSTER;
    }

    private static boolean isDataInstance(Resource r) {
        return r.kind() == Kind.RDS_INSTANCE || r.kind() == Kind.DOCDB_INSTANCE || r.kind() == Kind.NEPTUNE_INSTANCE;
    }

    // ------------------------------------------------------------ one icon for a block, one icon for many

    /** A counted block drawn by one icon only: that icon stands for every instance. */
    private void oneIconPerBlock() {
        for (Deployment.Unit u : deployment.units()) {
            if (u.members().size() < 2) {
                continue;
            }
            Set<Resource> icons = new LinkedHashSet<>();
            for (Resource m : u.members()) {
                icons.addAll(drawnAs.getOrDefault(m, List.of()));
            }
            Set<Resource> drawnMembers = new LinkedHashSet<>();
            for (Resource m : u.members()) {
                if (drawnAs.containsKey(m)) {
                    drawnMembers.add(m);
                }
            }
            if (drawnMembers.size() != 1) {
                continue;
            }
            for (Resource icon : icons) {
                Assignment a = assigned.get(icon);
                for (Resource m : u.members()) {
                    if (!a.resources.contains(m)) {
                        a.resources.add(m);
                        drawnAs.computeIfAbsent(m, k -> new ArrayList<>()).add(icon);
                    }
                }
                a.reasons.add("one icon for the " + u.members().size() + " instances of " + u.name());
            }
        }
    }

    /**
     * A network interface or elastic IP drawn at a service (joined to it by a line, or drawn next to it)
     * belongs to that service: AWS creates it with the service and the IaC rarely declares it.
     */
    private void attachments() {
        for (Resource e : drawing.elements()) {
            Kind k = Drawing.kindOf(e);
            if (assigned.containsKey(e) || (k != Kind.NETWORK_INTERFACE && k != Kind.ELASTIC_IP)) {
                continue;
            }
            Resource owner = null;
            double best = Double.MAX_VALUE;
            for (Resource other : drawing.linked(e)) {
                if (assigned.containsKey(other) && Drawing.kindOf(other) != k && !isNetwork(Drawing.kindOf(other))) {
                    double d = drawing.distance(e, other);
                    if (d < best) {
                        best = d;
                        owner = other;
                    }
                }
            }
            if (owner == null) {
                for (Map.Entry<Resource, Assignment> a : assigned.entrySet()) {
                    double d = drawing.distance(e, a.getKey());
                    if (!isNetwork(Drawing.kindOf(a.getKey())) && drawing.pageOf(a.getKey()) == drawing.pageOf(e)
                            && d <= 60 && d < best) {
                        best = d;
                        owner = a.getKey();
                    }
                }
            }
            if (owner != null) {
                Assignment of = assigned.get(owner);
                List<String> reasons = List.of("kind: " + Names.kindLabel(k) + " drawn at " + drawing.name(owner)
                        + ", which stands for " + of.resources.get(0).displayName() + ": it belongs to it");
                assign(new Candidate(e, of.unit, of.resources.get(0), 0.7, reasons), of.resources);
            }
        }
    }

    /** Boxes and gateways that an attachment is drawn inside or through, not the service it belongs to. */
    private static boolean isNetwork(Kind k) {
        return k == Kind.VPC || k == Kind.SUBNET || k == Kind.INTERNET_GATEWAY || k == Kind.NAT_GATEWAY
                || k == Kind.AUTOSCALING_GROUP || k == Kind.SECURITY_GROUP || k == Kind.ROUTE_TABLE;
    }

    /** An icon that stands for an Aurora, DocumentDB or Neptune cluster also stands for its instances no icon draws. */
    private void clusterInstances() {
        for (Map.Entry<Resource, Assignment> e : new ArrayList<>(assigned.entrySet())) {
            for (Resource r : new ArrayList<>(e.getValue().resources)) {
                if (!isCluster(r.kind())) {
                    continue;
                }
                List<String> added = new ArrayList<>();
                for (Resource m : deployment.membersOf(r)) {
                    if (!drawnAs.containsKey(m)) {
                        e.getValue().resources.add(m);
                        drawnAs.computeIfAbsent(m, k -> new ArrayList<>()).add(e.getKey());
                        added.add(m.displayName());
                    }
                }
                if (!added.isEmpty()) {
                    e.getValue().reasons.add("one icon for " + r.displayName() + " and its instances " + String.join(", ", added));
                }
            }
        }
    }

    /**
     * A resource still undrawn, of a kind an icon stands for whose label names no one resource ("AWS
     * Lambda", "Lambda functions"): that icon draws it too.
     */
    private void genericIcons() {
        for (Resource r : deployment.resources()) {
            if (drawnAs.containsKey(r) || r.kind() == Kind.UNKNOWN || Conventions.notDrawn(r.kind()).isPresent()) {
                continue;
            }
            Resource best = null;
            double bestScore = 0;
            for (Map.Entry<Resource, Assignment> e : assigned.entrySet()) {
                Words.Parsed w = drawing.words(e.getKey());
                if (!(w.isGeneric() || w.plural())) {
                    continue;
                }
                Optional<Conventions.KindPair> p = Conventions.pair(Drawing.kindOf(e.getKey()), r.kind());
                if (p.isEmpty() || p.get().weight() < 1.0) {
                    continue;
                }
                if (contradicts(e.getKey(), r)) {
                    continue; // drawn in another subnet, AZ or VPC: it does not stand for this one
                }
                if (e.getValue().resources.stream().noneMatch(x -> x.kind() == r.kind())) {
                    continue; // it stands for another kind (EC2 icons for an Auto Scaling group): not for a lone instance
                }
                double s = placement(e.getKey(), r, Why.SILENT);
                if (best == null || s > bestScore) {
                    best = e.getKey();
                    bestScore = s;
                }
            }
            if (best != null && bestScore > 0) {
                Assignment a = assigned.get(best);
                a.resources.add(r);
                a.reasons.add(r.displayName() + ": one icon labelled " + (drawing.words(best).plural() ? "in the plural"
                        : "with no name of its own") + " draws every " + Names.kindLabel(r.kind()));
                drawnAs.computeIfAbsent(r, k -> new ArrayList<>()).add(best);
            }
        }
    }

    /**
     * An icon of a service atolint has no resource kind for ("AWS Backup", "Step Functions") stands for what
     * the IaC deploys of that service and no other element draws: the IaC type names the service
     * ({@code AWS::Backup::BackupPlan}, {@code aws_backup_plan}). A label naming more than the service must
     * name the resource.
     */
    private void serviceIcons() {
        for (Resource e : drawing.elements()) {
            if (assigned.containsKey(e) || Drawing.kindOf(e) != Kind.GENERIC_AWS_SERVICE) {
                continue;
            }
            String service = norm(e.meta().getOrDefault("service", ""));
            if (service.length() < 3) {
                continue;
            }
            String label = norm(Words.allWords(e.meta().getOrDefault("label", "")).stream()
                    .reduce("", String::concat));
            boolean onlyTheService = label.isEmpty() || label.equals(service) || service.contains(label);
            List<Resource> of = new ArrayList<>();
            for (Resource r : deployment.resources()) {
                if (drawnAs.containsKey(r) || !service.equals(serviceOf(r.rawType()))) {
                    continue;
                }
                if (onlyTheService || labelScore(e, r) > 0.5) {
                    of.add(r);
                }
            }
            if (of.isEmpty()) {
                continue;
            }
            List<String> reasons = List.of("kind: an icon of " + e.meta().get("service") + ", which atolint knows by "
                    + "service only: it stands for what the IaC deploys of " + e.meta().get("service") + " ("
                    + String.join(", ", of.stream().map(Resource::rawType).distinct().toList()) + ")");
            assign(new Candidate(e, deployment.unitOf(of.get(0)), of.get(0), 0.7, reasons), of);
        }
    }

    /** The service an IaC type belongs to, normalised: {@code AWS::Backup::BackupPlan} and {@code aws_backup_plan} are {@code backup}. */
    static String serviceOf(String rawType) {
        if (rawType.startsWith("AWS::")) {
            String[] parts = rawType.split("::");
            return parts.length >= 3 ? norm(parts[1]) : "";
        }
        if (rawType.startsWith("aws_")) {
            int end = rawType.indexOf('_', 4);
            return end < 0 ? "" : norm(rawType.substring(4, end));
        }
        return "";
    }

    private void assign(Candidate c, List<Resource> targets) {
        Assignment a = new Assignment(c.unit);
        a.resources.addAll(targets);
        a.score = c.score;
        for (String reason : c.reasons) {
            if (!a.reasons.contains(reason)) {
                a.reasons.add(reason);
            }
        }
        assigned.put(c.element, a);
        for (Resource t : targets) {
            drawnAs.computeIfAbsent(t, k -> new ArrayList<>()).add(c.element);
        }
    }

    // ------------------------------------------------------------ scoring

    private Optional<Candidate> score(Resource e, Deployment.Unit u, Resource r, boolean firstPass) {
        return score(e, u, r, firstPass, Why.SILENT);
    }

    private Optional<Candidate> score(Resource e, Deployment.Unit u, Resource r, boolean firstPass, Why reasons) {
        Kind drawnKind = Drawing.kindOf(e);
        Optional<Conventions.KindPair> pair = Conventions.pair(drawnKind, r.kind());
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        double kind = pair.get().weight();
        Optional<Kind> named = namedKinds.computeIfAbsent(e, x -> Conventions.namedKind(drawing.words(x).all()));
        if (named.isPresent() && named.get() != r.kind() && Conventions.pair(named.get(), r.kind()).isEmpty()) {
            return Optional.empty(); // "InternetGateway" on an EC2 icon does not stand for an Auto Scaling group
        }
        if (kind < 1.0 && !deployment.has(drawnKind)) {
            kind = Math.max(kind, 0.9);
        }
        double weight = kind;
        reasons.add(() -> weight >= 1.0 && drawnKind == r.kind() ? "kind: " + Names.kindLabel(r.kind())
                : "kind: " + Names.kindLabel(drawnKind) + " icon for " + Names.kindLabel(r.kind()) + " ("
                + pair.get().why() + (deployment.has(drawnKind) ? "" : "; the IaC has no " + Names.kindLabel(drawnKind)) + ")");
        if (drawnKind == Kind.EC2_INSTANCE && r.kind() == Kind.EC2_INSTANCE && inAutoScalingBox(e)
                && labelScore(e, r) <= 0.5) {
            return Optional.empty(); // an EC2 icon in an Auto Scaling group box is the group's, not a lone instance
        }
        if (drawnKind == Kind.EC2_INSTANCE && r.kind() == Kind.EC2_INSTANCE && drawing.words(e).plural()
                && deployment.unitOf(r).members().size() == 1 && deployment.has(Kind.AUTOSCALING_GROUP)
                && labelScore(e, r) <= 0.5) {
            return Optional.empty(); // "Instances", "App servers": several instances, not the one lone instance
        }
        Double label = labelScoreOrNull(e, r, reasons);
        if (label != null && label < 0.01 && contradicts(e, r)) {
            return Optional.empty(); // named otherwise and drawn where it is not deployed: another resource
        }
        double place = placement(e, r, reasons);
        double s = kind * (0.55 + 0.30 * (label == null ? 0.5 : label) + 0.15 * place);
        s += copyHint(e, r, reasons);
        String role = drawing.role(e);
        if (!role.isEmpty() && deployment.names(r).stream().anyMatch(n -> n.roles().contains(role))) {
            s += 0.03;
            reasons.add(() -> "the " + role + " on both sides");
        }
        if (isCluster(r.kind()) && !deployment.membersOf(r).isEmpty()
                && Conventions.pair(drawnKind, deployment.membersOf(r).get(0).kind()).isPresent()) {
            s -= 0.05; // a cluster with instances in the files is drawn through them
        }
        if (firstPass && (role.equals("standby") || role.equals("replica"))) {
            s -= 0.05; // the primary icon takes the primary; the standby joins it
        }
        if (role.equals("replica") && deployment.replicaSource(r).isPresent()) {
            s += 0.1;
            reasons.add(() -> "a read replica, drawn as a replica");
        }
        return Optional.of(new Candidate(e, u, r, Math.max(0, Math.min(1, s)), reasons.list()));
    }

    /** Drawn inside an Auto Scaling group box while the IaC deploys a group: the icon draws its instances. */
    private boolean inAutoScalingBox(Resource e) {
        return deployment.has(Kind.AUTOSCALING_GROUP)
                && drawing.ancestors(e).stream().anyMatch(a -> Drawing.kindOf(a) == Kind.AUTOSCALING_GROUP);
    }

    /** The same candidate with the reasons of its score written out. */
    private Candidate explained(Candidate c, boolean firstPass) {
        return score(c.element, c.unit, c.instance, firstPass, Why.explained()).orElse(c);
    }

    private double labelScore(Resource e, Resource r) {
        Double d = labelScoreOrNull(e, r, Why.SILENT);
        return d == null ? 0.5 : d;
    }

    /** The best word score of the element's label against the resource's names; null when either names nothing. */
    private Double labelScoreOrNull(Resource e, Resource r, Why reasons) {
        Words.Parsed w = drawing.words(e);
        String label = e.meta().getOrDefault("label", "");
        if (w.isGeneric()) {
            if (!label.isEmpty()) {
                reasons.add(() -> "label '" + label + "' names only the kind");
            }
            return null;
        }
        double best = -1;
        String bestName = null;
        Map<String, String> sources = deployment.nameSources(r);
        List<Words.Parsed> names = deployment.names(r);
        List<String> keys = new ArrayList<>(sources.keySet());
        String joined = String.join("", Words.allWords(label));
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isGeneric()) {
                continue;
            }
            // "On-call" is Oncall: the same letters split otherwise
            double s = joined.length() >= 4 && joined.equals(String.join("", Words.allWords(keys.get(i)))) ? 1.0
                    : Words.similarity(w.tokens(), names.get(i).tokens());
            if (s > best) {
                best = s;
                bestName = keys.get(i);
            }
        }
        if (bestName == null) {
            reasons.add(() -> "label '" + label + "': " + r.displayName() + " has no name of its own to compare");
            return null;
        }
        String src = sources.get(bestName);
        double score = best;
        String name = bestName;
        reasons.add(() -> String.format(Locale.ROOT, "label '%s' %s %s %s (%.2f)", label,
                score >= 0.99 ? "=" : score >= 0.5 ? "~" : "differs from", src, name, score));
        return best;
    }

    /** A small nudge when copy numbers agree ("Web 2" and {@code web[1]}, "Subnet A" and {@code SubnetA}). */
    private double copyHint(Resource e, Resource r, Why reasons) {
        int mine = drawing.words(e).copy();
        if (mine < 0) {
            return 0;
        }
        for (Words.Parsed n : deployment.names(r)) {
            if (n.copy() >= 0) {
                if (n.copy() == mine) {
                    reasons.add(() -> "copy number " + (mine + 1) + " on both sides");
                    return 0.03;
                }
                return -0.03;
            }
        }
        return 0;
    }

    /** Placement evidence 0..1 (0.5 when nothing tells): AZs, the subnet or its role, the VPC, a group box. */
    private double placement(Resource e, Resource r, Why reasons) {
        List<Double> evidence = placementEvidence(e, r, reasons);
        if (evidence.isEmpty()) {
            return 0.5;
        }
        return evidence.stream().mapToDouble(Double::doubleValue).average().orElse(0.5);
    }

    /** True when some placement evidence says the element is drawn where the resource is not. */
    private boolean contradicts(Resource e, Resource r) {
        return placementEvidence(e, r, Why.SILENT).stream().anyMatch(x -> x < 0.01);
    }

    private List<Double> placementEvidence(Resource e, Resource r, Why reasons) {
        List<Double> evidence = new ArrayList<>();
        az(e, r, reasons).ifPresent(evidence::add);
        Optional<Double> subnet = subnet(e, r, reasons);
        if (subnet.isPresent()) {
            evidence.add(subnet.get());
        } else {
            String mine = drawing.subnetRole(e);
            String theirs = deployment.roleOf(r);
            if (!mine.isEmpty() && !theirs.isEmpty()) {
                evidence.add(mine.equals(theirs) ? 1.0 : 0.0);
                reasons.add(() -> mine.equals(theirs) ? "subnet role: " + mine : "subnet role: drawn " + mine + ", deployed " + theirs);
            }
        }
        drawing.ancestor(e, Kind.VPC).map(assigned::get).ifPresent(vpc -> deployment.vpcOf(r).ifPresent(v -> {
            boolean same = vpc.resources.contains(v);
            evidence.add(same ? 1.0 : 0.0);
            reasons.add(() -> same ? "in VPC " + v.displayName() : "drawn in the VPC that is " + vpc.resources.get(0).displayName()
                    + ", deployed in " + v.displayName());
        }));
        for (Resource box : drawing.ancestors(e)) {
            Assignment a = assigned.get(box);
            if (a != null && box.kind() != Kind.VPC && box.kind() != Kind.SUBNET && a.resources.contains(r)) {
                evidence.add(1.0);
                evidence.add(1.0);
                reasons.add(() -> "drawn inside " + drawing.name(box) + ", which stands for " + r.displayName());
                break;
            }
        }
        return evidence;
    }

    /** AZ agreement: the share of drawn and deployed AZs that correspond, when both are known. */
    private Optional<Double> az(Resource e, Resource r, Why reasons) {
        List<Az> drawn = Drawing.azs(e);
        List<Az> deployed = Deployment.azs(r);
        if (drawn.isEmpty() || deployed.isEmpty()) {
            return Optional.empty();
        }
        int[] toDeployed = coverage(drawn, deployed, false);
        int[] toDrawn = coverage(deployed, drawn, true);
        int hits = toDeployed[0] + toDrawn[0];
        int decided = toDeployed[1] + toDrawn[1];
        if (decided == 0) {
            return Optional.empty();
        }
        double s = (double) hits / decided;
        reasons.add(() -> (s >= 0.99 ? "AZ: " : s > 0 ? "AZ partly: " : "AZ differs: ") + "drawn in "
                + String.join(" and ", drawn.stream().map(azs::describe).toList()) + ", deployed in "
                + String.join(", ", deployed.stream().map(azs::describeIac).distinct().toList()));
        return Optional.of(s);
    }

    /**
     * For each AZ of {@code from}: whether some AZ of {@code to} is the same ({@code [0]} counts them) and whether
     * that is decided ({@code [1]}: found, or every comparison known). {@code swapped} when {@code from} is deployed.
     */
    private int[] coverage(List<Az> from, List<Az> to, boolean swapped) {
        int hits = 0;
        int decided = 0;
        for (Az x : from) {
            boolean any = false;
            boolean known = true;
            for (Az y : to) {
                Tri t = swapped ? azs.same(y, x) : azs.same(x, y);
                any |= t.isTrue();
                known &= t.isKnown();
            }
            if (any || known) {
                decided++;
            }
            if (any) {
                hits++;
            }
        }
        return new int[]{hits, decided};
    }

    /** Drawn in a subnet that stands for one of the resource's subnets. */
    private Optional<Double> subnet(Resource e, Resource r, Why reasons) {
        if (r.kind() == Kind.SUBNET || e.kind() == Kind.SUBNET) {
            return Optional.empty();
        }
        Optional<Resource> box = drawing.ancestor(e, Kind.SUBNET);
        if (box.isEmpty() || !assigned.containsKey(box.get())) {
            return Optional.empty();
        }
        List<Resource> theirs = deployment.subnetsOf(r);
        if (theirs.isEmpty()) {
            return Optional.empty();
        }
        List<Resource> drawnSubnets = assigned.get(box.get()).resources;
        boolean in = theirs.stream().anyMatch(drawnSubnets::contains);
        reasons.add(() -> in ? "drawn in " + drawing.name(box.get()) + " = " + drawnSubnets.get(0).displayName()
                : "drawn in " + drawing.name(box.get()) + " (" + drawnSubnets.get(0).displayName() + "), deployed in "
                + String.join(", ", theirs.stream().map(Resource::displayName).toList()));
        return Optional.of(in ? 1.0 : 0.0);
    }
}
