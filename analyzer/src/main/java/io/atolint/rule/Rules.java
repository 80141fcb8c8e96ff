package io.atolint.rule;

import io.atolint.checks.ha.LoadBalancerAzSpread;

import java.util.List;

/**
 * The registry: every check atolint runs, listed explicitly (a meta-test fails when a class annotated
 * {@link Rule} is missing here, has no documentation or no fixture folder).
 */
public final class Rules {
    private Rules() {
    }

    public static List<Check> all() {
        return List.of(
                new LoadBalancerAzSpread(),
                new io.atolint.checks.diagram.UnconnectedElements(),
                new io.atolint.checks.diagram.ServiceIcons(),
                new io.atolint.checks.diagram.DeploymentShown(),
                new io.atolint.checks.diagram.TiersAcrossAzs(),
                new io.atolint.checks.diagram.OutsideElementsShown());
    }
}
