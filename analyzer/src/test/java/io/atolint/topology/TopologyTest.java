package io.atolint.topology;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Az;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiers, ingress, paths, SPOFs and the AZ-failure simulation of the demo three-tier application. */
class TopologyTest {

    private static ModelTopology demo(ParseOptions options) {
        return load("fixtures/demo/three-tier", options);
    }

    private static ModelTopology load(String dir, ParseOptions options) {
        Analysis a = new Analyzer(List.of()).analyze(List.of(new FileSystemSourceTree(Repo.path(dir), dir,
                Limits.defaults())), options);
        return a.facts().topology().models().get(0);
    }

    private static Map<String, Tier> tiers(ModelTopology t) {
        return t.tiers().stream().collect(Collectors.toMap(Tier::id, Function.identity()));
    }

    @Test
    void theDemoHasItsTiersIngressAndOnePath() {
        ModelTopology t = demo(ParseOptions.defaults().withRegion("us-east-1"));
        Map<String, Tier> tiers = tiers(t);
        assertEquals(List.of("ingress", "load-balancing", "compute", "data", "egress"),
                t.tiers().stream().map(Tier::id).toList());
        assertEquals(List.of("InternetGateway"), tiers.get("ingress").members().stream().map(r -> r.name()).toList());
        assertEquals(1, tiers.get("load-balancing").azCount(), "both public subnets resolve to us-east-1a");
        assertEquals(2, tiers.get("compute").azCount());
        assertEquals(1, tiers.get("data").azCount(), "a single-AZ instance runs in one AZ, whichever");
        assertNull(tiers.get("ingress").azCount(), "regional");
        assertEquals(List.of("InternetGateway -> WebAlb -> AppGroup -> Database"),
                t.paths().stream().map(TrafficPath::display).toList());
        Ingress igw = t.ingress().get(0);
        assertEquals("InternetGateway", igw.resource().name());
        assertTrue(igw.head());
        assertTrue(t.ingress().stream().anyMatch(i -> i.resource().name().equals("WebAlb") && !i.head()));
    }

    @Test
    void theDemoSinglePointsOfFailureAreTheNatTheDatabaseAndTheOneAzLoadBalancer() {
        ModelTopology t = demo(ParseOptions.defaults().withRegion("us-east-1"));
        Map<String, Spof.Category> spofs = t.spofs().stream().filter(s -> s.proven().isTrue())
                .collect(Collectors.toMap(s -> s.resource().name(), Spof::category));
        assertEquals(Map.of("NatGateway", Spof.Category.NAT, "Database", Spof.Category.SINGLE_AZ_DEPENDENCY,
                "WebAlb", Spof.Category.SINGLE_AZ_HOP), spofs);
    }

    @Test
    void losingEachAzSaysWhatGoesDownAndWhy() {
        ModelTopology t = demo(ParseOptions.defaults().withRegion("us-east-1"));
        List<AzSimulation.Scenario> scenarios = AzSimulation.run(t);
        assertEquals(List.of("us-east-1a", "us-east-1b"), scenarios.stream().map(s -> s.az().value()).toList());

        AzSimulation.Scenario a = scenarios.get(0);
        Map<String, Outcome> byTier = a.tiers().stream().collect(Collectors.toMap(o -> o.tier().id(), AzSimulation.TierOutcome::outcome));
        assertEquals(Verdict.SURVIVES, byTier.get("ingress").verdict());
        assertEquals(Verdict.DOWN, byTier.get("load-balancing").verdict());
        assertEquals("WebAlb runs only in us-east-1a", byTier.get("load-balancing").causes().get(0).message());
        assertEquals(Verdict.DEGRADED, byTier.get("compute").verdict());
        assertEquals(Verdict.AT_RISK, byTier.get("data").verdict());
        assertEquals(Verdict.DOWN, byTier.get("egress").verdict(), "AppSubnetB's only NAT is in us-east-1a");
        assertEquals(Verdict.DOWN, a.paths().get(0).outcome().verdict());
        assertEquals(Verdict.DOWN, a.worst());

        AzSimulation.Scenario b = scenarios.get(1);
        Map<String, Outcome> byTierB = b.tiers().stream().collect(Collectors.toMap(o -> o.tier().id(), AzSimulation.TierOutcome::outcome));
        assertEquals(Verdict.SURVIVES, byTierB.get("load-balancing").verdict());
        assertEquals(Verdict.SURVIVES, byTierB.get("egress").verdict());
        assertEquals(Verdict.AT_RISK, b.paths().get(0).outcome().verdict(), "the database may be in us-east-1b");
    }

