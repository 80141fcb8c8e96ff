package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which files make up a module and how they combine, as Terraform and OpenTofu load them: override files
 * merged into the blocks they name, {@code .tofu} files in place of their {@code .tf} twins.
 */
class TerraformFileSetTest {
    private static final String PRIMARY = """
            variable "size" {
              default = "t3.micro"
            }
            locals {
              name = "web"
              port = 80
            }
            resource "aws_security_group" "web" {
              name = local.name
              ingress {
                from_port   = local.port
                to_port     = local.port
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
              egress {
                from_port   = 0
                to_port     = 0
                protocol    = "-1"
                cidr_blocks = ["0.0.0.0/0"]
              }
              lifecycle {
                create_before_destroy = true
              }
            }
            resource "aws_instance" "web" {
              instance_type = var.size
              ami           = "ami-123"
            }
            """;

    private static ScanResult scan(MemoryTree tree) {
        return Scans.scan(tree, ParseOptions.defaults());
    }

    private static String text(Resource r, String attribute) {
        return r.attr(attribute).flatMap(Value::asString).orElseThrow(() -> new AssertionError(attribute + " of " + r));
    }

    private static List<?> list(Resource r, String attribute) {
        return ((Value.ListV) r.attr(attribute).orElseThrow()).items();
    }

    @Test
    void anOverrideFileReplacesTheArgumentsAndNestedBlockTypesItWrites() {
        ScanResult r = scan(MemoryTree.of("main.tf", PRIMARY).put("web_override.tf", """
                variable "size" {
                  default = "m5.large"
                }
                locals {
                  port = 443
                }
                resource "aws_security_group" "web" {
                  ingress {
                    from_port   = local.port
                    to_port     = local.port
                    protocol    = "tcp"
                    cidr_blocks = ["10.0.0.0/8"]
                  }
                }
                resource "aws_instance" "web" {
                  ami = "ami-456"
                }
                """));
        Model m = Scans.only(r);
        assertEquals(List.of(), Scans.allFindings(r).stream().filter(f -> f.ruleId().startsWith("PARSE")).toList());
        Resource sg = Scans.resource(m, "aws_security_group.web");
        assertEquals("web", text(sg, "name"), "an argument the override does not write is kept");
        assertEquals(1, list(sg, "ingress").size(), "the override's ingress replaces both of the original's");
        assertTrue(sg.attr("ingress").orElseThrow().toString().contains("443"), sg.attr("ingress").toString());
        assertEquals(1, list(sg, "egress").size(), "a block type the override does not write is kept");
        Resource vm = Scans.resource(m, "aws_instance.web");
        assertEquals("ami-456", text(vm, "ami"));
        assertEquals("m5.large", text(vm, "instance_type"), "a variable's default is overridden too");
        assertEquals("web_override.tf", vm.locationOf("ami").file(), "the value is where the override sets it");
        assertEquals(16, vm.locationOf("ami").startLine());
        assertEquals("main.tf", vm.location().file(), "the resource is where it is declared");
        assertEquals("main.tf", vm.locationOf("instance_type").file());
    }

    @Test
    void overrideFilesApplyAfterTheOthersInLexicalOrder() {
        Model m = Scans.only(scan(MemoryTree.of("z_main.tf", PRIMARY)
                .put("b_override.tf", "resource \"aws_instance\" \"web\" {\n  ami = \"ami-b\"\n}\n")
                .put("override.tf", "resource \"aws_instance\" \"web\" {\n  ami = \"ami-o\"\n}\n")
                .put("a_override.tf.json", "{\"resource\": {\"aws_instance\": {\"web\": {\"ami\": \"ami-a\"}}}}")));
        // a_override.tf.json, b_override.tf, override.tf: the last one wins
        assertEquals("ami-o", text(Scans.resource(m, "aws_instance.web"), "ami"));
    }

