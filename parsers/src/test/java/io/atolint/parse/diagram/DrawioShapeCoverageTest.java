package io.atolint.parse.diagram;

import io.atolint.model.Kind;
import io.atolint.model.KindTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every AWS shape name of every draw.io palette generation maps to a kind through kinds.tsv. */
class DrawioShapeCoverageTest {

    @Test
    void everyReferenceShapeHasAKind() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("drawio-aws-shape-names.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        }
        assertTrue(names.size() > 1600, "the reference list has " + names.size() + " names");
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (KindTable.kindOf(n) == Kind.UNKNOWN || KindTable.family(n).isEmpty()) {
                missing.add(n);
            }
        }
        assertEquals(List.of(), missing, "shapes without a kind or service family in kinds.tsv");
    }

    @Test
    void representativeShapesOfEachGenerationMapToTheSameKinds() {
        assertEquals(Kind.RDS_INSTANCE, KindTable.kindOf("mxgraph.aws4.rds"));
        assertEquals(Kind.RDS_INSTANCE, KindTable.kindOf("mxgraph.aws3.rds"));
        assertEquals(Kind.RDS_INSTANCE, KindTable.kindOf("mxgraph.aws2.database.rds"));
        assertEquals(Kind.RDS_INSTANCE, KindTable.kindOf("mxgraph.aws.database.rds"));
        assertEquals(Kind.LOAD_BALANCER, KindTable.kindOf("mxgraph.aws4.application_load_balancer"));
        assertEquals(Kind.LOAD_BALANCER, KindTable.kindOf("mxgraph.aws3.application_load_balancer"));
        assertEquals(Kind.VPC, KindTable.kindOf("mxgraph.aws4.group_vpc2"));
        assertEquals(Kind.SUBNET, KindTable.kindOf("mxgraph.aws4.group_security_group"));
        assertEquals(Kind.AVAILABILITY_ZONE, KindTable.kindOf("mxgraph.aws4.group_availability_zone"));
        assertEquals(Kind.USERS, KindTable.kindOf("mxgraph.aws4.users"));
        assertEquals(Kind.ON_PREMISES, KindTable.kindOf("mxgraph.aws4.corporate_data_center"));
        assertEquals(Kind.CLIENT_DEVICE, KindTable.kindOf("mxgraph.aws4.thermostat"));
        assertEquals(Kind.EXTERNAL_SYSTEM, KindTable.kindOf("mxgraph.aws4.internet_alt2"));
        assertEquals(Kind.GENERIC_AWS_SERVICE, KindTable.kindOf("mxgraph.aws4.cloudwatch"));
        assertEquals("CloudWatch", KindTable.family("mxgraph.aws4.cloudwatch").orElseThrow());
        assertEquals(Kind.EC2_INSTANCE, KindTable.kindOf("label:ec2"));
    }
}
