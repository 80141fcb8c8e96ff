package io.atolint.parse;

/**
 * Bounds that keep a hostile or huge input from exhausting memory or time. Exceeding one is a
 * positioned finding, never an error.
 *
 * @param maxFileBytes        largest file read
 * @param maxYamlAliases      YAML aliases per document (billion laughs)
 * @param maxNestingDepth     nesting of YAML/JSON/HCL collections
 * @param maxResolutionSteps  intrinsic-function / expression evaluation steps per template or module
 * @param maxResources        resources per model
 * @param maxDecompressedBytes output of one decompression (draw.io pages, PNG chunks)
 * @param maxModuleDepth      nesting of Terraform modules / CloudFormation nested stacks
 */
public record Limits(long maxFileBytes, int maxYamlAliases, int maxNestingDepth, int maxResolutionSteps,
                     int maxResources, long maxDecompressedBytes, int maxModuleDepth) {

    public static Limits defaults() {
        return new Limits(10L * 1024 * 1024, 500, 200, 200_000, 20_000, 50L * 1024 * 1024, 16);
    }

    public Limits withMaxFileBytes(long v) {
        return new Limits(v, maxYamlAliases, maxNestingDepth, maxResolutionSteps, maxResources,
                maxDecompressedBytes, maxModuleDepth);
    }

    public Limits withMaxResolutionSteps(int v) {
        return new Limits(maxFileBytes, maxYamlAliases, maxNestingDepth, v, maxResources,
                maxDecompressedBytes, maxModuleDepth);
    }
}
