package io.atolint.parse.terraform;

import io.atolint.model.Az;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceFile;
import io.atolint.testing.Fixtures;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Terraform resources land in the shared model so that the format-blind resolvers place and relate
 * them exactly as they do CloudFormation: subnets to what runs in them, databases through subnet
 * groups, route tables to gateways, load balancers through listeners to targets.
 */
class TerraformTopologyTest {
    private static final String DIR = "fixtures/terraform/three-tier";

    private static Model threeTier() {
        return Scans.only(Scans.scan(Fixtures.load(DIR), ParseOptions.defaults()));
    }

    private static List<String> azs(Resource r) {
        return r.placement().azs().stream().map(Az::value).toList();
    }

    private static boolean related(Model m, RelationType type, String from, String to) {
        return m.relations().stream().anyMatch(rel -> rel.type() == type && rel.source().name().equals(from)
                && rel.target().name().equals(to));
    }

    private static String relations(Model m) {
        return m.relations().stream().map(Relation::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void resourcesAreNamedByAddressAndLocatedAtTheirBlock() {
        Model m = threeTier();
        Resource s = Scans.resource(m, "aws_subnet.private[1]");
        assertEquals("aws_subnet", s.rawType());
        assertEquals(DIR + "/main.tf", s.location().file());
        assertEquals(27, s.location().startLine());
        assertEquals(1, s.location().startColumn());
        assertEquals("aws_subnet.private[1]", s.location().logicalPath());
        assertEquals(DIR + "#aws_subnet.private[1]", s.id());
        assertEquals(Value.Scalar.class, s.attr("AvailabilityZone").orElseThrow().getClass());
        assertEquals("10.0.11.0/24", s.attr("cidr_block").flatMap(Value::asString).orElseThrow());
        assertEquals(86, Scans.resource(m, "aws_lb.web").locationOf("Subnets").startLine(), "the subnets attribute");
    }

    @Test
    void everythingInSubnetsIsPlacedInTheirAzs() {
        Model m = threeTier();
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m, "aws_lb.web")));
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m, "aws_autoscaling_group.app")));
        assertEquals(List.of("us-east-1b"), azs(Scans.resource(m, "aws_instance.bastion")));
        assertEquals(List.of("us-east-1a"), azs(Scans.resource(m, "aws_nat_gateway.nat")));
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m, "aws_ecs_service.api")));
        assertEquals(List.of("us-east-1a"), azs(Scans.resource(m, "aws_lambda_function.worker")));
        assertEquals(List.of("us-east-1b"), azs(Scans.resource(m, "aws_efs_mount_target.shared[1]")));
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m, "aws_efs_file_system.shared")), "reachable in its mount targets' AZs");
    }

    @Test
    void databasesAndCachesFollowSubnetGroupsAndMultiAz() {
        Model m = threeTier();
        Placement db = Scans.resource(m, "aws_db_instance.db").placement();
        assertEquals(Placement.Scope.ZONAL, db.scope());
        assertTrue(db.azCount().provablyMulti(), db.display());
        Placement reporting = Scans.resource(m, "aws_db_instance.reporting").placement();
        assertEquals(Placement.Scope.ONE_OF, reporting.scope());
        Placement cache = Scans.resource(m, "aws_elasticache_replication_group.cache").placement();
        assertEquals(Placement.Scope.ZONAL, cache.scope());
        assertTrue(cache.azCount().provablyMulti());
    }

    @Test
    void routesListenersAndAttachmentsBecomeTrafficRelations() {
        Model m = threeTier();
        String all = relations(m);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_route_table.public", "aws_internet_gateway.igw"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_route_table.private", "aws_nat_gateway.nat"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_route_table.private", "aws_ec2_transit_gateway.tgw"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_subnet.private[0]", "aws_route_table.private"), all);
        assertTrue(related(m, RelationType.ATTACHED_TO, "aws_lb_listener.http", "aws_lb.web"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_lb.web", "aws_lb_target_group.web"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_lb_target_group.web", "aws_autoscaling_group.app"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_lb_target_group.web", "aws_instance.bastion"), all);
        assertTrue(related(m, RelationType.ROUTES_TO, "aws_lb_target_group.web", "aws_ecs_service.api"), all);
        assertTrue(related(m, RelationType.CONTAINS, "aws_subnet.public[0]", "aws_lb.web"), all);
        assertTrue(related(m, RelationType.CONTAINS, "aws_subnet.private[0]", "aws_lambda_function.worker"), all);
        assertTrue(related(m, RelationType.CONTAINS, "aws_vpc.main", "aws_subnet.public[1]"), all);
        assertTrue(related(m, RelationType.ATTACHED_TO, "aws_internet_gateway.igw", "aws_vpc.main"), all);
        assertTrue(related(m, RelationType.REFERENCES, "aws_db_instance.db", "aws_db_subnet_group.db"), all);
        assertFalse(related(m, RelationType.CONTAINS, "aws_subnet.public[0]", "aws_route_table_association.public[0]"), all);
    }

    @Test
    void aConditionalMultiAzIsUnknownUntilAVarFileDecidesIt() {
        MemoryTree tree = Fixtures.load("fixtures/terraform/conditional-multi-az");
        Model unknown = Scans.only(Scans.scan(tree, ParseOptions.defaults()));
        Placement p = Scans.resource(unknown, "aws_db_instance.db").placement();
        assertEquals(Placement.Scope.UNKNOWN, p.scope());
        assertTrue(p.reason().contains("variable env has no value"), p.reason());

        Model prod = Scans.only(Scans.scan(tree, ParseOptions.defaults().withVarFiles(List.of(varFile(tree, "prod.tfvars")))));
        Placement multi = Scans.resource(prod, "aws_db_instance.db").placement();
        assertEquals(Placement.Scope.ZONAL, multi.scope());
        assertEquals(List.of("eu-west-1a", "eu-west-1b"), multi.azs().stream().map(Az::value).toList());

        Model dev = Scans.only(Scans.scan(tree, ParseOptions.defaults().withVarFiles(List.of(varFile(tree, "dev.tfvars")))));
        assertTrue(Scans.resource(dev, "aws_db_instance.db").placement().azCount().provablySingle());

        Model cli = Scans.only(Scans.scan(tree, ParseOptions.defaults().withVariables(Map.of("env", "prod"))));
        assertTrue(Scans.resource(cli, "aws_db_instance.db").placement().azCount().provablyMulti());
    }

    private static SourceFile varFile(MemoryTree tree, String name) {
        String path = "fixtures/terraform/conditional-multi-az/" + name;
        return new SourceFile(path, ((io.atolint.parse.ReadResult.Text) tree.readText(path)).file().text());
    }
}
