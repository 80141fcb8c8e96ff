package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntrinsicResolutionTest {

    private static Model parse(String yaml, ParseOptions options) {
        return Scans.only(Scans.scan(MemoryTree.of("t.yaml", yaml), options));
    }

    private static Value prop(Model m, String resource, String property) {
        return Scans.resource(m, resource).attr(property).orElseThrow(() -> new AssertionError("no " + property));
    }

    private static final String AZS = """
            Resources:
              A:
                Type: AWS::EC2::Subnet
                Properties:
                  AvailabilityZone: !Select [0, !GetAZs '']
              B:
                Type: AWS::EC2::Subnet
                Properties:
                  AvailabilityZone: !Select [1, !GetAZs {Ref: 'AWS::Region'}]
              C:
                Type: AWS::EC2::Subnet
                Properties:
                  AvailabilityZone: {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
            """;

    @Test
    void getAzsResolvesToNamesWithARegion() {
        Model m = parse(AZS, ParseOptions.defaults().withRegion("eu-west-1"));
        Value.Scalar a = assertInstanceOf(Value.Scalar.class, prop(m, "A", "AvailabilityZone"));
        assertEquals("eu-west-1a", a.value());
        assertEquals("GetAZs('')[0] of eu-west-1", a.how());
        assertEquals("eu-west-1b", prop(m, "B", "AvailabilityZone").asString().orElseThrow());
    }

    @Test
    void getAzsStaysSymbolicWithoutARegionAndIndexesAreDistinct() {
        Model m = parse(AZS, ParseOptions.defaults());
        Value.Symbol a = assertInstanceOf(Value.Symbol.class, prop(m, "A", "AvailabilityZone"));
        Value.Symbol b = assertInstanceOf(Value.Symbol.class, prop(m, "B", "AvailabilityZone"));
        Value.Symbol c = assertInstanceOf(Value.Symbol.class, prop(m, "C", "AvailabilityZone"));
        assertEquals("GetAZs('')", a.family());
        assertEquals(0, a.index());
        assertEquals(1, b.index());
        assertEquals(a.family(), b.family());
        assertTrue(a.distinct());
        assertEquals(a.family(), c.family(), "short and long forms agree");
        assertEquals(0, c.index());
    }

    @Test
    void parametersResolveFromGivenValuesThenDefaultsElseStaySymbolic() {
        String t = """
                Parameters:
                  Az1: {Type: String, Default: eu-west-1b}
                  Az2: {Type: String}
                  Multi: {Type: String, Default: 'true'}
                Resources:
                  S1: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Ref Az1}}
                  S2: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Ref Az2}}
                  Db: {Type: AWS::RDS::DBInstance, Properties: {MultiAZ: !Ref Multi}}
                """;
        Model m = parse(t, ParseOptions.defaults());
        Value.Scalar s1 = assertInstanceOf(Value.Scalar.class, prop(m, "S1", "AvailabilityZone"));
        assertEquals("eu-west-1b", s1.value());
        assertEquals("parameter Az1 (default eu-west-1b)", s1.how());
        Value.Symbol s2 = assertInstanceOf(Value.Symbol.class, prop(m, "S2", "AvailabilityZone"));
        assertEquals("parameter Az2 has no default", s2.how());
        assertEquals(Tri.TRUE, prop(m, "Db", "MultiAZ").asBool());
        assertEquals(6, prop(m, "S1", "AvailabilityZone").location().startLine(), "located where it is used");

        Model given = parse(t, ParseOptions.defaults().withParameters(Map.of("Az2", "eu-west-1c", "Multi", "false")));
        assertEquals("eu-west-1c", prop(given, "S2", "AvailabilityZone").asString().orElseThrow());
        assertEquals(Tri.FALSE, prop(given, "Db", "MultiAZ").asBool());
    }

    @Test
    void conditionsDecideFnIfWhenTheirInputsAreKnown() {
        String t = """
                Parameters:
                  Env: {Type: String, Default: prod}
                  Tier: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsBig: !And [!Condition IsProd, !Not [!Equals [!Ref Env, dev]]]
                  IsTier: !Equals [!Ref Tier, gold]
                  Either: !Or [!Condition IsTier, !Condition IsProd]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: !If [IsBig, true, false]
                      StorageEncrypted: !If [IsTier, true, false]
                      DeletionProtection: !If [Either, true, false]
                      BackupRetentionPeriod: !If [IsTier, 7, 7]
                  OnlyInDev:
                    Type: AWS::S3::Bucket
                    Condition: IsTier
                  NeverInProd:
                    Type: AWS::S3::Bucket
                    Condition: IsNotProd
                """.replace("IsNotProd", "IsProdNegated") + """
                  Dummy:
                    Type: AWS::S3::Bucket
                """;
        // IsProdNegated is undefined: reported, and the resource is kept (existence undecidable).
        Model m = parse(t, ParseOptions.defaults());
        assertEquals(Tri.TRUE, prop(m, "Db", "MultiAZ").asBool());
        Value.Unknown enc = assertInstanceOf(Value.Unknown.class, prop(m, "Db", "StorageEncrypted"));
        assertTrue(enc.reason().contains("IsTier"), enc.reason());
        assertEquals(Tri.TRUE, prop(m, "Db", "DeletionProtection").asBool(), "Or with one true side");
        assertEquals("7", prop(m, "Db", "BackupRetentionPeriod").asString().orElseThrow(), "both branches agree");
        assertEquals("IsTier (undecidable)", Scans.resource(m, "OnlyInDev").meta("condition").orElseThrow());
        assertTrue(m.findings().stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID)
                && f.message().contains("IsProdNegated")));

        Model dev = parse(t, ParseOptions.defaults().withParameters(Map.of("Env", "dev", "Tier", "bronze")));
        assertEquals(Tri.FALSE, prop(dev, "Db", "MultiAZ").asBool());
        assertFalse(dev.resources().stream().anyMatch(r -> r.name().equals("OnlyInDev")), "condition false: not deployed");
    }

    @Test
    void selfReferencingConditionsEndAsAFindingNotALoop() {
        String t = """
                Conditions:
                  A: !Condition B
                  B: !Not [!Condition A]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: !If [A, true, false]
                """;
        Model m = parse(t, ParseOptions.defaults());
        assertTrue(prop(m, "Db", "MultiAZ").isUnknown());
        Finding f = m.findings().stream().filter(x -> x.message().contains("refers to itself")).findFirst().orElseThrow();
        assertEquals(ParseFindings.INVALID, f.ruleId());
        assertTrue(f.location().startLine() == 2 || f.location().startLine() == 3, f.location().toString());
    }

    @Test
    void findInMapResolvesKnownKeysAndUnanimousUnknownOnes() {
        String t = """
                Mappings:
                  Sizes:
                    prod: {Multi: true, Type: db.r5.large}
                    dev: {Multi: true, Type: db.t3.small}
                Parameters:
                  Env: {Type: String}
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: !FindInMap [Sizes, !Ref Env, Multi]
                      DBInstanceClass: !FindInMap [Sizes, !Ref Env, Type]
                      Engine: !FindInMap [Sizes, prod, Type]
                """;
        Model m = parse(t, ParseOptions.defaults());
        assertEquals(Tri.TRUE, prop(m, "Db", "MultiAZ").asBool(), "every environment says true");
        assertTrue(prop(m, "Db", "DBInstanceClass").isUnknown());
        assertEquals("db.r5.large", prop(m, "Db", "Engine").asString().orElseThrow());
    }

    @Test
    void subJoinAndReferences() {
        String t = """
                Parameters:
                  Name: {Type: String, Default: shop}
                Resources:
                  Db: {Type: AWS::RDS::DBInstance}
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Sub '${Name}-${AWS::Region}-fn'
                      Description: !Join ['-', [a, !Ref Name, c]]
                      Environment:
                        Variables:
                          DB_HOST: !Sub '${Db.Endpoint.Address}:5432'
                          LITERAL: !Sub '${!NotAVar}'
                          PLAIN: '{{resolve:ssm-secure:/db/password:1}}'
                          IMPORTED: !ImportValue SharedVpcId
                """;
        Model m = parse(t, ParseOptions.defaults().withRegion("us-east-1"));
        assertEquals("shop-us-east-1-fn", prop(m, "Fn", "FunctionName").asString().orElseThrow());
        assertEquals("a-shop-c", prop(m, "Fn", "Description").asString().orElseThrow());
        Value vars = prop(m, "Fn", "Environment").at("Variables").orElseThrow();
        Value.Unknown host = assertInstanceOf(Value.Unknown.class, vars.at("DB_HOST").orElseThrow());
        assertEquals(List.of("t.yaml#Db"), host.refs().stream().map(Value.Ref::targetId).toList());
        assertEquals("${Db.Endpoint.Address}:5432", host.raw());
        assertEquals("${NotAVar}", vars.at("LITERAL").orElseThrow().asString().orElseThrow());
        Value.Unknown plain = assertInstanceOf(Value.Unknown.class, vars.at("PLAIN").orElseThrow());
        assertEquals("{{resolve:ssm-secure:/db/password:1}}", plain.raw());
        assertTrue(plain.reason().contains("ssm-secure"));
        assertTrue(((Value.Unknown) vars.at("IMPORTED").orElseThrow()).reason().contains("SharedVpcId"));
        Resource fn = Scans.resource(m, "Fn");
        assertTrue(m.relations().stream().anyMatch(r -> r.source().equals(fn) && r.target().name().equals("Db")),
                "the Sub reference is a relation");
    }

    @Test
    void noValueRemovesTheProperty() {
        String t = """
                Parameters:
                  UseAz: {Type: String, Default: 'no'}
                Conditions:
                  HasAz: !Equals [!Ref UseAz, 'yes']
                Resources:
                  S:
                    Type: AWS::EC2::Subnet
                    Properties:
                      AvailabilityZone: !If [HasAz, us-east-1a, !Ref 'AWS::NoValue']
                      Tags: [!If [HasAz, {Key: a, Value: b}, !Ref 'AWS::NoValue']]
                """;
        Resource s = Scans.resource(parse(t, ParseOptions.defaults()), "S");
        assertFalse(s.attributes().has("AvailabilityZone"));
        assertEquals(0, ((Value.ListV) s.attr("Tags").orElseThrow()).items().size());
    }

    @Test
    void resolutionStopsAtTheBudgetWithOneFinding() {
        StringBuilder t = new StringBuilder("Resources:\n");
        for (int i = 0; i < 50; i++) {
            t.append("  R").append(i).append(":\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [")
                    .append("{Key: a, Value: !Join ['', [x, y, z]]}, ".repeat(5)).append("]\n");
        }
        ParseOptions small = ParseOptions.defaults().withLimits(Limits.defaults().withMaxResolutionSteps(200));
        Model m = parse(t.toString(), small);
        assertEquals(50, m.resources().size(), "every resource is still read");
        List<Finding> limit = m.findings().stream().filter(f -> f.ruleId().equals(ParseFindings.LIMIT)).toList();
        assertEquals(1, limit.size());
        assertTrue(limit.get(0).location().startLine() > 1);
        assertTrue(Scans.resource(m, "R49").attr("Tags").orElseThrow().isUnknown());
    }

    @Test
    void forEachLoopsExpandWhenTheirCollectionResolves() {
        String t = """
                Transform: AWS::LanguageExtensions
                Parameters:
                  Zones: {Type: CommaDelimitedList, Default: 'us-east-1a,us-east-1b'}
                  Names: {Type: CommaDelimitedList}
                Resources:
                  Fn::ForEach::Subnets:
                    - Zone
                    - !Ref Zones
                    - Subnet&{Zone}:
                        Type: AWS::EC2::Subnet
                        Properties:
                          AvailabilityZone: !Ref Zone
                          Tags: [{Key: Name, Value: !Sub 'app-${Zone}'}]
                  Fn::ForEach::Unknown:
                    - Name
                    - !Ref Names
                    - Bucket${Name}:
                        Type: AWS::S3::Bucket
                """;
        Model m = parse(t, ParseOptions.defaults());
        Resource a = Scans.resource(m, "Subnetuseast1a");
        assertEquals("us-east-1a", a.attr("AvailabilityZone").orElseThrow().asString().orElseThrow());
        assertEquals(9, a.location().startLine(), "positioned at the loop's fragment");
        Resource b = Scans.resource(m, "Subnetuseast1b");
        assertEquals("app-us-east-1b", b.attr("Tags").orElseThrow().asList().get(0).at("Value").orElseThrow()
                .asString().orElseThrow());
        assertEquals(2, m.resources().size());
        assertTrue(m.findings().stream().anyMatch(f -> f.ruleId().equals(ParseFindings.UNSUPPORTED)
                && f.message().startsWith("Fn::ForEach::Unknown") && f.location().startLine() == 14));
    }
}
