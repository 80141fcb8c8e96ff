package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;

/**
 * Fuzzes the JSON entry points: a template, and a CDK cloud assembly whose manifest and template both
 * come from the input.
 */
class CloudFormationJsonFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void templateAndAssembly(FuzzedDataProvider data) {
        String manifest = data.consumeString(400);
        String template = data.consumeRemainingAsString();
        MemoryTree tree = new MemoryTree()
                .put("t.json", template)
                .put("cdk.out/manifest.json", "{\"artifacts\": {\"S\": {\"type\": \"aws:cloudformation:stack\", "
                        + "\"properties\": {\"templateFile\": \"S.template.json\"}}}, \"x\": " + manifest + "}")
                .put("cdk.out/S.template.json", template);
        FuzzChecks.scan(tree, ParseOptions.defaults());
    }
}
