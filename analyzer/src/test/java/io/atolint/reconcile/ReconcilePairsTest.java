package io.atolint.reconcile;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Resource;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pairs of {@code fixtures/reconcile/}: each matching convention is checked on the match it
 * produces (which resources an element stands for and why), and a faithful pair gives no disagreement.
 */
class ReconcilePairsTest {

    static Reconciliation reconcile(String dir, String diagram, String iac, String region) {
        return reconcile(List.of(dir), dir + "/" + diagram, dir + "/" + iac, region);
    }

    /** A pair whose diagram and IaC live in different directories of the repository (each read as a tree). */
    static Reconciliation reconcile(List<String> dirs, String diagram, String iac, String region) {
        List<SourceTree> trees = new ArrayList<>();
        for (String dir : dirs) {
            trees.add(new FileSystemSourceTree(Repo.path(dir), dir, Limits.defaults()));
        }
        ParseOptions o = region == null ? ParseOptions.defaults() : ParseOptions.defaults().withRegion(region);
        Analysis a = new Analyzer(List.of()).withPairs(List.of(new Pair(diagram, null,
                List.of(iac), "test"))).analyze(trees, o);
        assertEquals(1, a.reconciliations().size());
        Reconciliation r = a.reconciliations().get(0);
        assertTrue(r.compared(), String.valueOf(r.problem()));
        return r;
    }

    /** The IaC names the element labelled {@code label} stands for, on the page named. */
    static List<String> standsFor(Reconciliation r, String page, String label) {
        List<List<String>> found = new ArrayList<>();
        for (Match m : r.matches()) {
            if (label.equals(m.element().meta().get("label")) && (page == null
                    || page.equals(m.element().meta().get("pageName")))) {
                found.add(m.iac().stream().map(Resource::name).sorted().toList());
            }
        }
        assertFalse(found.isEmpty(), "no match for '" + label + "'");
        assertTrue(found.stream().distinct().count() == 1, "'" + label + "' drawn several times for different resources: " + found);
        return found.get(0);
    }

