package io.atolint.parse.terraform;

import io.atolint.model.Az;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Terragrunt units read as the module call they are, with their inputs and those of the file they include. */
class TerragruntUnitsTest {
    private static final String ROOT = """
            remote_state {
              backend = "s3"
              config  = { bucket = "state", key = "${path_relative_to_include()}/terraform.tfstate" }
            }
            inputs = {
              azs             = ["us-east-1a", "us-east-1b"]
              private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
            }
            """;

    private static ScanResult scan(MemoryTree tree) {
        return Scans.scan(tree, ParseOptions.defaults());
    }

    private static List<String> azs(Resource r) {
        return r.placement().azs().stream().map(Az::value).toList();
    }

    @Test
    void aRegistrySourceIsTheRegistryModuleWithTheUnitsInputsOverThoseItIncludes() {
        ScanResult r = scan(new MemoryTree()
                .put("terragrunt.hcl", ROOT)
                .put("prod/vpc/terragrunt.hcl", """
                        include "root" {
                          path = find_in_parent_folders()
                        }
                        terraform {
                          source = "tfr:///terraform-aws-modules/vpc/aws?version=5.1.0"
                        }
                        inputs = {
                          cidr               = "10.0.0.0/16"
                          azs                = ["us-east-1a", "us-east-1c"]
                          public_subnets     = ["10.0.101.0/24", "10.0.102.0/24"]
                          enable_nat_gateway = true
                          single_nat_gateway = true
                        }
                        """));
        Model m = Scans.only(r);
        assertEquals("prod/vpc", m.unit());
        List<Resource> subnets = m.resources(Kind.SUBNET).stream().filter(s -> s.name().contains("private")).toList();
        assertEquals(2, subnets.size(), "the private subnets of the included inputs");
        assertEquals(List.of("us-east-1c"), azs(subnets.get(1)), "the unit's azs win over the included ones");
        // what the included file gives is positioned where the unit includes it, never at its line in another file
        assertEquals("prod/vpc/terragrunt.hcl:1", subnets.get(0).location().file() + ":" + subnets.get(0).location().startLine());
        assertEquals(1, m.resources(Kind.NAT_GATEWAY).size());
        assertTrue(m.files().contains("terragrunt.hcl"), m.files().toString());
        assertTrue(r.skipped().isEmpty(), "every file read: " + r.skipped());
    }

    @Test
    void aLocalModuleIsReadOnlyWithItsUnitsInputs() {
        ScanResult r = scan(new MemoryTree()
                .put("modules/web/main.tf", """
                        variable "azs" { type = list(string) }
                        resource "aws_subnet" "web" {
                          count             = length(var.azs)
                          vpc_id            = "vpc-1"
                          cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
                          availability_zone = var.azs[count.index]
                        }
                        """)
                .put("live/web/terragrunt.hcl", """
                        terraform {
                          source = "../..//modules/web"
                        }
                        locals {
                          zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
                        }
                        inputs = {
                          azs = local.zones
                        }
                        """));
        Model m = Scans.only(r);
        assertEquals("live/web", m.unit());
        assertEquals(3, m.resources(Kind.SUBNET).size());
        assertEquals(List.of("eu-west-1c"), azs(Scans.resource(m, "module.web.aws_subnet.web[2]")));
    }

    private static final String WEB_MODULE = """
            variable "azs" { type = list(string) }
            resource "aws_subnet" "web" {
              count             = length(var.azs)
              vpc_id            = "vpc-1"
              cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
              availability_zone = var.azs[count.index]
            }
            """;

