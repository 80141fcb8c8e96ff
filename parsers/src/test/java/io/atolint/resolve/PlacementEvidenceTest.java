package io.atolint.resolve;

import io.atolint.model.Az;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.Fixtures;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A placement keeps what decided it, on the rule fixtures: the subnets a resource names, the AZ each
 * resolved to and the expression that chose it, or the reason it is UNKNOWN. Rules and reports read
 * this evidence instead of resolving subnets again.
 */
class PlacementEvidenceTest {

    private static Model scan(String fixture, ParseOptions options) {
        return Scans.only(Scans.scan(Fixtures.load("fixtures/rules/" + fixture), options));
    }

    /** The text a one-line location covers in its file (columns are 1-based, the end exclusive). */
    private static String written(SourceLocation at) throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.root().resolve(at.file()));
        assertEquals(at.startLine(), at.endLine(), "a one-line expression: " + at);
        return lines.get(at.startLine() - 1).substring(at.startColumn() - 1, at.endColumn() - 1);
    }

    @Test
    void aSubnetChosenBySelectOneOfGetAzsKeepsThatExpression() throws IOException {
        Model m = scan("HA002/cfn-yaml-asg-getazs-indexes", ParseOptions.defaults());
        Placement group = Scans.resource(m, "AppGroup").placement();
        assertEquals("VPCZoneIdentifier", group.subnetsFrom());
        assertEquals(List.of("SubnetA", "SubnetB"), group.subnets().stream().map(Placement.Subnet::name).toList());

        Placement.Subnet b = group.subnets().get(1);
        assertEquals(Scans.resource(m, "SubnetB").id(), b.id());
        assertEquals(Az.Type.SYMBOL, b.az().type());
        assertEquals("GetAZs('')[1]", b.az().value());
        assertEquals("!Select [1, !GetAZs '']", written(b.azAt()), "where the AZ expression is written");
        assertEquals(19, b.azAt().startLine());
        assertEquals(Scans.resource(m, "SubnetB").location(), b.at());
        assertEquals("SubnetB (GetAZs('')[1]; region not given (use --region))", b.describe());
    }

    @Test
    void withARegionTheExpressionStaysBesideTheAzItNames() {
        Model m = scan("HA002/cfn-yaml-asg-getazs-indexes", ParseOptions.defaults().withRegion("us-east-1"));
        Placement.Subnet b = Scans.resource(m, "AppGroup").placement().subnets().get(1);
        assertEquals("us-east-1b", b.az().value());
        assertEquals("GetAZs('')[1] of us-east-1", b.az().how());
    }

    @Test
    void aParameterDefaultAndATerraformVariableAreKeptAsTheExpression() {
        Placement web = Scans.resource(scan("HA001/cfn-yaml-distinct-az-parameters", ParseOptions.defaults()), "Web")
                .placement();
        assertEquals("parameter AppAz2 (default eu-west-1b)", web.subnets().get(1).az().how());

        Placement tf = Scans.resource(scan("HA001/tf-unknown-azs", ParseOptions.defaults()), "aws_lb.web").placement();
        assertEquals("Subnets", tf.subnetsFrom(), "canonical name, whatever the format");
        assertEquals(List.of("var.azs[0]", "var.azs[1]"), tf.subnets().stream().map(s -> s.az().value()).toList());
        assertEquals("variable azs has no value", tf.subnets().get(1).az().how());
    }

    @Test
    void anUnknownPlacementKeepsItsReasonAndTheAttributeThatNamedTheSubnets() {
        Model m = scan("HA001/cfn-yaml-subnets-from-parameter", ParseOptions.defaults());
        Placement web = Scans.resource(m, "Web").placement();
        assertEquals(Placement.Scope.UNKNOWN, web.scope());
        assertEquals("subnets come from parameter PublicSubnets has no default", web.reason());
        assertEquals("Subnets", web.subnetsFrom());
        assertTrue(web.subnets().isEmpty());

        Placement edge = Scans.resource(m, "Edge").placement();
        assertEquals(2, edge.subnets().size());
        assertNull(edge.subnets().get(0).id(), "a subnet from a parameter is not in the files");
        assertEquals("AZ of parameter PublicSubnets[0]", edge.subnets().get(0).az().value());
    }

    @Test
    void aDatabaseRestsOnTheSubnetsOfItsSubnetGroup() {
        Model m = scan("SPOF004/tf-multi-az-app-multi-az-db", ParseOptions.defaults());
        Resource db = m.resources().stream().filter(r -> r.rawType().equals("aws_db_instance")).findFirst().orElseThrow();
        Placement p = db.placement();
        assertEquals("DBSubnetGroupName", p.subnetsFrom(), "canonical name, whatever the format");
        assertEquals(3, p.subnets().size(), p.toString());
        assertTrue(p.subnets().stream().allMatch(s -> s.id() != null), p.toString());
    }

    @Test
    void aDrawnResourceKeepsTheAzBoxItIsDrawnIn() {
        Model m = scan("HA001/diagram-alb-in-one-az-box", ParseOptions.defaults());
        Placement alb = Scans.resource(m, "alb").placement();
        assertEquals("drawn in AZ 'Availability Zone 1'", alb.reason());
        assertEquals("box labelled 'Availability Zone 1' (dashed)", alb.azs().get(0).how());
        assertNull(alb.subnetsFrom(), "drawn: no subnet attribute");
    }
}
