package io.atolint.checks;

import io.atolint.checks.ha.ComputeTierAzSpread;
import io.atolint.checks.ha.DataStoreAzResilience;
import io.atolint.checks.ha.LoadBalancerAzSpread;
import io.atolint.checks.ha.NetworkAttachmentAzSpread;
import io.atolint.checks.spof.LoneInstanceOnPath;
import io.atolint.checks.spof.NatGatewayPerAz;
import io.atolint.checks.spof.SingleAzDependency;
import io.atolint.checks.spof.SingleCopyCompute;
import io.atolint.checks.spof.TrafficCutPoint;
import io.atolint.checks.suppression.SuppressionOfUnknownRule;
import io.atolint.checks.suppression.SuppressionWithoutReason;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;

import java.util.List;

/**
 * The registry: every check atolint runs, listed explicitly beside the checks (a meta-test fails when a
 * class annotated {@link Rule} is missing here, has no documentation or no fixture folder). Nothing
 * registers itself: a check runs because it is named here.
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
                new io.atolint.checks.ha.TargetHealthChecks(),
                new io.atolint.checks.ha.CloudFrontOriginFailover(),
                new NatGatewayPerAz(),
                new LoneInstanceOnPath(),
                new SingleCopyCompute(),
                new SingleAzDependency(),
                new TrafficCutPoint(),
                new io.atolint.checks.net.RedundantSiteConnectivity(),
                new io.atolint.checks.net.NetworkAclAdminPorts(),
                new io.atolint.checks.scale.TierScaling(),
                new io.atolint.checks.tls.InternetListenerEncryption(),
                new io.atolint.checks.tls.CloudFrontProtocols(),
                new io.atolint.checks.tls.CrossVpcTrafficEncryption(),
                new io.atolint.checks.tls.DataStoreTransitEncryption(),
                new io.atolint.checks.tls.TlsPolicyVersion(),
                new io.atolint.checks.tls.S3SecureTransport(),
                // baseline and security items (issue 6)
                new io.atolint.checks.log.CloudTrailMultiRegion(),
                new io.atolint.checks.log.CloudTrailBucketOwnership(),
                new io.atolint.checks.log.CloudTrailBucketVersioning(),
                new io.atolint.checks.log.CloudTrailLogFileValidation(),
                new io.atolint.checks.iam.PasswordPolicyStrength(),
                new io.atolint.checks.iam.WildcardPermissions(),
                new io.atolint.checks.iam.AdministratorAccessAttached(),
                new io.atolint.checks.iam.NotActionAllow(),
                new io.atolint.checks.cred.AccessKeyResource(),
                new io.atolint.checks.cred.AccessKeyLiteral(),
                new io.atolint.checks.cred.PasswordLiteral(),
                new io.atolint.checks.cred.SecretParameterDefault(),
                new io.atolint.checks.cred.SecretInEnvironment(),
                new io.atolint.checks.enc.DataStoreEncryption(),
                new io.atolint.checks.enc.EbsEncryption(),
                new io.atolint.checks.enc.CustomerManagedKeys(),
                new io.atolint.checks.bak.DatabaseBackupRetention(),
                new io.atolint.checks.bak.DynamoDbPointInTimeRecovery(),
                new io.atolint.checks.bak.BackupSelectionCoverage(),
                new io.atolint.checks.bak.BackupCopyElsewhere(),
                new io.atolint.checks.s3.PublicAccessBlock(),
                new io.atolint.checks.s3.PublicAcl(),
                new io.atolint.checks.s3.PublicBucketPolicy(),
                new io.atolint.checks.s3.PublicBucketDetection(),
                new io.atolint.checks.sg.WorldOpenIngress(),
                new io.atolint.checks.sg.UnrestrictedEgress(),
                new io.atolint.checks.sg.DefaultSecurityGroup(),
                new io.atolint.checks.kms.KeyRotation(),
                new io.atolint.checks.kms.KeyPolicyPublic(),
                new io.atolint.checks.mon.ChangeMonitoring(),
                new io.atolint.checks.mon.VpcFlowLogs(),
                new io.atolint.checks.mon.AlarmsWithActions(),
                new io.atolint.checks.mon.LogGroupRetention(),
                new io.atolint.checks.iac.InfrastructureAsCode(),
                new io.atolint.checks.diagram.UnconnectedElements(),
                new io.atolint.checks.diagram.ServiceIcons(),
                new io.atolint.checks.diagram.DeploymentShown(),
                new io.atolint.checks.diagram.TiersAcrossAzs(),
                new io.atolint.checks.diagram.OutsideElementsShown(),
                new io.atolint.checks.recon.DeployedNotDrawn(),
                new io.atolint.checks.recon.DrawnNotDeployed(),
                new io.atolint.checks.recon.AzClaimNotBacked(),
                new io.atolint.checks.recon.LinkClaimNotBacked(),
                new io.atolint.checks.recon.OutsideLinkMismatch(),
                new SuppressionWithoutReason(RuleCatalog::isRule),
                new SuppressionOfUnknownRule(RuleCatalog::isRule));
    }
}
