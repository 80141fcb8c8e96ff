package io.atolint.rule;

import io.atolint.checks.ha.ComputeTierAzSpread;
import io.atolint.checks.ha.DataStoreAzResilience;
import io.atolint.checks.ha.LoadBalancerAzSpread;
import io.atolint.checks.ha.NetworkAttachmentAzSpread;
import io.atolint.checks.spof.LoneInstanceOnPath;
import io.atolint.checks.spof.NatGatewayPerAz;
import io.atolint.checks.spof.SingleAzDependency;
import io.atolint.checks.spof.SingleCopyCompute;
import io.atolint.checks.spof.TrafficCutPoint;

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
                new ComputeTierAzSpread(),
                new DataStoreAzResilience(),
                new NetworkAttachmentAzSpread(),
                new NatGatewayPerAz(),
                new LoneInstanceOnPath(),
                new SingleCopyCompute(),
                new SingleAzDependency(),
                new TrafficCutPoint(),
                new io.atolint.checks.diagram.UnconnectedElements(),
                new io.atolint.checks.diagram.ServiceIcons(),
                new io.atolint.checks.diagram.DeploymentShown(),
                new io.atolint.checks.diagram.TiersAcrossAzs(),
                new io.atolint.checks.diagram.OutsideElementsShown());
    }
}
