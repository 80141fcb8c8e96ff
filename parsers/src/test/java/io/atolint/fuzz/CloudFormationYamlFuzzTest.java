package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;

/** Fuzzes the CloudFormation YAML entry point: YAML events, tags, intrinsic resolution, placement. */
class CloudFormationYamlFuzzTest {
    private static final ParseOptions OPTIONS = ParseOptions.defaults().withRegion("us-east-1")
            .withLimits(Limits.defaults().withMaxResolutionSteps(20_000));

    @FuzzTest(maxDuration = "20s")
    void template(FuzzedDataProvider data) {
        FuzzChecks.scan(MemoryTree.of("t.yaml", data.consumeRemainingAsString()), OPTIONS);
    }
}