    @Test
    void theIncludedInputsAreEvaluatedWithTheIncludedLocalsUnlessTheUnitDefinesTheSameNames() {
        String parent = """
                locals {
                  zones = ["us-east-1a", "us-east-1b"]
                }
                inputs = {
                  azs = local.zones
                }
                """;
        String unit = """
                include "root" {
                  path = find_in_parent_folders("root.hcl")
                }
                terraform {
                  source = "../..//modules/web"
                }
                """;
        Model m = Scans.only(scan(new MemoryTree().put("modules/web/main.tf", WEB_MODULE).put("root.hcl", parent)
                .put("live/web/terragrunt.hcl", unit)));
        assertEquals(List.of("us-east-1b"), azs(Scans.resource(m, "module.web.aws_subnet.web[1]")));

        ScanResult clash = scan(new MemoryTree().put("modules/web/main.tf", WEB_MODULE).put("root.hcl", parent)
                .put("live/web/terragrunt.hcl", unit + "locals {\n  zones = [\"eu-west-1a\"]\n}\n"));
        assertTrue(Scans.allFindings(clash).stream().anyMatch(f -> f.message().equals("Terragrunt unit live/web: the inputs"
                + " of root.hcl are not read, as it and the unit both define local zones")), Scans.allFindings(clash).toString());
        assertTrue(Scans.only(clash).resources(Kind.SUBNET).stream().allMatch(r -> azs(r).isEmpty()
                || !azs(r).contains("eu-west-1a")), "never the unit's zones for the included inputs");
    }

    @Test
    void aUnitTakesItsSourceFromAComponentConfigurationItIncludes() {
        Model m = Scans.only(scan(new MemoryTree()
                .put("modules/web/main.tf", WEB_MODULE)
                .put("root.hcl", "remote_state {\n  backend = \"s3\"\n}\n")
                .put("_envcommon/web.hcl", """
                        terraform {
                          source = "../../..//modules/web"
                        }
                        inputs = {
                          azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
                        }
                        """)
                .put("live/prod/web/terragrunt.hcl", """
                        include "root" {
                          path = find_in_parent_folders("root.hcl")
                        }
                        include "envcommon" {
                          path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/web.hcl"
                        }
                        """)));
        assertEquals("live/prod/web", m.unit());
        assertEquals(3, m.resources(Kind.SUBNET).size());
        assertEquals(List.of("us-east-1c"), azs(Scans.resource(m, "module.web.aws_subnet.web[2]")));
        assertTrue(m.files().contains("_envcommon/web.hcl"), m.files().toString());
    }

    @Test
    void unitsJoinedByADependencyAreOneModelWhereTheOutputsAreTheOtherCalls() {
        String network = """
                terraform {
                  source = "tfr:///terraform-aws-modules/vpc/aws?version=5.1.0"
                }
                inputs = {
                  cidr            = "10.0.0.0/16"
                  azs             = ["eu-west-1a", "eu-west-1b"]
                  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
                }
                """;
        String app = """
                terraform {
                  source = "../..//modules/app"
                }
                dependency "vpc" {
                  config_path = "${get_terragrunt_dir()}/../network"
                }
                inputs = {
                  subnet_ids = dependency.vpc.outputs.private_subnets
                }
                """;
        String module = """
                variable "subnet_ids" { type = list(string) }
                resource "aws_autoscaling_group" "app" {
                  min_size            = 2
                  max_size            = 2
                  vpc_zone_identifier = var.subnet_ids
                }
                """;
        Model m = Scans.only(scan(new MemoryTree().put("modules/app/main.tf", module)
                .put("live/network/terragrunt.hcl", network).put("live/app/terragrunt.hcl", app)));
        assertEquals("live/app + live/network", m.unit());
        Resource asg = Scans.resource(m, "module.app.aws_autoscaling_group.app");
        assertEquals(List.of("eu-west-1a", "eu-west-1b"), azs(asg));
        assertEquals("live/network/terragrunt.hcl", Scans.resource(m, "module.network.aws_vpc.this[0]").location().file(),
                "each call positioned in its own unit's file");

        // a local both units define (with two values) keeps them apart: the output stays UNKNOWN
        ScanResult apart = scan(new MemoryTree().put("modules/app/main.tf", module)
                .put("live/network/terragrunt.hcl", network + "locals {\n  env = \"a\"\n}\n")
                .put("live/app/terragrunt.hcl", app + "locals {\n  env = \"b\"\n}\n"));
        assertEquals(2, apart.models().size());
        assertTrue(Scans.allFindings(apart).stream().anyMatch(f -> f.message().startsWith("Terragrunt units live/network,"
                + " live/app depend on one another but are read one by one (local env is defined in more than one of them)")
                || f.message().startsWith("Terragrunt units live/app, live/network depend on one another but are read one by one")),
                Scans.allFindings(apart).toString());
    }

