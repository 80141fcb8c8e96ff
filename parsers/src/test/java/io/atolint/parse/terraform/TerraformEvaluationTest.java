package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluation of Terraform configurations into the model: three-valued, never guessed, always bounded. */
class TerraformEvaluationTest {

    private static Model scan(MemoryTree tree) {
        return Scans.only(Scans.scan(tree, ParseOptions.defaults()));
    }

    private static Value attr(Model m, String resource, String attribute) {
        return Scans.resource(m, resource).attr(attribute).orElseThrow();
    }

    private static String str(Model m, String resource, String attribute) {
        return attr(m, resource, attribute).asString().orElseThrow(() -> new AssertionError(
                resource + "." + attribute + " = " + attr(m, resource, attribute)));
    }

    @Test
    void countAndForEachExpandToAddressedInstances() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "subnets" {
                  default = { b = "10.0.2.0/24", a = "10.0.1.0/24" }
                }
                resource "aws_subnet" "this" {
                  for_each   = var.subnets
                  cidr_block = each.value
                  tags       = { Name = "subnet-${each.key}" }
                }
                resource "aws_instance" "web" {
                  count     = 3
                  subnet_id = values(aws_subnet.this)[count.index % 2].id
                }
                """));
        assertEquals(List.of("aws_subnet.this[\"a\"]", "aws_subnet.this[\"b\"]", "aws_instance.web[0]",
                "aws_instance.web[1]", "aws_instance.web[2]"), m.resources().stream().map(Resource::name).toList());
        assertEquals("10.0.2.0/24", str(m, "aws_subnet.this[\"b\"]", "cidr_block"));
        Value subnet = attr(m, "aws_instance.web[2]", "subnet_id");
        assertInstanceOf(Value.Ref.class, subnet);
        assertEquals(".#aws_subnet.this[\"a\"]", ((Value.Ref) subnet).targetId());
        assertEquals(Kind.EC2_INSTANCE, Scans.resource(m, "aws_instance.web[0]").kind());
    }

    @Test
    void anUnknownCountIsOneInstanceMarkedSoNothingIsLost() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "n" {}
                resource "aws_subnet" "a" {
                  count             = var.n
                  availability_zone = "eu-west-1a"
                }
                resource "aws_lb" "web" {
                  subnets = [aws_subnet.a[0].id, aws_subnet.a[1].id]
                }
                """));
        Resource a = Scans.resource(m, "aws_subnet.a");
        assertTrue(a.meta("instances").orElse("").contains("count unknown"), a.meta().toString());
        assertTrue(m.findings().stream().anyMatch(f -> f.ruleId().equals(ParseFindings.UNSUPPORTED)
                && f.message().contains("aws_subnet.a: count unknown") && f.location().startLine() == 2), m.findings().toString());
        assertEquals(Placement.Scope.ZONAL, Scans.resource(m, "aws_lb.web").placement().scope());
    }

    @Test
    void unknownInputsGiveUnknownNeverAGuess() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "env" {}
                variable "azs" { type = list(string) }
                resource "aws_db_instance" "db" {
                  multi_az          = var.env == "prod"
                  allocated_storage = length(var.azs) * 10
                  identifier        = "db-${var.env}"
                  engine            = try(var.engine, "postgres")
                }
                """));
        Value multi = attr(m, "aws_db_instance.db", "multi_az");
        assertInstanceOf(Value.Unknown.class, multi);
        assertTrue(((Value.Unknown) multi).reason().contains("variable env has no value"), multi.toString());
        assertInstanceOf(Value.Unknown.class, attr(m, "aws_db_instance.db", "allocated_storage"));
        assertInstanceOf(Value.Unknown.class, attr(m, "aws_db_instance.db", "identifier"));
        assertInstanceOf(Value.Unknown.class, attr(m, "aws_db_instance.db", "engine"), "var.engine is not declared");
    }

    @Test
    void functionsThatDecidePlacementAndSizingAreEvaluated() {
        Model m = scan(MemoryTree.of("main.tf", """
                locals {
                  cidr    = "10.0.0.0/16"
                  azs     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
                  subnets = [for i, az in local.azs : cidrsubnet(local.cidr, 8, i + 10)]
                  by_az   = zipmap(local.azs, local.subnets)
                  tags    = merge({ a = "1" }, { b = "2" }, { a = "3" })
                  flat    = flatten([["x"], ["y", ["z"]]])
                }
                resource "aws_ssm_parameter" "p" {
                  name   = format("/%s/%03d", "app", 7)
                  value  = join(",", concat(slice(local.subnets, 0, 2), distinct(["a", "a"])))
                  third  = lookup(local.by_az, "eu-west-1c", "none")
                  tags   = local.tags
                  flat   = join("", local.flat)
                  json   = jsonencode({ b = [1, true], a = null })
                  split  = element(split("/", local.cidr), 1)
                  counts = [length(local.azs), min(3, 1, 2), max(local.azs[*] == null ? 0 : 4, 2)]
                  keys   = join(",", keys(local.by_az))
                  subs   = join(",", cidrsubnets("10.1.0.0/16", 4, 4, 8))
                  can    = can(local.azs[5])
                  v6     = cidrsubnet("fd00::/56", 8, 1)
                }
                """));
        assertEquals("/app/007", str(m, "aws_ssm_parameter.p", "name"));
        assertEquals("10.0.10.0/24,10.0.11.0/24,a", str(m, "aws_ssm_parameter.p", "value"));
        assertEquals("10.0.12.0/24", str(m, "aws_ssm_parameter.p", "third"));
        assertEquals(Map.of("a", "3", "b", "2"), ((Value.MapV) attr(m, "aws_ssm_parameter.p", "tags")).entries()
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asString().orElseThrow())));
        assertEquals("xyz", str(m, "aws_ssm_parameter.p", "flat"));
        assertEquals("{\"a\":null,\"b\":[1,true]}", str(m, "aws_ssm_parameter.p", "json"));
        assertEquals("16", str(m, "aws_ssm_parameter.p", "split"));
        assertEquals("[3, 1, 4]", attr(m, "aws_ssm_parameter.p", "counts").toString());
        assertEquals("eu-west-1a,eu-west-1b,eu-west-1c", str(m, "aws_ssm_parameter.p", "keys"));
        assertEquals("10.1.0.0/20,10.1.16.0/20,10.1.32.0/24", str(m, "aws_ssm_parameter.p", "subs"));
        assertEquals("false", str(m, "aws_ssm_parameter.p", "can"));
        assertEquals("fd00:0:0:1::/64", str(m, "aws_ssm_parameter.p", "v6"));
    }

    @Test
    void theRegionTurnsDataSourceAzsIntoNames() {
        MemoryTree t = MemoryTree.of("main.tf", """
                data "aws_availability_zones" "available" {
                  exclude_names = ["us-east-1a"]
                }
                resource "aws_subnet" "a" {
                  availability_zone = data.aws_availability_zones.available.names[0]
                }
                """);
        Value symbolic = attr(scan(t), "aws_subnet.a", "availability_zone");
        assertInstanceOf(Value.Symbol.class, symbolic);
        assertEquals("data.aws_availability_zones.available.names[0]", ((Value.Symbol) symbolic).display());
        Model named = Scans.only(Scans.scan(t, ParseOptions.defaults().withRegion("us-east-1")));
        assertEquals("us-east-1b", str(named, "aws_subnet.a", "availability_zone"));
    }

    @Test
    void modulesNestAddressesAndPassInputsAndOutputs() {
        MemoryTree t = new MemoryTree()
                .put("env/main.tf", """
                        module "net" {
                          count  = 2
                          source = "../modules/net"
                          cidr   = "10.${count.index}.0.0/16"
                        }
                        module "missing" {
                          source  = "example-org/kms/aws"
                          version = "~> 3.0"
                          alias   = module.net[0].vpc_id
                        }
                        resource "aws_lb" "web" {
                          subnets = module.net[1].subnet_ids
                          name    = module.missing.key_id
                        }
                        """)
                .put("modules/net/main.tf", """
                        variable "cidr" {}
                        resource "aws_vpc" "this" { cidr_block = var.cidr }
                        resource "aws_subnet" "s" {
                          count      = 2
                          vpc_id     = aws_vpc.this.id
                          cidr_block = cidrsubnet(var.cidr, 8, count.index)
                        }
                        output "vpc_id" { value = aws_vpc.this.id }
                        output "subnet_ids" { value = aws_subnet.s[*].id }
                        """);
        ScanResult r = Scans.scan(t, ParseOptions.defaults());
        Model m = Scans.only(r);
        assertEquals("env", m.unit());
        assertEquals("10.1.1.0/24", str(m, "module.net[1].aws_subnet.s[1]", "cidr_block"));
        assertEquals("modules/net/main.tf", Scans.resource(m, "module.net[1].aws_subnet.s[1]").location().file());
        Value lbSubnets = attr(m, "aws_lb.web", "subnets");
        assertEquals("[ref(env#module.net[1].aws_subnet.s[0].id), ref(env#module.net[1].aws_subnet.s[1].id)]", lbSubnets.toString());
        Resource opaque = Scans.resource(m, "module.missing");
        assertEquals(Kind.MODULE, opaque.kind());
        assertInstanceOf(Value.Ref.class, opaque.attr("alias").orElseThrow());
        assertTrue(m.relations().stream().anyMatch(rel -> rel.type() == RelationType.REFERENCES
                && rel.source().name().equals("aws_lb.web") && rel.target().name().equals("module.missing")), m.relations().toString());
        assertTrue(m.findings().stream().anyMatch(f -> f.message().contains("module missing (source example-org/kms/aws) is not in the scanned files")));
    }

    @Test
    void cyclesEndAsPositionedFindings() {
        Model locals = scan(MemoryTree.of("main.tf", """
                locals {
                  a = local.b
                  b = "${local.a}-x"
                }
                resource "aws_s3_bucket" "b" {
                  bucket = local.a
                }
                """));
        Finding cycle = locals.findings().stream().filter(f -> f.ruleId().equals(ParseFindings.INVALID)).findFirst().orElseThrow();
        assertTrue(cycle.message().contains("local.a -> local.b -> local.a"), cycle.message());
        assertEquals(2, cycle.location().startLine());
        assertInstanceOf(Value.Unknown.class, attr(locals, "aws_s3_bucket.b", "bucket"));

        Model self = scan(MemoryTree.of("mod/main.tf", """
                variable "depth" { default = 1 }
                module "again" {
                  source = "./"
                  depth  = var.depth + 1
                }
                resource "aws_sqs_queue" "q" {}
                """));
        assertTrue(self.findings().stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID)
                && f.message().contains("a module cannot call itself") && f.location().startLine() == 2), self.findings().toString());
        Scans.resource(self, "aws_sqs_queue.q");

        Model pair = Scans.only(Scans.scan(new MemoryTree()
                .put("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n")
                .put("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_sqs_queue\" \"q\" {}\n"),
                ParseOptions.defaults()));
        assertTrue(pair.findings().stream().anyMatch(f -> f.message().contains("a module cannot call itself")), pair.findings().toString());
    }

    @Test
    void aBrokenFileIsAPositionedFindingAndOthersAreRead() {
        byte[] latin1 = "resource \"aws_vpc\" \"caf\u00e9\" {}\n".getBytes(StandardCharsets.ISO_8859_1);
        MemoryTree t = new MemoryTree()
                .put("app/main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n")
                .put("app/broken.tf", "resource \"aws_sns_topic\" \"t\" {\n  name = \"unterminated\n}\n")
                .putBytes("app/latin1.tf", latin1)
                .put("other/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n");
        ScanResult r = Scans.scan(t, ParseOptions.defaults());
        List<Finding> all = Scans.allFindings(r);
        assertTrue(all.stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID) && f.location().file().equals("app/broken.tf")
                && f.location().startLine() == 2 && f.location().startColumn() == 10), all.toString());
        assertTrue(all.stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID) && f.location().file().equals("app/latin1.tf")
                && f.location().startLine() == 1 && f.message().contains("UTF-8")), all.toString());
        assertTrue(all.stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID) && f.location().file().equals("other/main.tf")
                && f.location().startLine() == 1 && f.message().contains("never closed")), all.toString());
        Model app = r.models().stream().filter(m -> m.unit().equals("app")).findFirst().orElseThrow();
        Scans.resource(app, "aws_sqs_queue.q");
        assertEquals(1, app.resources().size());
    }

    @Test
    void interpolationOnlyStringsAreTheValueAndTemplatesKeepTheirReferences() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "name" {
                  default = "web"
                }
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                resource "aws_subnet" "a" {
                  vpc_id            = "${aws_vpc.main.id}"
                  availability_zone = "us-east-1a"
                }
                resource "aws_subnet" "b" {
                  vpc_id            = aws_vpc.main.id
                  availability_zone = "us-east-1a"
                }
                resource "aws_lb" "web" {
                  subnets = ["${aws_subnet.a.id}", "${aws_subnet.b.id}"]
                  name    = "${var.name}-${aws_vpc.main.id}"
                  idle_timeout = "${60}"
                }
                """));
        Value vpc = attr(m, "aws_subnet.a", "vpc_id");
        assertInstanceOf(Value.Ref.class, vpc);
        assertEquals(".#aws_vpc.main", ((Value.Ref) vpc).targetId());
        Placement lb = Scans.resource(m, "aws_lb.web").placement();
        assertEquals(List.of("us-east-1a", "us-east-1a"), lb.azs().stream().map(a -> a.value()).toList(),
                "the subnets of \"${aws_subnet.a.id}\" are known, so is their AZ");
        Value name = attr(m, "aws_lb.web", "name");
        assertInstanceOf(Value.Unknown.class, name);
        assertEquals("aws_vpc.main.id is known only after apply", ((Value.Unknown) name).reason());
        assertEquals(List.of(".#aws_vpc.main"), ((Value.Unknown) name).refs().stream().map(Value.Ref::targetId).toList());
        assertEquals(new java.math.BigDecimal("60"), attr(m, "aws_lb.web", "idle_timeout").asNumber().orElseThrow());
    }

    @Test
    void parenthesisedObjectKeysThatHoldStringsAreEvaluated() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "env" {
                  default = "prod"
                }
                locals {
                  zones = {
                    (format("%s-a", var.env)) = "eu-west-1a"
                    ("${var.env}-b")          = "eu-west-1b"
                  }
                }
                resource "aws_subnet" "a" {
                  availability_zone = local.zones["prod-a"]
                }
                resource "aws_subnet" "b" {
                  availability_zone = local.zones["prod-b"]
                }
                """));
        assertEquals("eu-west-1a", str(m, "aws_subnet.a", "availability_zone"));
        assertEquals("eu-west-1b", str(m, "aws_subnet.b", "availability_zone"));
        assertTrue(m.findings().stream().noneMatch(f -> f.ruleId().startsWith("PARSE")), m.findings().toString());
    }

    @Test
    void numbersAsObjectKeysAreTheirTextAndNumbersAfterOperatorsStayNumbers() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "on" {
                  default = true
                }
                locals {
                  zones = {
                    1 = "eu-west-1a"
                    22: "eu-west-1b", 3 = "eu-west-1c"
                  }
                  third = (var.on ?
                    3 : 1)
                  list = [
                    1,
                    2
                  ]
                }
                resource "aws_subnet" "a" {
                  availability_zone = local.zones["1"]
                }
                resource "aws_subnet" "b" {
                  availability_zone = local.zones["22"]
                }
                resource "aws_subnet" "c" {
                  availability_zone = local.zones[tostring(local.third)]
                  cidr_block        = "10.0.${local.list[1]}.0/24"
                }
                """));
        assertEquals("eu-west-1a", str(m, "aws_subnet.a", "availability_zone"));
        assertEquals("eu-west-1b", str(m, "aws_subnet.b", "availability_zone"));
        assertEquals("eu-west-1c", str(m, "aws_subnet.c", "availability_zone"));
        assertEquals("10.0.2.0/24", str(m, "aws_subnet.c", "cidr_block"));
        assertTrue(m.findings().stream().noneMatch(f -> f.ruleId().startsWith("PARSE")), m.findings().toString());
    }

    @Test
    void legacySplatsAndIndexesAfterCollectionsSelectOneInstance() {
        Model m = scan(MemoryTree.of("main.tf", """
                variable "azs" {
                  default = ["eu-west-1a", "eu-west-1b"]
                }
                resource "aws_subnet" "public" {
                  count             = 2
                  availability_zone = [for az in var.azs : az][count.index]
                }
                resource "aws_eip" "nat" {
                  count = 2
                }
                resource "aws_nat_gateway" "this" {
                  count         = 2
                  allocation_id = aws_eip.nat.*.id[count.index]
                  subnet_id     = "${element(aws_subnet.public.*.id, count.index)}"
                }
                resource "aws_instance" "web" {
                  count      = 2
                  private_ip = "10.0.${count.index}.10"
                }
                output "first_ip" {
                  value = aws_instance.web.*.private_ip[0]
                }
                resource "aws_route53_record" "r" {
                  records = [aws_instance.web.*.private_ip[1]]
                  zone_id = "${aws_eip.nat.0.id}"
                }
                """));
        assertEquals("eu-west-1b", str(m, "aws_subnet.public[1]", "availability_zone"));
        Value eip = attr(m, "aws_nat_gateway.this[1]", "allocation_id");
        assertInstanceOf(Value.Ref.class, eip, eip.toString());
        assertEquals(".#aws_eip.nat[1]", ((Value.Ref) eip).targetId());
        assertEquals(".#aws_subnet.public[1]", ((Value.Ref) attr(m, "aws_nat_gateway.this[1]", "subnet_id")).targetId());
        assertEquals("eu-west-1b", Scans.resource(m, "aws_nat_gateway.this[1]").placement().azs().get(0).value());
        assertEquals("[10.0.1.10]", attr(m, "aws_route53_record.r", "records").toString());
        assertEquals(".#aws_eip.nat[0]", ((Value.Ref) attr(m, "aws_route53_record.r", "zone_id")).targetId());
        assertTrue(m.findings().stream().noneMatch(f -> f.ruleId().startsWith("PARSE")), m.findings().toString());
    }

    @Test
    void terraformJsonIsReadLikeHclWithPositionsFromTheJson() {
        MemoryTree tree = MemoryTree.of("main.tf.json", """
                {
                  "variable": {
                    "azs": { "type": "list(string)", "default": ["eu-west-1a", "${not a template here}"] }
                  },
                  "locals": { "first": "${var.azs[0]}" },
                  "resource": {
                    "aws_subnet": {
                      "a": [{
                        "count": "${length(var.azs)}",
                        "availability_zone": "${var.azs[count.index]}",
                        "tags": { "Name": "subnet-${count.index}", "//": "a comment" }
                      }]
                    },
                    "aws_instance": {
                      "web": { "subnet_id": "${aws_subnet.a[0].id}", "depends_on": ["aws_subnet.a"] }
                    }
                  }
                }
                """).put("terraform.tfvars.json", """
                { "azs": ["eu-west-1b", "eu-west-1c"] }
                """).put("broken.tf.json", """
                { "locals": { "x": "${var.azs[0" } }
                """);
        ScanResult r = Scans.scan(tree, ParseOptions.defaults());
        Model m = Scans.only(r);
        assertEquals("eu-west-1c", str(m, "aws_subnet.a[1]", "availability_zone"), "the tfvars.json value wins");
        assertEquals("subnet-1", attr(m, "aws_subnet.a[1]", "tags").at("Name").orElseThrow().asString().orElseThrow());
        Resource a = Scans.resource(m, "aws_subnet.a[0]");
        assertEquals(8, a.location().startLine(), "a resource is where its name is written");
        assertEquals(10, a.locationOf("availability_zone").startLine());
        assertEquals(".#aws_subnet.a[0]", ((Value.Ref) attr(m, "aws_instance.web", "subnet_id")).targetId());
        assertEquals("eu-west-1b", Scans.resource(m, "aws_instance.web").placement().azs().get(0).value());
        List<Finding> broken = Scans.allFindings(r).stream().filter(f -> f.location().file().equals("broken.tf.json")).toList();
        assertEquals(1, broken.size(), broken.toString());
        assertEquals(ParseFindings.INVALID, broken.get(0).ruleId());
        assertEquals(1, broken.get(0).location().startLine());
    }

    @Test
    void terraformJsonAsConvertersWriteItReadsLikeTheHcl() {
        // hcl2json (and cdktf) write blocks as arrays of objects and types and depends_on entries as interpolations
        String json = """
                {
                  "provider": { "aws": [{ "region": "eu-west-1" }] },
                  "variable": {
                    "subnets": [{ "type": "${map(object({ az = string, public = optional(bool, false) }))}",
                                  "default": { "a": { "az": "eu-west-1a" } } }]
                  },
                  "data": {
                    "aws_availability_zones": {
                      "opted_in": [{ "filter": [{ "name": "opt-in-status", "values": ["opt-in-not-required"] }] }]
                    }
                  },
                  "resource": {
                    "aws_subnet": {
                      "s": [{ "for_each": "${var.subnets}", "availability_zone": "${each.value.az}",
                              "map_public_ip_on_launch": "${each.value.public}",
                              "depends_on": ["${data.aws_availability_zones.opted_in}"] }],
                      "t": [{ "availability_zone": "${data.aws_availability_zones.opted_in.names[0]}" }]
                    }
                  }
                }
                """;
        ScanResult r = Scans.scan(MemoryTree.of("main.tf.json", json), ParseOptions.defaults());
        Model m = Scans.only(r);
        assertTrue(Scans.allFindings(r).stream().noneMatch(f -> f.ruleId().startsWith("PARSE")), Scans.allFindings(r).toString());
        assertEquals("false", attr(m, "aws_subnet.s[\"a\"]", "map_public_ip_on_launch").toString(),
                "the optional attribute's default, from a type written as an interpolation");
        assertEquals("eu-west-1a", str(m, "aws_subnet.s[\"a\"]", "availability_zone"));
        assertFalse(attr(m, "aws_subnet.t", "availability_zone").asString().isPresent(),
                "a filter written as an array is a filter: the names are not the region's table");
    }

    @Test
    void optionalObjectAttributesTakeTheirDefaultsAsTerraformGivesThem() {
        Model m = scan(new MemoryTree().put("main.tf", """
                module "groups" {
                  source = "./modules/groups"
                  groups = {
                    web  = { min = "2" }
                    jobs = { create = false }
                  }
                }
                """).put("modules/groups/main.tf", """
                variable "groups" {
                  type = map(object({
                    create = optional(bool, true) # a comment in the type
                    min    = optional(number, 1)
                    tags   = optional(map(string), { team = "core" })
                    name   = optional(string)
                  }))
                }
                resource "aws_autoscaling_group" "this" {
                  for_each = { for k, v in var.groups : k => v if v.create }
                  min_size = each.value.min
                  tags     = each.value.tags
                }
                """));
        assertEquals(List.of("module.groups.aws_autoscaling_group.this[\"web\"]"),
                m.resources().stream().map(Resource::name).toList(), "jobs is not created; web takes create = true");
        Value min = attr(m, "module.groups.aws_autoscaling_group.this[\"web\"]", "min_size");
        assertEquals(new java.math.BigDecimal("2"), min.asNumber().orElseThrow(), "\"2\" converted to number 2");
        assertEquals("core", attr(m, "module.groups.aws_autoscaling_group.this[\"web\"]", "tags").at("team")
                .orElseThrow().asString().orElseThrow());
        assertTrue(m.findings().isEmpty(), m.findings().toString());
    }
}
