package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;

/**
 * Fuzzes the Terraform entry points: whole .tf files through the HCL adapter, and expressions through
 * the evaluator (as a local that placement, count and for_each depend on), with a tfvars file.
 */
class TerraformFuzzTest {
    private static final ParseOptions OPTIONS = ParseOptions.defaults().withRegion("eu-west-1")
            .withLimits(Limits.defaults().withMaxResolutionSteps(20_000));

    @FuzzTest(maxDuration = "20s")
    void terraform(FuzzedDataProvider data) {
        boolean expression = data.consumeBoolean();
        String vars = data.consumeString(200);
        String input = data.consumeRemainingAsString();
        String main = !expression ? input : """
                variable "azs" {
                  default = ["eu-west-1a", "eu-west-1b"]
                }
                data "aws_availability_zones" "available" {}
                locals {
                  x = %s
                }
                resource "aws_subnet" "s" {
                  count             = length(local.x)
                  availability_zone = element(local.x, count.index)
                }
                resource "aws_lb" "web" {
                  for_each = toset([for s in aws_subnet.s : s.id])
                  subnets  = aws_subnet.s[*].id
                }
                """.formatted(input);
        MemoryTree tree = new MemoryTree().put("m/main.tf", main).put("m/terraform.tfvars", vars);
        FuzzChecks.scan(tree, OPTIONS);
    }
}
