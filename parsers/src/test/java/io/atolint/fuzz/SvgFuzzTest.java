package io.atolint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;

/** Fuzzes the plain SVG entry point (Batik geometry, Graphviz and AWS-icon recognition). */
class SvgFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void svg(FuzzedDataProvider data) {
        FuzzChecks.scan(MemoryTree.of("d.svg", data.consumeRemainingAsString()), ParseOptions.defaults());
    }
}