    static String reasons(Reconciliation r, String label) {
        return r.matches().stream().filter(m -> label.equals(m.element().meta().get("label")))
                .flatMap(m -> m.reasons().stream()).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void faithfulCloudFormationPairHasNoDisagreementWithOrWithoutRegion() {
        for (String region : new String[] {null, "us-east-1"}) {
            Reconciliation r = reconcile("fixtures/reconcile/cfn-faithful", "architecture.drawio", "infra", region);
            assertEquals(List.of(), r.discrepancies().stream().map(Discrepancy::message).toList(), "region " + region);
            assertEquals(List.of(), r.unmatched());
            assertEquals(List.of(), r.undrawn());
        }
    }

    @Test
    void cloudFormationConventions() {
        Reconciliation r = reconcile("fixtures/reconcile/cfn-faithful", "architecture.drawio", "infra", null);
        // labels that differ from the logical ids: a Name tag, words of the id
        assertEquals(List.of("FrontDoor"), standsFor(r, null, "Public ALB"));
        assertTrue(reasons(r, "Public ALB").contains("Name tag public-alb"), reasons(r, "Public ALB"));
        assertEquals(List.of("AssetsBucket"), standsFor(r, null, "Assets"));
        assertEquals(List.of("Network"), standsFor(r, null, "Orders VPC"));
        // EC2 icons in an Auto Scaling group box are the group's instances
        assertEquals(List.of("WebServers"), standsFor(r, null, "Web server"));
        assertTrue(reasons(r, "Web server").contains("drawn inside 'Web tier', which stands for WebServers"));
        assertEquals(List.of("WebServers"), standsFor(r, null, "Web tier"));
        // a Fargate task icon in each AZ is the ECS service (one drawn as a UserObject with fields)
        assertEquals(List.of("OrdersService"), standsFor(r, null, "Orders API"));
        assertEquals(2, r.matches().stream().filter(m -> "Orders API".equals(m.element().meta().get("label"))).count());
        // Aurora is drawn through its instances, each in its AZ; the cluster is not missing
        assertEquals(List.of("OrdersDbWriter"), standsFor(r, null, "Orders DB writer"));
        assertEquals(List.of("OrdersDbReader"), standsFor(r, null, "Orders DB reader"));
        assertTrue(reasons(r, "Orders DB reader").contains("AZ: drawn in Availability Zone 2 (GetAZs('')[1])"));
        // nested AZ containers: placement by the subnet an icon is drawn in, and the N-th AZ
        assertEquals(List.of("NatGateway2"), r.matches().stream().filter(m -> m.element().name().equals("nat2"))
                .findFirst().orElseThrow().iac().stream().map(Resource::name).toList());
        assertTrue(reasons(r, "Orders API").contains("drawn in 'App subnet 1' = AppSubnet1"));
        assertEquals(List.of("PublicSubnet2"), standsFor(r, null, "Public subnet 2"));
    }

    @Test
    void faithfulTerraformPairHasNoDisagreement() {
        for (String region : new String[] {null, "eu-west-1"}) {
            Reconciliation r = reconcile("fixtures/reconcile/tf-faithful", "architecture.drawio", "infra", region);
            assertEquals(List.of(), r.discrepancies().stream().map(Discrepancy::message).toList(), "region " + region);
            assertEquals(List.of(), r.unmatched());
            assertEquals(List.of(), r.undrawn());
        }
    }

    @Test
    void terraformConventions() {
        Reconciliation r = reconcile("fixtures/reconcile/tf-faithful", "architecture.drawio", "infra", null);
        // flat layers, unlabelled AZ shapes: the first box from the left is the first AZ of the IaC's list
        AzMap.DrawnAz first = r.azs().drawn().stream().filter(d -> d.ordinal() == 0).findFirst().orElseThrow();
        assertEquals("first AZ box from the left", first.how());
        assertEquals(List.of("eu-west-1a"), r.azs().iacFor(first.az()).stream().map(a -> a.value()).toList());
        // one icon per instance of a counted block, matched by AZ and copy number
        assertEquals(List.of("aws_instance.app[0]"), standsFor(r, "Network", "App server 1"));
        assertEquals(List.of("aws_instance.app[1]"), standsFor(r, "Network", "App server 2"));
        // the overview page draws the block once, in no AZ: every instance
        assertEquals(List.of("aws_instance.app[0]", "aws_instance.app[1]"), standsFor(r, "Overview", "App servers"));
        // one icon for a for_each block
        assertEquals(List.of("aws_sqs_queue.jobs[\"emails\"]", "aws_sqs_queue.jobs[\"orders\"]"),
                standsFor(r, "Network", "Job queues"));
        assertTrue(reasons(r, "Job queues").contains("one icon for the 2 instances of aws_sqs_queue.jobs"));
        // the standby icon is the Multi-AZ standby of the one database
        assertEquals(List.of("aws_db_instance.shop"), standsFor(r, "Network", "Shop DB standby"));
        assertTrue(reasons(r, "Shop DB standby").contains("drawn as the standby of aws_db_instance.shop")
                || reasons(r, "Shop DB standby").contains("another drawing of what 'Shop DB primary' draws"));
        // several icons for one resource: the load balancer on both pages
        assertEquals(2, r.matches().stream().filter(m -> m.iac().stream().anyMatch(x -> x.name().equals("aws_lb.shop"))).count());
    }

    @Test
    void generatedDiagramIsMatchedByLabelsAndItsPlacementIsOnlyANote() {
        Reconciliation r = reconcile("fixtures/reconcile/cfn-faithful", "generated/cfn-dia.drawio", "infra", "us-east-1");
        assertEquals(List.of(), r.unmatched());
        assertEquals(List.of(), r.undrawn());
        assertEquals(List.of("InternetGateway"), standsFor(r, null, "InternetGateway"));
        assertTrue(reasons(r, "InternetGateway").contains("the icon (mxgraph.aws4.ec2) is EC2's, not of its kind"),
                reasons(r, "InternetGateway"));
        assertEquals(List.of("FrontDoor"), standsFor(r, null, "FrontDoor"));
        assertEquals(1, r.discrepancies().size(), r.discrepancies().toString());
        Discrepancy note = r.discrepancies().get(0);
        assertFalse(note.decided());
        assertEquals(Discrepancy.Type.AZ_CLAIM, note.type());
        assertTrue(note.message().startsWith("the diagram draws no Availability Zone"), note.message());
    }

    static final String ELSEWHERE = "fixtures/reconcile/drawn-elsewhere";

    static List<String> findings(Reconciliation r) {
        return r.discrepancies().stream().map(d -> d.type().ruleId() + (d.decided() ? " " : " note ")
                + (d.element() != null ? "'" + d.element().meta().get("label") + "'" : d.iac().get(0).name())).sorted().toList();
    }

    @Test
    void faithfulCdkPairHasNoDisagreement() {
        // the demo's CDK app (synthesised) against the demo drawing: construct paths for labels, the database's
        // generated secret covered by the drawn database, CDK's custom-resource handler not architecture
        for (String region : new String[] {null, "us-east-1"}) {
            Reconciliation r = reconcile(List.of("fixtures/demo/three-tier-drawio", "fixtures/demo/cdk-three-tier"),
                    "fixtures/demo/three-tier-drawio/architecture.drawio", "fixtures/demo/cdk-three-tier", region);
            assertEquals(List.of(), findings(r), "region " + region);
            assertEquals(List.of(), r.unmatched());
            assertEquals(List.of(), r.undrawn());
            assertEquals(List.of("AppAsgASGE6306ECF"), standsFor(r, null, "App server"));
        }
    }

    @Test
    void diagramsDrawnForOtherCodeGiveOnlyTrueFindings() {
        // the demo's SaaS template, drawn with its own labels: the bastion it draws has only a security group in the
        // template; the AWS Backup icon stands for the plan, vaults and selection; the EC2 icons for the group
        Reconciliation saas = reconcile(List.of(ELSEWHERE, "fixtures/demo/saas-platform"),
                ELSEWHERE + "/saas-platform.drawio", "fixtures/demo/saas-platform/platform.yaml", null);
        assertEquals(List.of("RECON002 'Bastion host'"), findings(saas));
        assertEquals(List.of("BackupEverything", "BackupPlan", "CopyVault", "Vault"), standsFor(saas, null, "AWS Backup"));
        assertEquals(List.of("AppGroup"), standsFor(saas, null, "Platform app"));
        assertEquals(List.of("Oncall"), standsFor(saas, null, "On-call"));
        assertEquals(List.of("DatabaseReader"), standsFor(saas, null, "Aurora replica"));
        // the Terraform three-tier fixture drawn without its bastion and transit gateway: the EC2 icons in the
        // Auto Scaling group box are the group's, not the bastion in the same AZ
        Reconciliation tf = reconcile(List.of(ELSEWHERE, "fixtures/terraform/three-tier"),
                ELSEWHERE + "/terraform-three-tier.drawio", "fixtures/terraform/three-tier", null);
        assertEquals(List.of("RECON001 aws_ec2_transit_gateway.tgw", "RECON001 aws_instance.bastion"), findings(tf));
        assertEquals(List.of("aws_autoscaling_group.app"), standsFor(tf, null, "EC2"));
        assertEquals(List.of("aws_db_instance.db"), standsFor(tf, null, "RDS standby"));
        assertEquals(List.of("aws_db_instance.reporting"), standsFor(tf, null, "Reporting DB"));
        assertEquals("second AZ box from the top", tf.azs().drawn().stream().filter(d -> d.ordinal() == 1)
                .findFirst().orElseThrow().how());
    }

    @Test
    void demoDrawingClaimsALoadBalancerInTwoAzsThatTheTemplatePlacesInOne() {
        String dir = "fixtures/demo";
        Reconciliation r = reconcile(dir, "three-tier-drawio/architecture.drawio", "three-tier", "us-east-1");
        List<String> claims = r.discrepancies().stream().filter(d -> d.type() == Discrepancy.Type.AZ_CLAIM && d.decided())
                .map(Discrepancy::message).toList();
        assertEquals(List.of("the diagram draws ALB \"WebAlb\" in 2 AZs (Availability Zone 1 (us-east-1a), Availability "
                        + "Zone 2 (us-east-1b)); the IaC places it in 1: WebAlb in us-east-1a (AZ 1) through PublicSubnetA "
                        + "(us-east-1a), PublicSubnetB (us-east-1a via GetAZs('')[0] of us-east-1)",
                "'Public subnet' is drawn in Availability Zone 2 (us-east-1b); the IaC deploys PublicSubnetB in us-east-1a "
                        + "(AZ 1) (us-east-1a via GetAZs('')[0] of us-east-1)"), claims);
        // without --region the two AZs of the load balancer cannot be compared: a note, never a finding
        Reconciliation unknown = reconcile(dir, "three-tier-drawio/architecture.drawio", "three-tier", null);
        Discrepancy alb = unknown.discrepancies().stream().filter(d -> d.element() != null
                && "WebAlb".equals(d.element().meta().get("label"))).findFirst().orElseThrow();
        assertFalse(alb.decided());
        assertTrue(alb.message().contains("cannot tell whether the IaC's AZs are 2 distinct AZs"), alb.message());
    }
}
