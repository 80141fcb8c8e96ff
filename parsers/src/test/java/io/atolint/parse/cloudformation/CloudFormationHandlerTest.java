package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudFormationHandlerTest {
    private static final String GOOD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Web:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [!Ref A, !Ref B]
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}
              B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1b}}
            """;

    private static Finding single(List<Finding> fs, String file) {
        List<Finding> of = fs.stream().filter(f -> f.location().file().equals(file)).toList();
        assertEquals(1, of.size(), "findings for " + file + ": " + of);
        return of.get(0);
    }

    @Test
    void readsResourcesWithKindsAndPositions() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("app/web.yaml", GOOD), ParseOptions.defaults()));
        Resource web = Scans.resource(m, "Web");
        assertEquals(Kind.LOAD_BALANCER, web.kind());
        assertEquals("app/web.yaml#Web", web.id());
        assertEquals(new SourceLocation("app/web.yaml", 3, 3, 3, 6, "Resources/Web"), web.location());
        SourceLocation subnets = web.locationOf("Subnets");
        assertEquals(6, subnets.startLine());
        assertEquals(7, subnets.startColumn());
        assertEquals("Resources/Web/Properties/Subnets", subnets.logicalPath());
    }

    @Test
    void badFilesArePositionedFindingsAndDoNotAffectOthers() {
        MemoryTree tree = new MemoryTree()
                .put("good.yaml", GOOD)
                .put("broken.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: [unclosed\n")
                .put("dup.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"},\n  \"A\": {\"Type\": \"AWS::S3::Bucket\"}}}")
                .put("tags.yaml", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff x\n"
                        + "      Tags: !Ref [a, b]\n")
                .put("notes.template", "title: not a template\n")
                .put("package.json", "{\"name\": \"x\"}")
                .putBytes("binary.yaml", new byte[]{'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'})
                .put("nul.yaml", "Resources:\u0000\n");
        ScanResult r = Scans.scan(tree, ParseOptions.defaults());
        List<Finding> all = Scans.allFindings(r);

        Finding broken = single(all, "broken.yaml");
        assertEquals(ParseFindings.INVALID, broken.ruleId());
        assertTrue(broken.location().startLine() >= 4, broken.toString());
        assertTrue(broken.message().startsWith("invalid YAML"), broken.message());

        Finding dup = single(all, "dup.json");
        assertEquals(2, dup.location().startLine());
        assertTrue(dup.message().contains("duplicate key 'A'"), dup.message());

        List<Finding> tags = all.stream().filter(f -> f.location().file().equals("tags.yaml")).toList();
        assertEquals(2, tags.size(), tags.toString());
        assertEquals("unknown tag !Reff", tags.get(0).message());
        assertEquals(5, tags.get(0).location().startLine());
        assertEquals("!Ref expects a scalar, not a sequence", tags.get(1).message());
        assertEquals(6, tags.get(1).location().startLine());

        Finding notTemplate = single(all, "notes.template");
        assertTrue(notTemplate.message().contains("not a CloudFormation template"), notTemplate.message());

        Finding binary = single(all, "binary.yaml");
        assertEquals(new SourceLocation("binary.yaml", 1, 4, 1, 4, ""), binary.location());
        Finding nul = single(all, "nul.yaml");
        assertTrue(nul.message().contains("binary"), nul.message());

        assertTrue(r.skipped().containsKey("package.json"), r.skipped().toString());
        Model good = r.models().stream().filter(m -> m.unit().equals("good.yaml")).findFirst().orElseThrow();
        assertEquals(3, good.resources().size());
        assertTrue(good.findings().isEmpty(), good.findings().toString());
        Model alone = Scans.only(Scans.scan(MemoryTree.of("good.yaml", GOOD), ParseOptions.defaults()));
        assertEquals(alone.resources().size(), good.resources().size());
        assertEquals(alone.relations().size(), good.relations().size());
    }

    @Test
    void nestedStacksWithALocalTemplateAreReadIntoTheParentModel() {
        MemoryTree tree = new MemoryTree()
                .put("root.yaml", """
                        Resources:
                          Net: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: eu-west-1a}}
                          Child:
                            Type: AWS::CloudFormation::Stack
                            Properties:
                              TemplateURL: ./nested/db.yaml
                              Parameters: {SubnetA: !Ref Net}
                        """)
                .put("nested/db.yaml", """
                        Parameters:
                          SubnetA: {Type: String}
                        Resources:
                          Nic: {Type: AWS::EC2::NetworkInterface, Properties: {SubnetId: !Ref SubnetA}}
                        """);
        ScanResult r = Scans.scan(tree, ParseOptions.defaults());
        Model m = Scans.only(r);
        Resource nic = Scans.resource(m, "Nic");
        assertEquals("root.yaml#Child/Nic", nic.id());
        assertEquals("nested/db.yaml", nic.location().file());
        assertEquals("eu-west-1a", nic.placement().azs().get(0).value(), "the parent's subnet, through the parameter");
        assertTrue(m.relations().stream().anyMatch(x -> x.source().name().equals("Child") && x.target().equals(nic)));
    }

    @Test
    void utf16WithBomIsRead() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(body, 0, all, 2, body.length);
        Model m = Scans.only(Scans.scan(new MemoryTree().putBytes("u16.yaml", all), ParseOptions.defaults()));
        assertEquals(3, m.resources().size());
    }
}
