package io.atolint.parse.cdk;

import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Placement;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.testing.Fixtures;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdkHandlerTest {
    private static final String DIR = "fixtures/demo/cdk-three-tier/cdk.out";

    @Test
    void readsEachStackWithItsNestedStackAsOneModel() {
        ScanResult r = Scans.scan(Fixtures.load(DIR), ParseOptions.defaults().withRegion("us-east-1"));
        Model m = Scans.only(r);
        assertEquals(Format.CDK, m.format());
        assertEquals(DIR + "/ThreeTier", m.unit());
        assertTrue(r.skipped().isEmpty(), "cdk.out files are claimed, not skipped: " + r.skipped());

        Resource alb = Scans.resource(m, "Alb16C2F182");
        assertEquals("ThreeTier/Alb/Resource", alb.meta("cdkPath").orElseThrow());
        assertEquals("ThreeTier/Alb/Resource [Alb16C2F182]", alb.displayName());
        assertEquals(DIR + "/ThreeTier.template.json", alb.location().file());
        assertTrue(alb.placement().azCount().provablyMulti(), alb.placement().display());

        Resource db = Scans.resource(m, "DatabaseB269D8BB");
        assertEquals(Kind.RDS_INSTANCE, db.kind());
        assertEquals(DIR + "/ThreeTierDatabase85F6FC4A.nested.template.json", db.location().file());
        assertEquals("ThreeTier/Database/Database/Resource", db.meta("cdkPath").orElseThrow());
        // MultiAZ false; its subnet group takes the parent's isolated subnets through stack parameters.
        Placement p = db.placement();
        assertEquals(Placement.Scope.ONE_OF, p.scope(), p.display());
        assertEquals("us-east-1a", p.azs().get(0).value());
        assertEquals("us-east-1b", p.azs().get(1).value());

        Resource stack = m.resources().stream().filter(x -> x.kind() == Kind.NESTED_STACK).findFirst().orElseThrow();
        assertTrue(m.relations().stream().anyMatch(x -> x.type() == RelationType.CONTAINS && x.source().equals(stack)
                && x.target().equals(db)));
    }

    @Test
    void aManifestPathThatLeavesTheAssemblyIsRefused() {
        MemoryTree tree = new MemoryTree()
                .put("app/cdk.out/manifest.json", """
                        {"version": "36.0.0", "artifacts": {
                          "Evil": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "../../secret.template.json"}}}}
                        """)
                .put("secret.template.json", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}");
        ScanResult r = Scans.scan(tree, ParseOptions.defaults());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals(ParseFindings.INVALID)
                && f.location().file().equals("app/cdk.out/manifest.json") && f.location().startLine() == 2
                && f.message().contains("leaves the cloud assembly directory")), r.findings().toString());
        // the file itself is still a template of the tree, read as plain CloudFormation, once
        assertEquals(1, r.models().size());
        assertEquals(Format.CLOUDFORMATION, r.models().get(0).format());
    }
}