    @Test
    void aUnitBesideTerraformFilesGivesThemItsInputsBelowTheirTfvars() {
        ScanResult r = scan(new MemoryTree()
                .put("root.hcl", "inputs = {\n  azs = [\"us-east-1a\", \"us-east-1b\", \"us-east-1c\"]\n}\n")
                .put("live/web/main.tf", WEB_MODULE)
                .put("live/web/terragrunt.hcl", """
                        include "root" {
                          path = find_in_parent_folders("root.hcl")
                        }
                        """));
        Model m = Scans.only(r);
        assertEquals("live/web", m.unit());
        assertEquals(List.of("us-east-1c"), azs(Scans.resource(m, "aws_subnet.web[2]")), "a root module: no module prefix");
        assertTrue(m.files().contains("root.hcl") && m.files().contains("live/web/terragrunt.hcl"), m.files().toString());

        Model withTfvars = Scans.only(scan(new MemoryTree()
                .put("root.hcl", "inputs = {\n  azs = [\"us-east-1a\", \"us-east-1b\", \"us-east-1c\"]\n}\n")
                .put("live/web/main.tf", WEB_MODULE)
                .put("live/web/terraform.tfvars", "azs = [\"eu-west-1a\"]\n")
                .put("live/web/terragrunt.hcl", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n")));
        assertEquals(1, withTfvars.resources(Kind.SUBNET).size(), "terraform.tfvars wins over Terragrunt's inputs");
        assertEquals(List.of("eu-west-1a"), azs(Scans.resource(withTfvars, "aws_subnet.web[0]")));
    }

    @Test
    void pathsBetweenDirectories() {
        assertEquals("../../modules/app", TerragruntPaths.relative("live/prod", "modules/app"));
        assertEquals("./modules/app", TerragruntPaths.relative("", "modules/app"));
        assertEquals(".", TerragruntPaths.relative("a/b", "a/b"));
        assertEquals("/repo/live/vpc", TerragruntPaths.normalize("/repo/live/app/../vpc"));
        assertEquals("live/vpc", TerragruntPaths.normalize("live/app/./../vpc"));
    }

    @Test
    void aComputedSourceIsANoteAndTheFileIsNotRead() {
        ScanResult r = scan(new MemoryTree().put("app/terragrunt.hcl", """
                terraform {
                  source = "${get_repo_root()}/modules/app"
                }
                """));
        assertTrue(r.models().isEmpty());
        assertTrue(Scans.allFindings(r).stream().anyMatch(f -> f.message().startsWith(
                "Terragrunt unit app: its terraform source is not a literal")), Scans.allFindings(r).toString());
    }

    @Test
    void sourcesAreTerraformModuleSources() {
        assertEquals("terraform-aws-modules/vpc/aws", TerragruntUnits.moduleSource("tfr:///terraform-aws-modules/vpc/aws?version=5.1.0"));
        assertEquals("registry.terraform.io/terraform-aws-modules/vpc/aws",
                TerragruntUnits.moduleSource("tfr://registry.terraform.io/terraform-aws-modules/vpc/aws?version=5.1.0"));
        assertEquals("../../modules/vpc", TerragruntUnits.moduleSource("../..//modules/vpc"));
        assertEquals("git::https://example.com/modules.git//vpc", TerragruntUnits.moduleSource("git::https://example.com/modules.git//vpc?ref=v1"));
    }
}
