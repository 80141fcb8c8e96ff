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

    private static final String NETWORK = """
            Resources:
              Net: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net, AvailabilityZone: us-east-1a}}
            Outputs:
              SubnetA:
                Value: !Ref SubnetA
                Export: {Name: !Sub '${AWS::StackName}-SubnetA'}
            """;
    private static final String APP = """
            Parameters:
              NetworkStack: {Type: String, Default: network}
            Resources:
              Web:
                Type: AWS::EC2::Instance
                Properties:
                  SubnetId: {'Fn::ImportValue': !Sub '${NetworkStack}-SubnetA'}
            """;

    private static List<String> notes(ScanResult r) {
        return Scans.allFindings(r).stream().filter(f -> f.ruleId().equals(ParseFindings.UNSUPPORTED))
                .map(Finding::message).toList();
    }

    @Test
    void anImportNamedAfterTheExportingStackIsReadWhenTheNameFitsAndNoOneSaysOtherwise() {
        ScanResult linked = Scans.scan(new MemoryTree().put("network.yaml", NETWORK).put("app.yaml", APP), ParseOptions.defaults());
        Model m = Scans.only(linked);
        assertEquals("app.yaml + network.yaml", m.unit());
        assertEquals("us-east-1a", Scans.resource(m, "Web").placement().azs().get(0).value());
        assertEquals("app.yaml: Web", Scans.resource(m, "Web").displayName());
        assertTrue(notes(linked).contains("Fn::ImportValue network-SubnetA is read as Outputs/SubnetA of network.yaml"
                + " (exported as ${AWS::StackName}-SubnetA, taking that stack to be named network;"
                + " --param network.AWS::StackName=NAME says otherwise)"), notes(linked).toString());

        // the network stack is deployed under another name: the import reads some other stack
        ScanResult named = Scans.scan(new MemoryTree().put("network.yaml", NETWORK).put("app.yaml", APP),
                ParseOptions.defaults().withParameters(java.util.Map.of("network.AWS::StackName", "prod-network")));
        assertEquals(2, named.models().size());
        Resource web = named.models().stream().flatMap(x -> x.resources().stream()).filter(r -> r.name().equals("Web"))
                .findFirst().orElseThrow();
        assertEquals("UNKNOWN", web.placement().azs().isEmpty() ? "UNKNOWN" : web.placement().azs().get(0).value());

        // given as app.NetworkStack, the stack-qualified parameter reaches the importer only
        ScanResult qualified = Scans.scan(new MemoryTree().put("network.yaml", NETWORK).put("app.yaml", APP),
                ParseOptions.defaults().withParameters(java.util.Map.of("network.AWS::StackName", "prod-network",
                        "app.NetworkStack", "prod-network")));
        assertEquals("us-east-1a", Scans.resource(Scans.only(qualified), "Web").placement().azs().get(0).value());
    }

    @Test
    void twoTemplatesExportingOneNameLeaveTheImportUnknownWithANote() {
        ScanResult r = Scans.scan(new MemoryTree().put("a/network.yaml", NETWORK).put("b/network.yaml", NETWORK)
                .put("app.yaml", APP), ParseOptions.defaults());
        assertEquals(3, r.models().size());
        assertTrue(notes(r).stream().anyMatch(n -> n.startsWith("Fn::ImportValue of network-SubnetA: several templates of the"
                + " scan export them (a/network.yaml, b/network.yaml)")), notes(r).toString());
        // a YAML and a JSON twin beside each other: the one in the importer's format is read
        ScanResult twins = Scans.scan(new MemoryTree().put("network.yaml", NETWORK).put("network.json",
                "{\"Resources\": {\"Net\": {\"Type\": \"AWS::EC2::VPC\"}, \"SubnetA\": {\"Type\": \"AWS::EC2::Subnet\","
                + " \"Properties\": {\"AvailabilityZone\": \"us-east-1b\"}}}, \"Outputs\": {\"SubnetA\": {\"Value\":"
                + " {\"Ref\": \"SubnetA\"}, \"Export\": {\"Name\": {\"Fn::Sub\": \"${AWS::StackName}-SubnetA\"}}}}}")
                .put("app.yaml", APP), ParseOptions.defaults());
        Model app = twins.models().stream().filter(x -> x.unit().contains("app.yaml")).findFirst().orElseThrow();
        assertEquals("app.yaml + network.yaml", app.unit());
    }

    @Test
    void aNestedStackUrlIsReadAsTheScannedTemplateItsPathEndsWith() {
        String parent = """
                Parameters:
                  KeyPrefix: {Type: String}
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: !Sub 'https://${Bucket}.s3.amazonaws.com/${KeyPrefix}templates/child.template.yaml'
                      Parameters: {Az: us-east-1b}
                """;
        String child = """
                Parameters:
                  Az: {Type: String}
                Resources:
                  S: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Ref Az}}
                """;
        ScanResult r = Scans.scan(new MemoryTree().put("templates/main.template.yaml", parent)
                .put("templates/child.template.yaml", child).put("old/templates/child.template.yaml", child), ParseOptions.defaults());
        Model main = r.models().stream().filter(x -> x.unit().equals("templates/main.template.yaml")).findFirst().orElseThrow();
        assertEquals("us-east-1b", Scans.resource(main, "S").placement().azs().get(0).value());
        assertTrue(notes(r).contains("nested stack Child: TemplateURL https://${Bucket}.s3.amazonaws.com/${KeyPrefix}"
                + "templates/child.template.yaml is read as templates/child.template.yaml, the scanned template its path"
                + " ends with (1 other match: old/templates/child.template.yaml; the one nearest the parent is taken)"),
                notes(r).toString());
    }
    @Test
    void aTemplateSeveralParentsNestByUrlIsNamedWithEachParent() {
        String parent = """
                Resources:
                  Net:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: !Sub 'https://${Bucket}.s3.amazonaws.com/${KeyPrefix}templates/net.template.yaml'
                      Parameters: {Az: %s}
                """;
        String child = """
                Parameters:
                  Az: {Type: String}
                Resources:
                  S: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Ref Az}}
                """;
        ScanResult r = Scans.scan(new MemoryTree()
                .put("templates/a.template.yaml", parent.formatted("us-east-1a"))
                .put("templates/b.template.yaml", parent.formatted("us-east-1b"))
                .put("templates/net.template.yaml", child), ParseOptions.defaults());
        Model a = r.models().stream().filter(x -> x.unit().equals("templates/a.template.yaml")).findFirst().orElseThrow();
        Model b = r.models().stream().filter(x -> x.unit().equals("templates/b.template.yaml")).findFirst().orElseThrow();
        assertEquals("a.template.yaml/Net: S", Scans.resource(a, "S").displayName());
        assertEquals("b.template.yaml/Net: S", Scans.resource(b, "S").displayName());
        assertEquals("us-east-1b", Scans.resource(b, "S").placement().azs().get(0).value());

        ScanResult one = Scans.scan(new MemoryTree().put("templates/a.template.yaml", parent.formatted("us-east-1a"))
                .put("templates/net.template.yaml", child), ParseOptions.defaults());
        assertEquals("S", Scans.resource(Scans.only(one), "S").displayName(), "a template nested once keeps its names");
    }
}
