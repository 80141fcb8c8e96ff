package io.atolint.resolve;

import io.atolint.model.Model;
import io.atolint.model.Relation;
import io.atolint.model.RelationType;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traffic that IaC states only indirectly: security group rules, endpoints named in configuration, API integrations. */
class AccessDeriverTest {
    private static final String T = """
            Resources:
              LbSg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: lb}}
              AppSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: app
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref LbSg}]
              DbSg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: db}}
              DbFromApp:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: {GroupId: !Ref DbSg, SourceSecurityGroupId: !Ref AppSg, IpProtocol: tcp, FromPort: 5432, ToPort: 5432}
              Lb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {SecurityGroups: [!Ref LbSg, !Ref AppSg]}}
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    SecurityGroupIds: [!Ref AppSg]
                    UserData: {'Fn::Base64': !Sub 'CACHE=${Cache.RedisEndpoint.Address}'}
              App:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties: {MinSize: 2, MaxSize: 4, LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: '1'}}
              Db: {Type: AWS::RDS::DBInstance, Properties: {VPCSecurityGroups: [!Ref DbSg]}}
              Cache: {Type: AWS::ElastiCache::CacheCluster, Properties: {Engine: redis, NumCacheNodes: 1}}
              Fn: {Type: AWS::Lambda::Function, Properties: {Role: arn:aws:iam::1:role/r, Environment: {Variables: {TABLE: !Ref Table}}}}
              Table: {Type: AWS::DynamoDB::Table}
              Api: {Type: AWS::ApiGateway::RestApi}
              Method:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  Integration: {Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Fn.Arn}/invocations'}
            """;

    private static List<String> routes(Model m) {
        return m.relations().stream().filter(r -> r.type() == RelationType.ROUTES_TO)
                .map(r -> r.source().name() + "->" + r.target().name()).toList();
    }

    private static Relation route(Model m, String from, String to) {
        return m.relations().stream().filter(r -> r.type() == RelationType.ROUTES_TO && r.source().name().equals(from)
                && r.target().name().equals(to)).findFirst().orElseThrow(() -> new AssertionError(from + "->" + to
                + " not in " + routes(m)));
    }

    @Test
    void computeReachesWhatItsSecurityGroupIsAdmittedToAndWhatItsConfigurationNames() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults()));
        assertEquals("security group DbSg admits AppSg on tcp/5432", route(m, "App", "Db").via());
        assertTrue(route(m, "App", "Cache").via().contains("UserData"), route(m, "App", "Cache").via());
        assertTrue(route(m, "App", "Cache").via().contains("names Cache.RedisEndpoint.Address"), route(m, "App", "Cache").via());
        assertEquals("security group AppSg admits LbSg on tcp/8080", route(m, "Lb", "App").via());
        assertTrue(route(m, "Fn", "Table").via().startsWith("Environment/Variables/TABLE"), route(m, "Fn", "Table").via());
        assertTrue(route(m, "Api", "Fn").via().contains("Method"), route(m, "Api", "Fn").via());
    }

    @Test
    void aLoadBalancerSharingTheAppsGroupIsNotAClientOfTheDatabase() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("t.yaml", T), ParseOptions.defaults()));
        assertTrue(!routes(m).contains("Lb->Db"), routes(m).toString());
        assertTrue(!routes(m).contains("Db->App"), routes(m).toString());
    }
}