    @Test
    void withoutARegionAnIndexIsNeverGuessedToBeALiteral() {
        ModelTopology t = demo(ParseOptions.defaults());
        List<Az> zones = AzSimulation.zones(t);
        assertEquals(List.of("GetAZs('')[0]", "us-east-1a", "us-east-1b"), zones.stream().map(Az::value).toList());
        AzSimulation.Scenario literalA = AzSimulation.scenario(t, zones.get(1));
        Outcome lb = literalA.tiers().stream().filter(o -> o.tier().id().equals("load-balancing")).findFirst()
                .orElseThrow().outcome();
        assertEquals(Verdict.UNKNOWN, lb.verdict(), "GetAZs('')[0] may or may not be us-east-1a");
    }

    @Test
    void theDrawnDemoShowsTheSameTiersButNotWhatTheTemplateResolves() {
        ModelTopology drawn = load("fixtures/demo/three-tier-drawio", ParseOptions.defaults());
        ModelTopology template = demo(ParseOptions.defaults().withRegion("us-east-1"));
        assertEquals(template.tiers().stream().map(Tier::id).toList(), drawn.tiers().stream().map(Tier::id).toList());
        assertEquals(1, template.paths().size());
        // The one request path crosses the same tiers, in the same order, in the template and the drawing ...
        List<List<Role>> templateRoles = pathRoles(template);
        assertEquals(List.of(List.of(Role.INGRESS, Role.LOAD_BALANCING, Role.COMPUTE, Role.DATA)), templateRoles);
        assertEquals(templateRoles, pathRoles(drawn).stream().map(TopologyTest::collapsed).toList());
        // ... except that the drawing also shows the users, a second hop of the ingress tier, before the gateway.
        assertEquals(List.of(List.of(Role.INGRESS, Role.INGRESS, Role.LOAD_BALANCING, Role.COMPUTE, Role.DATA)),
                pathRoles(drawn));
        // The drawing places the load balancer across both AZ boxes; the template's two subnets resolve to one AZ.
        assertEquals(2, tiers(drawn).get("load-balancing").azCount());
        assertEquals(1, tiers(template).get("load-balancing").azCount());
        // The drawing puts the database in the first AZ box: DOWN with it; the template lets AWS choose: AT RISK.
        AzSimulation.Scenario drawnFirst = AzSimulation.run(drawn).get(0);
        AzSimulation.Scenario templateFirst = AzSimulation.run(template).get(0);
        assertEquals(Verdict.DOWN, outcome(drawnFirst, "data").verdict());
        assertEquals(Verdict.AT_RISK, outcome(templateFirst, "data").verdict());
        assertEquals(Verdict.DOWN, outcome(drawnFirst, "egress").verdict(), "the second AZ's server loses its NAT");
        assertEquals(Verdict.DOWN, outcome(templateFirst, "egress").verdict());
        assertEquals(Verdict.DEGRADED, outcome(drawnFirst, "load-balancing").verdict());
        assertEquals(Verdict.DOWN, outcome(templateFirst, "load-balancing").verdict());
    }

    private static Outcome outcome(AzSimulation.Scenario s, String tier) {
        return s.tiers().stream().filter(o -> o.tier().id().equals(tier)).findFirst().orElseThrow().outcome();
    }

    /** The roles with consecutive repeats (hops within one tier) folded into one. */
    private static List<Role> collapsed(List<Role> roles) {
        List<Role> out = new java.util.ArrayList<>();
        for (Role r : roles) {
            if (out.isEmpty() || out.get(out.size() - 1) != r) {
                out.add(r);
            }
        }
        return out;
    }

    /** For each traffic path, the role of the tier of each hop, in order. */
    private static List<List<Role>> pathRoles(ModelTopology t) {
        return t.paths().stream().map(p -> p.hops().stream()
                .map(h -> t.tierOf(h).map(Tier::role).orElse(null)).toList()).toList();
    }
}
