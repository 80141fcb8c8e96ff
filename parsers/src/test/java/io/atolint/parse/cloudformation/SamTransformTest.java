package io.atolint.parse.cloudformation;

import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamTransformTest {
    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
                Timeout: 10
                Layers: [!Ref Shared]
                VpcConfig:
                  SubnetIds: [!Ref A]
                  SecurityGroupIds: [!Ref Sg]
                Environment:
                  Variables: {STAGE: prod, TABLE: orders}
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}
              B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1b}}
              Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: fn}}
              Shared: {Type: AWS::Serverless::LayerVersion, Properties: {ContentUri: layer/}}
              Create:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.create
                  Timeout: 30
                  Layers: [!Ref Own]
                  VpcConfig:
                    SubnetIds: [!Ref B]
                  Environment:
                    Variables: {TABLE: carts}
                  Events:
                    Post: {Type: Api, Properties: {Path: /orders, Method: post}}
                    Get: {Type: HttpApi}
              Own: {Type: AWS::Serverless::LayerVersion, Properties: {ContentUri: own/}}
              Nightly:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.nightly
                  VpcConfig: !Ref NoSuchParameter
                  Events:
                    Cron: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
            Outputs:
              Url: {Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod"}
            """;

    private static Model scan(String text) {
        return Scans.only(Scans.scan(MemoryTree.of("template.yaml", text), ParseOptions.defaults()));
    }

    private static List<String> refs(Value list) {
        return list.asList().stream().map(v -> ((Value.Ref) v).targetId().replace("template.yaml#", "")).toList();
    }

    @Test
    void globalsMergeIntoEachFunctionAsTheTransformMergesThem() {
        Model m = scan(TEMPLATE);
        Resource create = Scans.resource(m, "Create");
        // the function's own scalar wins; a scalar only in Globals is the function's, positioned in Globals
        assertEquals("30", create.attr("Timeout").flatMap(Value::asString).orElseThrow());
        assertEquals("python3.12", create.attr("Runtime").flatMap(Value::asString).orElseThrow());
        assertEquals(4, create.locationOf("Runtime").startLine());
        // lists: the global items, then the function's
        assertEquals(List.of("Shared", "Own"), refs(create.attr("Layers").orElseThrow()));
        Value.MapV vpc = (Value.MapV) create.attr("VpcConfig").orElseThrow();
        assertEquals(List.of("A", "B"), refs(vpc.get("SubnetIds").orElseThrow()));
        assertEquals(List.of("Sg"), refs(vpc.get("SecurityGroupIds").orElseThrow()));
        // mappings merge key by key, the function's value winning
        Value.MapV vars = (Value.MapV) ((Value.MapV) create.attr("Environment").orElseThrow()).get("Variables").orElseThrow();
        assertEquals("carts", vars.get("TABLE").flatMap(Value::asString).orElseThrow());
        assertEquals("prod", vars.get("STAGE").flatMap(Value::asString).orElseThrow());
    }

    @Test
    void anIntrinsicFunctionIsNotMergedInto() {
        Resource nightly = Scans.resource(scan(TEMPLATE), "Nightly");
        Value vpc = nightly.attr("VpcConfig").orElseThrow();
        assertFalse(vpc instanceof Value.MapV m && m.get("SubnetIds").isPresent(), "VpcConfig: " + vpc);
        assertEquals("python3.12", nightly.attr("Runtime").flatMap(Value::asString).orElseThrow());
    }

    @Test
    void apiEventsWithoutAnApiAreServedByTheImplicitApis() {
        Model m = scan(TEMPLATE);
        Resource rest = Scans.resource(m, "ServerlessRestApi");
        Resource http = Scans.resource(m, "ServerlessHttpApi");
        assertEquals(Kind.API_GATEWAY, rest.kind());
        assertEquals("AWS::Serverless::HttpApi", http.rawType());
        assertEquals(28, rest.location().startLine(), "at the event it serves");
        Value.MapV post = (Value.MapV) ((Value.MapV) Scans.resource(m, "Create").attr("Events").orElseThrow()).get("Post")
                .orElseThrow();
        Value restApiId = ((Value.MapV) post.get("Properties").orElseThrow()).get("RestApiId").orElseThrow();
        assertEquals(rest.id(), ((Value.Ref) restApiId).targetId());
        // the output's ${ServerlessRestApi} now names a resource of the template: no unresolved reference
        assertTrue(m.findings().stream().noneMatch(f -> f.message().contains("ServerlessRestApi")), m.findings().toString());
        assertEquals(2, m.resources().stream().filter(r -> r.kind() == Kind.API_GATEWAY).count());
    }

    @Test
    void aFunctionWithPoliciesAndNoRoleRunsWithTheRoleTheTransformMakes() {
        Model m = scan("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Policies:
                        - AmazonS3ReadOnlyAccess
                        - S3CrudPolicy: {BucketName: b}
                        - Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: '*'}]
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Role: arn:aws:iam::123456789012:role/flow
                      Policies: [AdministratorAccess]
                """);
        Resource role = Scans.resource(m, "WorkerRole");
        assertEquals(Kind.IAM_ROLE, role.kind());
        assertEquals(8, role.location().startLine(), "at the function's Policies");
        assertEquals(List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
                role.attr("ManagedPolicyArns").orElseThrow().asList().stream().map(v -> v.asString().orElseThrow()).toList());
        assertEquals(1, role.attr("Policies").orElseThrow().asList().size(), "the document, not the policy template");
        assertTrue(role.attr("AssumeRolePolicyDocument").orElseThrow().toString().contains("lambda.amazonaws.com"));
        Value workerRole = Scans.resource(m, "Worker").attr("Role").orElseThrow();
        assertEquals(role.id(), ((Value.Ref) workerRole).targetId());
        // a role of its own: Policies are ignored, as SAM ignores them
        assertTrue(m.resources().stream().noneMatch(r -> r.name().equals("FlowRole")));
    }

    @Test
    void aSimpleTableWithoutProvisionedThroughputIsOnDemand() {
        Model m = scan("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                  Counters:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                """);
        assertEquals("PAY_PER_REQUEST", Scans.resource(m, "Sessions").attr("BillingMode").flatMap(Value::asString).orElseThrow());
        assertTrue(Scans.resource(m, "Counters").attr("BillingMode").isEmpty());
    }

    @Test
    void withoutTheTransformGlobalsAreNotRead() {
        Model m = scan(TEMPLATE.replace("Transform: AWS::Serverless-2016-10-31\n", ""));
        Resource create = Scans.resource(m, "Create");
        assertTrue(create.attr("Runtime").isEmpty());
        assertTrue(m.resources().stream().noneMatch(r -> r.kind() == Kind.API_GATEWAY));
    }
}
