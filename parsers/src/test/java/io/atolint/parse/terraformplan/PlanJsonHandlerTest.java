package io.atolint.parse.terraformplan;

import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Value;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.Fixtures;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plan JSON ({@code terraform show -json}) read into the same model as HCL. */
class PlanJsonHandlerTest {

    private static Model plan(String dir) {
        ScanResult r = Scans.scan(Fixtures.load(dir), ParseOptions.defaults());
        return r.models().stream().filter(m -> m.format() == Format.TERRAFORM_PLAN).findFirst().orElseThrow();
    }

    @Test
    void plannedValuesGiveResourcesWithAddressesAndPlacement() {
        Model m = plan("fixtures/rules/HA001/tf-plan-json");
        Resource web = Scans.resource(m, "aws_lb.web");
        assertEquals("fixtures/rules/HA001/tf-plan-json/plan.json", web.location().file());
        assertEquals(34, web.location().startLine());
        assertEquals("aws_lb.web", web.location().logicalPath());
        assertInstanceOf(Value.Unknown.class, web.attr("arn").orElseThrow(), "known after apply");
        assertEquals("[ref(fixtures/rules/HA001/tf-plan-json/plan.json#aws_subnet.public[0].id), "
                + "ref(fixtures/rules/HA001/tf-plan-json/plan.json#aws_subnet.public[1].id)]", web.attr("subnets").orElseThrow().toString());
        assertTrue(web.placement().azCount().provablySingle());
        Resource legacy = Scans.resource(m, "aws_lb.legacy");
        assertEquals(Placement.Scope.ZONAL, legacy.placement().scope());
        assertTrue(legacy.placement().azCount().provablyMulti(), "known subnet ids map to the planned subnets");
    }

    @Test
    void unknownValuesKeepTheReferencesOfTheirExpressionsThroughModules() {
        ScanResult r = Scans.scan(Fixtures.load("fixtures/terraform/plan-modules"), ParseOptions.defaults());
        assertEquals(2, r.models().size(), "the configuration and its plan");
        Model m = r.models().stream().filter(x -> x.format() == Format.TERRAFORM_PLAN).findFirst().orElseThrow();
        Resource inner = Scans.resource(m, "module.m.terraform_data.inner");
        assertEquals("module.m", inner.meta("module").orElseThrow());
        Value input = inner.attr("input").orElseThrow();
        assertInstanceOf(Value.Unknown.class, input);
        assertTrue(m.relations().stream().anyMatch(rel -> rel.type() == RelationType.REFERENCES
                && rel.source().equals(inner) && rel.target().name().equals("terraform_data.lb")), m.relations().toString());
        Resource lb = Scans.resource(m, "terraform_data.lb");
        assertTrue(m.relations().stream().anyMatch(rel -> rel.source().equals(lb)
                && rel.target().name().equals("terraform_data.subnet[1]")), m.relations().toString());
    }

    @Test
    void otherJsonIsLeftToOtherReadersAndBrokenPlansArePositioned() {
        ScanResult r = Scans.scan(new MemoryTree()
                .put("package.json", "{\"name\": \"x\", \"format_version\": 1}")
                .put("plan.json", "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\n  \"resources\": [}}"),
                ParseOptions.defaults());
        assertTrue(r.models().isEmpty());
        assertTrue(Scans.allFindings(r).stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID)
                && f.location().file().equals("plan.json") && f.location().startLine() == 2), Scans.allFindings(r).toString());
    }
}
