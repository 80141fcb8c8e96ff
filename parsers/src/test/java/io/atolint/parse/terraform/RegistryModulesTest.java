package io.atolint.parse.terraform;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** terraform-aws-modules registry modules, not downloaded: their topology modelled from the inputs. */
class RegistryModulesTest {

    private static Model vpc(String natSettings) {
        return Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                module "vpc" {
                  source          = "terraform-aws-modules/vpc/aws"
                  version         = "5.1.0"
                  cidr            = "10.0.0.0/16"
                  azs             = ["us-east-1a", "us-east-1b", "us-east-1c"]
                  private_subnets = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
                  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
                  database_subnets = ["10.0.201.0/24", "10.0.202.0/24"]
                  enable_nat_gateway = true
                """ + natSettings + """
                }
                module "db" {
                  source               = "terraform-aws-modules/rds/aws"
                  engine               = "postgres"
                  multi_az             = true
                  db_subnet_group_name = module.vpc.database_subnet_group_name
                }
                """), ParseOptions.defaults()));
    }

    private static List<String> azs(Resource r) {
        return r.placement().azs().stream().map(Az::value).toList();
    }

    @Test
    void aSingleNatGatewayServesEveryPrivateSubnet() {
        Model m = vpc("  single_nat_gateway = true\n");
        List<Resource> nats = m.resources(Kind.NAT_GATEWAY);
        assertEquals(1, nats.size());
        assertEquals(List.of("us-east-1a"), azs(nats.get(0)));
        assertEquals(10, nats.get(0).location().startLine(), "located at single_nat_gateway");
        for (int i = 0; i < 3; i++) {
            String subnet = "module.vpc.aws_subnet.private[" + i + "]";
            assertTrue(m.relations().stream().anyMatch(rel -> rel.type() == RelationType.ROUTES_TO
                    && rel.source().name().equals(subnet) && rel.target().name().equals("module.vpc.aws_route_table.private[0]")),
                    subnet);
        }
        assertTrue(m.relations().stream().anyMatch(rel -> rel.type() == RelationType.ROUTES_TO
                && rel.source().name().equals("module.vpc.aws_route_table.private[0]")
                && rel.target().name().equals("module.vpc.aws_nat_gateway.this[0]")));
        assertEquals(List.of("us-east-1b"), azs(Scans.resource(m, "module.vpc.aws_subnet.public[1]")));
    }

    @Test
    void oneNatGatewayPerAzGivesEachAzItsOwnRoute() {
        Model m = vpc("  one_nat_gateway_per_az = true\n");
        List<Resource> nats = m.resources(Kind.NAT_GATEWAY);
        assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), nats.stream().map(n -> azs(n).get(0)).toList());
        assertTrue(m.relations().stream().anyMatch(rel -> rel.type() == RelationType.ROUTES_TO
                && rel.source().name().equals("module.vpc.aws_route_table.private[2]")
                && rel.target().name().equals("module.vpc.aws_nat_gateway.this[2]")));
    }

    @Test
    void theRdsModulesInstanceFollowsItsInputsAndTheModulesDefaults() {
        Model m = vpc("");
        Resource db = Scans.resource(m, "module.db.aws_db_instance.this[0]");
        assertEquals(Kind.RDS_INSTANCE, db.kind());
        assertTrue(db.placement().azCount().provablyMulti(), db.placement().display());
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(db));
        assertEquals(Boolean.TRUE, ((Value.Scalar) db.attr("storage_encrypted").orElseThrow()).value(),
                "the rds module encrypts by default");
        // Without single/per-AZ: one NAT per private subnet, each in its subnet's AZ (azs[i]).
        assertEquals(List.of(List.of("us-east-1a"), List.of("us-east-1b"), List.of("us-east-1c")),
                m.resources(Kind.NAT_GATEWAY).stream().map(RegistryModulesTest::azs).toList(),
                "without single/per-AZ: one NAT per private subnet");
    }

    @Test
    void unknownNatSettingsStayUnknown() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                variable "single" {}
                module "vpc" {
                  source             = "terraform-aws-modules/vpc/aws"
                  azs                = ["us-east-1a", "us-east-1b"]
                  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24"]
                  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24"]
                  enable_nat_gateway = true
                  single_nat_gateway = var.single
                }
                """), ParseOptions.defaults()));
        assertTrue(m.resources(Kind.NAT_GATEWAY).isEmpty(), "no NAT layout is guessed");
        assertEquals(List.of("module.vpc.aws_subnet.public[0]", "module.vpc.aws_subnet.public[1]",
                        "module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.private[1]"),
                m.resources(Kind.SUBNET).stream().map(Resource::name).toList());
    }

    @Test
    void theModulesGitHubRepositoryIsTheModuleAndASubdirectoryIsAnother() {
        for (String source : List.of("git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.1.0",
                "github.com/terraform-aws-modules/terraform-aws-vpc", "git@github.com:terraform-aws-modules/terraform-aws-vpc.git",
                "git::ssh://git@github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.0.0")) {
            assertTrue(RegistryModules.moduleOf(source) != null, source);
        }
        assertEquals("rds", RegistryModules.moduleOf("git::https://github.com/terraform-aws-modules/terraform-aws-rds.git"));
        assertEquals(null, RegistryModules.moduleOf("github.com/terraform-aws-modules/terraform-aws-vpc//modules/vpc-endpoints"));
        assertEquals("vpc-endpoints", RegistryModules.moduleOf("terraform-aws-modules/vpc/aws//modules/vpc-endpoints"),
                "the submodule is another module than the vpc");
        assertEquals(null, RegistryModules.moduleOf("registry.terraform.io/terraform-aws-modules/rds/aws//modules/db_instance"));
        assertEquals("vpc", RegistryModules.moduleOf("registry.terraform.io/terraform-aws-modules/vpc/aws"));
        assertEquals(null, RegistryModules.moduleOf("git::https://github.com/example/terraform-aws-vpc.git"));
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                module "vpc" {
                  source             = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.1.0"
                  azs                = ["us-east-1a", "us-east-1b"]
                  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24"]
                  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24"]
                  enable_nat_gateway = true
                }
                """), ParseOptions.defaults()));
        assertEquals(List.of(List.of("us-east-1a"), List.of("us-east-1b")),
                m.resources(Kind.NAT_GATEWAY).stream().map(RegistryModulesTest::azs).toList(),
                "one NAT gateway per AZ of the private subnets, as the registry module lays them out");
    }

    private static Model scan(String tf) {
        return Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                module "vpc" {
                  source          = "terraform-aws-modules/vpc/aws"
                  azs             = ["us-east-1a", "us-east-1b"]
                  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
                }
                """ + tf), ParseOptions.defaults()));
    }

    private static Object scalar(Resource r, String attr) {
        return ((Value.Scalar) r.attr(attr).orElseThrow()).value();
    }

    @Test
    void aCallWithCountOrForEachIsModelledOncePerInstanceAndItsOutputsAreIndexed() {
        Model m = scan("""
                module "app" {
                  source    = "terraform-aws-modules/ec2-instance/aws"
                  for_each  = toset(["b", "a"])
                  subnet_id = module.vpc.private_subnets[each.key == "a" ? 0 : 1]
                }
                module "worker" {
                  source    = "terraform-aws-modules/ec2-instance/aws"
                  count     = 2
                  subnet_id = module.vpc.private_subnets[0]
                  root_block_device = { encrypted = true }
                }
                module "none" {
                  source = "terraform-aws-modules/ec2-instance/aws"
                  count  = 0
                }
                module "off" {
                  source = "terraform-aws-modules/ec2-instance/aws"
                  create = false
                }
                resource "aws_lb_target_group_attachment" "a" {
                  target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/a/1"
                  target_id        = module.app["a"].id
                }
                """);
        assertEquals(List.of("module.app[\"a\"].aws_instance.this[0]", "module.app[\"b\"].aws_instance.this[0]",
                        "module.worker[0].aws_instance.this[0]", "module.worker[1].aws_instance.this[0]"),
                m.resources(Kind.EC2_INSTANCE).stream().map(Resource::name).sorted().toList());
        assertEquals(List.of("us-east-1a"), azs(Scans.resource(m, "module.app[\"a\"].aws_instance.this[0]")));
        assertEquals(List.of("us-east-1b"), azs(Scans.resource(m, "module.app[\"b\"].aws_instance.this[0]")));
        Resource attachment = Scans.resource(m, "aws_lb_target_group_attachment.a");
        assertEquals(new Value.Ref(Scans.resource(m, "module.app[\"a\"].aws_instance.this[0]").id(), "id", null).targetId(),
                ((Value.Ref) attachment.attr("target_id").orElseThrow()).targetId(), "module.app[\"a\"].id is that instance");
        Value root = Scans.resource(m, "module.worker[0].aws_instance.this[0]").attr("root_block_device").orElseThrow();
        assertTrue(root instanceof Value.ListV l && l.items().size() == 1,
                "version 6's object root_block_device is the one block it becomes: " + root);
    }

    @Test
    void auroraInstancesComeFromTheInstancesMapWithNumbersAsKeys() {
        Model m = scan("""
                module "db" {
                  source         = "terraform-aws-modules/rds-aurora/aws"
                  name           = "orders"
                  engine         = "aurora-postgresql"
                  instance_class = "db.r6g.large"
                  instances = {
                    1 = {}
                    2 = { instance_class = "db.r6g.xlarge", availability_zone = "us-east-1b" }
                  }
                  create_db_subnet_group = true
                  subnets                = module.vpc.private_subnets
                  autoscaling_enabled    = true
                }
                """);
        assertTrue(m.findings().stream().noneMatch(f -> f.ruleId().equals("PARSE001")), m.findings().toString());
        Resource cluster = Scans.resource(m, "module.db.aws_rds_cluster.this[0]");
        assertEquals(Boolean.TRUE, scalar(cluster, "storage_encrypted"), "the module encrypts by default");
        assertEquals("db.r6g.large", scalar(Scans.resource(m, "module.db.aws_rds_cluster_instance.this[\"1\"]"), "instance_class"));
        Resource second = Scans.resource(m, "module.db.aws_rds_cluster_instance.this[\"2\"]");
        assertEquals("db.r6g.xlarge", scalar(second, "instance_class"));
        assertEquals("us-east-1b", scalar(second, "availability_zone"));
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m, "module.db.aws_db_subnet_group.this[0]")));
        Resource target = Scans.resource(m, "module.db.aws_appautoscaling_target.this[0]");
        assertEquals("rds:cluster:ReadReplicaCount", scalar(target, "scalable_dimension"));
        assertTrue(m.relations().stream().anyMatch(r -> r.source().equals(target) && r.target().equals(cluster)),
                "the scaling target names the cluster");
    }

    @Test
    void eksNodeGroupsTakeTheirOwnSubnetsOrTheClustersAndTheModulesSizes() {
        Model m = scan("""
                module "eks" {
                  source     = "terraform-aws-modules/eks/aws"
                  name       = "platform"
                  subnet_ids = module.vpc.private_subnets
                  eks_managed_node_groups = {
                    spread = {}
                    pinned = { subnet_ids = [module.vpc.private_subnets[1]], desired_size = 2, min_size = 2 }
                    off    = { create = false }
                  }
                  self_managed_node_groups = {
                    legacy = { subnet_ids = [module.vpc.private_subnets[0]] }
                  }
                  fargate_profiles = {
                    kube = {}
                  }
                }
                """);
        Resource spread = Scans.resource(m, "module.eks.module.eks_managed_node_group[\"spread\"].aws_eks_node_group.this[0]");
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(spread));
        Value.MapV scaling = (Value.MapV) ((Value.ListV) spread.attr("scaling_config").orElseThrow()).items().get(0);
        assertEquals("1/3/1", List.of("min_size", "max_size", "desired_size").stream()
                .map(k -> Values.asText(scaling.get(k).orElseThrow())).reduce((a, b) -> a + "/" + b).orElseThrow(),
                "version 20 and 21 both default to 1 to 3 nodes, 1 desired");
        assertEquals(List.of("us-east-1b"), azs(Scans.resource(m,
                "module.eks.module.eks_managed_node_group[\"pinned\"].aws_eks_node_group.this[0]")));
        assertEquals(List.of("module.eks.module.eks_managed_node_group[\"pinned\"].aws_eks_node_group.this[0]",
                        "module.eks.module.eks_managed_node_group[\"spread\"].aws_eks_node_group.this[0]"),
                m.resources(Kind.EKS_NODE_GROUP).stream().map(Resource::name).sorted().toList(),
                "a group with create = false is not there");
        Resource legacy = Scans.resource(m, "module.eks.module.self_managed_node_group[\"legacy\"].aws_autoscaling_group.this[0]");
        assertEquals(List.of("us-east-1a"), azs(legacy));
        assertTrue(legacy.attr("min_size").orElseThrow().isUnknown(), "its default differs between major versions");
        assertEquals("platform", scalar(Scans.resource(m, "module.eks.aws_eks_cluster.this[0]"), "name"),
                "version 21's name, as version 20's cluster_name");
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m,
                "module.eks.module.fargate_profile[\"kube\"].aws_eks_fargate_profile.this[0]")));
        Resource egress = Scans.resource(m, "module.eks.aws_security_group_rule.node[\"egress_all\"]");
        assertEquals("egress", Values.asText(egress.attr("type").orElseThrow()), "the nodes' group's recommended rules");
    }

    @Test
    void ecsServicesRunOnFargateInTheirSubnetsAndScaleBetweenOneAndTenTasks() {
        Model m = scan("""
                module "ecs" {
                  source       = "terraform-aws-modules/ecs/aws"
                  cluster_name = "apps"
                  services = {
                    web    = { subnet_ids = module.vpc.private_subnets }
                    worker = { subnet_ids = [module.vpc.private_subnets[0]], desired_count = 2, enable_autoscaling = false }
                    nowhere = {}
                  }
                }
                module "api" {
                  source        = "terraform-aws-modules/ecs/aws//modules/service"
                  name          = "api"
                  cluster_arn   = module.ecs.cluster_arn
                  desired_count = 3
                  subnet_ids    = module.vpc.private_subnets
                }
                """);
        Resource web = Scans.resource(m, "module.ecs.module.service[\"web\"].aws_ecs_service.this[0]");
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(web));
        assertEquals("FARGATE", scalar(web, "launch_type"));
        assertEquals(new java.math.BigDecimal(1), scalar(web, "desired_count"), "one task unless desired_count says otherwise");
        Resource target = Scans.resource(m, "module.ecs.module.service[\"web\"].aws_appautoscaling_target.this[0]");
        assertTrue(m.relations().stream().anyMatch(r -> r.source().equals(target) && r.target().equals(web)),
                "the scaling target names the service");
        assertEquals(List.of("us-east-1a"), azs(Scans.resource(m, "module.ecs.module.service[\"worker\"].aws_ecs_service.this[0]")));
        assertTrue(m.resources(Kind.APP_SCALING_TARGET).stream().noneMatch(r -> r.name().contains("worker")));
        Resource nowhere = Scans.resource(m, "module.ecs.module.service[\"nowhere\"].aws_ecs_service.this[0]");
        assertTrue(nowhere.placement().azs().isEmpty(), "subnets not given are UNKNOWN, never an AZ: " + nowhere.placement().display());
        Resource api = Scans.resource(m, "module.api.aws_ecs_service.this[0]");
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(api));
        assertEquals(new java.math.BigDecimal(3), scalar(api, "desired_count"));
    }

    @Test
    void albListenersForwardToTheTargetGroupTheirKeyNames() {
        Model m = scan("""
                module "alb" {
                  source  = "terraform-aws-modules/alb/aws"
                  subnets = ["subnet-1", "subnet-2"]
                  listeners = {
                    http = { port = 80, protocol = "HTTP", redirect = { port = "443", protocol = "HTTPS", status_code = "HTTP_301" } }
                    https = { port = 443, protocol = "HTTPS", certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/1",
                              forward = { target_group_key = "app" } }
                  }
                  target_groups = {
                    app = { protocol = "HTTP", port = 8080, target_id = "i-0123456789abcdef0" }
                  }
                }
                module "old" {
                  source             = "terraform-aws-modules/alb/aws"
                  subnets            = ["subnet-1", "subnet-2"]
                  target_groups      = [{ backend_protocol = "HTTP", backend_port = 80 }]
                  http_tcp_listeners = [{ port = 80, protocol = "HTTP", target_group_index = 0 }]
                }
                """);
        Resource https = Scans.resource(m, "module.alb.aws_lb_listener.this[\"https\"]");
        Resource group = Scans.resource(m, "module.alb.aws_lb_target_group.this[\"app\"]");
        assertTrue(m.relations().stream().anyMatch(r -> r.source().equals(https) && r.target().equals(group)), "forwards to app");
        assertTrue(https.attr("ssl_policy").orElseThrow().isUnknown(), "version 9's default policy is not assumed");
        Value.MapV redirect = (Value.MapV) ((Value.ListV) Scans.resource(m, "module.alb.aws_lb_listener.this[\"http\"]")
                .attr("default_action").orElseThrow()).items().get(0);
        assertEquals("redirect", Values.asText(redirect.get("type").orElseThrow()));
        Resource attachment = Scans.resource(m, "module.alb.aws_lb_target_group_attachment.this[\"app\"]");
        assertEquals("i-0123456789abcdef0", Values.asText(attachment.attr("target_id").orElseThrow()),
                "target_id attaches the target");
        Resource old = Scans.resource(m, "module.old.aws_lb_listener.frontend_http_tcp[0]");
        assertTrue(m.relations().stream().anyMatch(r -> r.source().equals(old)
                && r.target().name().equals("module.old.aws_lb_target_group.main[0]")), "target_group_index 0");
    }

    @Test
    void securityGroupRulesAreTheModulesNamedRulesOnItsCidrBlocks() {
        Model m = scan("""
                module "sg" {
                  source              = "terraform-aws-modules/security-group/aws"
                  use_name_prefix     = false
                  ingress_cidr_blocks = ["10.0.0.0/8"]
                  ingress_rules       = ["ssh-tcp", "no-such-rule"]
                  egress_rules        = ["all-all"]
                  ingress_with_cidr_blocks = [{ rule = "https-443-tcp", cidr_blocks = "0.0.0.0/0, 10.1.0.0/16" }]
                }
                """);
        Resource ssh = Scans.resource(m, "module.sg.aws_security_group_rule.ingress_rules[0]");
        assertEquals("ingress/22/22/tcp", String.join("/", List.of("type", "from_port", "to_port", "protocol").stream()
                .map(k -> Values.asText(ssh.attr(k).orElseThrow())).toList()));
        assertEquals("[10.0.0.0/8]", ssh.attr("cidr_blocks").orElseThrow().toString().replaceAll("\\s", ""));
        assertTrue(Scans.resource(m, "module.sg.aws_security_group_rule.ingress_rules[1]").attr("from_port").orElseThrow()
                .isUnknown(), "a rule name atolint does not know has UNKNOWN ports");
        Resource egress = Scans.resource(m, "module.sg.aws_security_group_rule.egress_rules[0]");
        assertEquals(List.of("0.0.0.0/0"), ((Value.ListV) egress.attr("cidr_blocks").orElseThrow()).items().stream()
                .map(Values::asText).toList(), "the module's default egress_cidr_blocks");
        assertEquals(List.of("0.0.0.0/0", "10.1.0.0/16"), ((Value.ListV) Scans.resource(m,
                "module.sg.aws_security_group_rule.ingress_with_cidr_blocks[0]").attr("cidr_blocks").orElseThrow())
                .items().stream().map(Values::asText).toList());
        Resource group = Scans.resource(m, "module.sg.aws_security_group.this[0]");
        assertTrue(m.relations().stream().anyMatch(r -> r.source().equals(ssh) && r.target().equals(group)));
    }

    @Test
    void aVersionConstraintTellsWhichSideOfAMajorVersionItAllows() {
        for (String atLeast4 : List.of("~> 4.0", "4.1.2", ">= 4.0", "~> 4", "= v4.0.0", ">= 4.2, < 6.0", "4.0.0-beta1")) {
            assertEquals(io.atolint.model.Tri.TRUE, RegistryModules.versionAtLeast(atLeast4, 4), atLeast4);
        }
        for (String below4 : List.of("~> 3.15", "3.19.0", "< 4.0", "<= 3.9", ">= 2.0, < 4.0.0", "~> 3.1.0")) {
            assertEquals(io.atolint.model.Tri.FALSE, RegistryModules.versionAtLeast(below4, 4), below4);
        }
        for (String either : List.of(">= 3.0", "~> 3", "> 3.5", "< 4.1", ">= 3.0, < 5.0", "latest", "", "!= 4.0")) {
            assertEquals(io.atolint.model.Tri.UNKNOWN, RegistryModules.versionAtLeast(either, 4), either);
        }
        assertEquals(io.atolint.model.Tri.UNKNOWN, RegistryModules.versionAtLeast(null, 4), "no version");
    }

    @Test
    void anInputThatReadsTheCallsOwnOutputsFindsThemUnknown() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                module "sg" {
                  source = "terraform-aws-modules/security-group/aws"
                  ingress_with_source_security_group_id = [
                    { rule = "https-443-tcp", source_security_group_id = module.sg.security_group_id }
                  ]
                }
                module "bucket" {
                  source        = "terraform-aws-modules/s3-bucket/aws"
                  attach_policy = true
                  policy        = jsonencode({ Statement = [{ Effect = "Allow", Resource = module.bucket.s3_bucket_arn }] })
                }
                """), ParseOptions.defaults()));
        assertTrue(m.findings().stream().noneMatch(f -> f.ruleId().equals("PARSE001")), m.findings().toString());
        Resource rule = Scans.resource(m, "module.sg.aws_security_group_rule.ingress_with_source_security_group_id[0]");
        assertTrue(rule.attr("source_security_group_id").orElseThrow().isUnknown());
        assertEquals("443", Values.asText(rule.attr("from_port").orElseThrow()));
        assertEquals(List.of("module.bucket.aws_s3_bucket_policy.this[0]"),
                m.resources(Kind.S3_BUCKET_POLICY).stream().map(Resource::name).toList(), "the bucket is modelled once");
    }

    @Test
    void anInterfaceEndpointWithoutSubnetsAnywhereIsPlacedNowhereKnown() {
        Model m = scan("""
                module "endpoints" {
                  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
                  endpoints = {
                    logs   = { service = "logs" }
                    sqs    = { service = "sqs", subnet_ids = module.vpc.private_subnets }
                  }
                }
                """);
        assertTrue(Scans.resource(m, "module.endpoints.aws_vpc_endpoint.this[\"logs\"]").attr("subnet_ids").orElseThrow()
                .isUnknown(), "not an empty list: the files do not say where it is");
        assertEquals(List.of("us-east-1a", "us-east-1b"), azs(Scans.resource(m, "module.endpoints.aws_vpc_endpoint.this[\"sqs\"]")));
    }
}
