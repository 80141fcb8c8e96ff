package io.atolint.parse;

import io.atolint.model.ValueWalker;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bounds that keep a hostile or huge input from exhausting memory or time. Exceeding one is a
 * positioned finding, never an error.
 *
 * @param maxFileBytes        largest file read
 * @param maxYamlAliases      YAML aliases per document (billion laughs)
 * @param maxNestingDepth     nesting of YAML/JSON/HCL collections, and of the values read from them that
 *                            {@link io.atolint.model.ValueWalker} walks (its default comes from there)
 * @param maxResolutionSteps  intrinsic-function / expression evaluation steps per template or module
 * @param maxResources        resources per model
 * @param maxDecompressedBytes output of one decompression (draw.io pages, PNG chunks)
 * @param maxModuleDepth      nesting of Terraform modules / CloudFormation nested stacks
 */
public record Limits(long maxFileBytes, int maxYamlAliases, int maxNestingDepth, int maxResolutionSteps,
                     int maxResources, long maxDecompressedBytes, int maxModuleDepth) {

    public static Limits defaults() {
        return new Limits(10L * 1024 * 1024, 500, ValueWalker.DEFAULT_MAX_DEPTH, 200_000, 20_000, 50L * 1024 * 1024, 16);
    }

    public Limits withMaxFileBytes(long v) {
        return new Limits(v, maxYamlAliases, maxNestingDepth, maxResolutionSteps, maxResources,
                maxDecompressedBytes, maxModuleDepth);
    }

    /** The names {@link #with} and {@link #get} accept, in the order {@link #names()} lists them. */
    public static final List<String> NAMES = List.of("file-bytes", "yaml-aliases", "nesting-depth",
            "resolution-steps", "resources", "decompressed-bytes", "module-depth");

    /** The names {@link #with} accepts, with their defaults, for usage messages and docs. */
    public static String names() {
        Limits d = defaults();
        return NAMES.stream().map(n -> n + " (" + d.get(n) + ")").collect(Collectors.joining(", "));
    }

    /** The value of the limit called {@code name} (one of {@link #NAMES}). */
    public long get(String name) {
        return switch (name) {
            case "file-bytes" -> maxFileBytes;
            case "yaml-aliases" -> maxYamlAliases;
            case "nesting-depth" -> maxNestingDepth;
            case "resolution-steps" -> maxResolutionSteps;
            case "resources" -> maxResources;
            case "decompressed-bytes" -> maxDecompressedBytes;
            case "module-depth" -> maxModuleDepth;
            default -> throw new IllegalArgumentException("unknown limit '" + name + "' (known: " + names() + ")");
        };
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