    @Test
    void anOverrideOfNothingIsAPositionedErrorAndIsNotUsed() {
        ScanResult r = scan(MemoryTree.of("main.tf", PRIMARY).put("override.tf", """
                resource "aws_instance" "ghost" {
                  ami = "ami-1"
                }
                locals {
                  missing = 1
                }
                """));
        List<Finding> parse = Scans.allFindings(r).stream().filter(f -> f.ruleId().equals("PARSE001")).toList();
        assertEquals(List.of("override.tf:1", "override.tf:5"), parse.stream()
                .map(f -> f.location().file() + ":" + f.location().startLine()).toList());
        assertTrue(parse.get(0).message().contains("resource aws_instance.ghost"), parse.get(0).message());
        assertEquals(List.of("aws_security_group.web", "aws_instance.web"),
                Scans.only(r).resources().stream().map(Resource::name).toList(), "no resource is created by an override");
    }

    @Test
    void aTofuFileIsReadInPlaceOfItsTfTwinAndAloneLikeAnyModuleFile() {
        Model m = Scans.only(scan(MemoryTree.of("main.tf", PRIMARY)
                .put("main.tofu", PRIMARY.replace("ami-123", "ami-tofu"))
                .put("extra.tofu.json", "{\"resource\": {\"aws_vpc\": {\"main\": {\"cidr_block\": \"10.0.0.0/16\"}}}}")));
        assertEquals("ami-tofu", text(Scans.resource(m, "aws_instance.web"), "ami"));
        assertEquals("main.tofu", Scans.resource(m, "aws_instance.web").location().file());
        assertEquals("10.0.0.0/16", text(Scans.resource(m, "aws_vpc.main"), "cidr_block"));
    }

    @Test
    void aRootVariableWithNoValueNamesTheVarFilesThatWouldGiveItOne() {
        String main = "variable \"azs\" {}\nvariable \"size\" {}\n"
                + "resource \"aws_instance\" \"web\" {\n  availability_zone = var.azs[0]\n  instance_type = var.size\n}\n";
        ScanResult r = scan(MemoryTree.of("main.tf", main)
                .put("prod.tfvars", "azs = [\"us-east-1a\", \"us-east-1b\"]\n")
                .put("envs/dev.tfvars", "azs = [\"us-east-1a\"]\n")
                .put("modules/net/net.tfvars", "azs = []\nsize = \"x\"\n")
                .put("modules/net/main.tf", "variable \"azs\" {}\n"));
        // modules/net, with a var file of its own, is a root module of its own
        Model root = r.models().stream().filter(m -> m.resources().stream()
                .anyMatch(x -> x.name().equals("aws_instance.web"))).findFirst().orElseThrow();
        Resource web = Scans.resource(root, "aws_instance.web");
        assertEquals("variable azs has no value (envs/dev.tfvars, prod.tfvars set it: give one with --var-file)",
                ((Value.Symbol) web.attr("availability_zone").orElseThrow()).how());
        assertEquals("variable size has no value", ((Value.Symbol) web.attr("instance_type").orElseThrow()).how(),
                "a var file of another module's folder is not this root's");
    }

    @Test
    void fileNamesDecideTheSet() {
        assertEquals(List.of("m/a.tf", "m/b.tofu", "m/b.tofu.json", "m/c.tf.json"),
                TerraformFiles.effective(List.of("m/b.tofu.json", "m/c.tf.json", "m/b.tf", "m/b.tf.json", "m/a.tf",
                        "m/b.tofu")));
        assertTrue(TerraformFiles.isOverride("x/override.tf"));
        assertTrue(TerraformFiles.isOverride("x/net_override.tf.json"));
        assertTrue(TerraformFiles.isOverride("override.tofu"));
        assertTrue(!TerraformFiles.isOverride("x/overrides.tf") && !TerraformFiles.isOverride("x/my-override.tf")
                && !TerraformFiles.isOverride("override.tfvars"));
        assertTrue(!TerraformFiles.isConfig("x/.tf") && !TerraformFiles.isConfig("x/a.tfvars")
                && TerraformFiles.isConfig("x/a.tofu"));
    }
}
