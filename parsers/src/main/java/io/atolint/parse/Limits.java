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

    /** The names {@link #with} accepts, with their defaults, for usage messages and docs. */
    public static String names() {
        Limits d = defaults();
        return "file-bytes (" + d.maxFileBytes + "), yaml-aliases (" + d.maxYamlAliases + "), nesting-depth ("
                + d.maxNestingDepth + "), resolution-steps (" + d.maxResolutionSteps + "), resources (" + d.maxResources
                + "), decompressed-bytes (" + d.maxDecompressedBytes + "), module-depth (" + d.maxModuleDepth + ")";
    }

    /** These limits with the one called {@code name} set to {@code value} (a positive number). */
    public Limits with(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be positive");
        }
        int i = (int) Math.min(Integer.MAX_VALUE, value);
        return switch (name) {
            case "file-bytes" -> withMaxFileBytes(value);
            case "yaml-aliases" -> new Limits(maxFileBytes, i, maxNestingDepth, maxResolutionSteps, maxResources,
                    maxDecompressedBytes, maxModuleDepth);
            case "nesting-depth" -> new Limits(maxFileBytes, maxYamlAliases, i, maxResolutionSteps, maxResources,
                    maxDecompressedBytes, maxModuleDepth);
            case "resolution-steps" -> withMaxResolutionSteps(i);
            case "resources" -> new Limits(maxFileBytes, maxYamlAliases, maxNestingDepth, maxResolutionSteps, i,
                    maxDecompressedBytes, maxModuleDepth);
            case "decompressed-bytes" -> new Limits(maxFileBytes, maxYamlAliases, maxNestingDepth, maxResolutionSteps,
                    maxResources, value, maxModuleDepth);
            case "module-depth" -> new Limits(maxFileBytes, maxYamlAliases, maxNestingDepth, maxResolutionSteps,
                    maxResources, maxDecompressedBytes, i);
            default -> throw new IllegalArgumentException("unknown limit '" + name + "' (known: " + names() + ")");
        };
    }

    public Limits withMaxResolutionSteps(int v) {
        return new Limits(maxFileBytes, maxYamlAliases, maxNestingDepth, v, maxResources,
                maxDecompressedBytes, maxModuleDepth);
    }
}
