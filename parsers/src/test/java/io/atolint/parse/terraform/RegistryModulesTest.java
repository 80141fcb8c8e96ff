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
        assertEquals(null, RegistryModules.moduleOf("terraform-aws-modules/vpc/aws//modules/vpc-endpoints"));
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
}
