package io.atolint.parse;

import io.atolint.model.ValueWalker;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bounds that keep a hostile or huge input from exhausting memory or time. Exceeding one is a
 * positioned finding, never an error. Each counts over the unit it names (a file, a model, the whole
 * scan), never per page or per chunk, so that splitting an input into many small parts does not
 * multiply what it may take.
 *
 * @param maxFileBytes         largest file read (also every option file: var files, parameters, baseline, config)
 * @param maxYamlAliases       YAML aliases per document (billion laughs)
 * @param maxNestingDepth      nesting of YAML/JSON/HCL collections, and of the values read from them that
 *                             {@link io.atolint.model.ValueWalker} walks (its default comes from there)
 * @param maxResolutionSteps   intrinsic-function / expression evaluation steps per template or module
 * @param maxResources         resources per model
 * @param maxDecompressedBytes output of decompression per file (every draw.io page and PNG chunk of it together)
 * @param maxModuleDepth       nesting of Terraform modules / CloudFormation nested stacks
 * @param maxValueSize         elements plus characters of one value an expression or function builds
 * @param maxPages             diagram pages per file
 * @param maxModels            models per scan (templates, root modules, diagram pages), over every path scanned
 * @param maxScanResources     resources per scan, over every model
 */
public record Limits(long maxFileBytes, int maxYamlAliases, int maxNestingDepth, int maxResolutionSteps,
                     int maxResources, long maxDecompressedBytes, int maxModuleDepth, long maxValueSize,
                     int maxPages, int maxModels, int maxScanResources) {

    public static Limits defaults() {
        return new Limits(10L * 1024 * 1024, 500, ValueWalker.DEFAULT_MAX_DEPTH, 200_000, 20_000, 50L * 1024 * 1024, 16, 2_000_000,
                100, 2_000, 200_000);
    }

    public Limits withMaxFileBytes(long v) {
        return with("file-bytes", v);
    }

    /** The names {@link #with} and {@link #get} accept, in the order {@link #names()} lists them. */
    public static final List<String> NAMES = List.of("file-bytes", "yaml-aliases", "nesting-depth",
            "resolution-steps", "resources", "decompressed-bytes", "module-depth", "value-size", "pages", "models",
            "scan-resources");

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
            case "value-size" -> maxValueSize;
            case "pages" -> maxPages;
            case "models" -> maxModels;
            case "scan-resources" -> maxScanResources;
            default -> throw new IllegalArgumentException("unknown limit '" + name + "' (known: " + names() + ")");
        };
    }

    /** These limits with the one called {@code name} set to {@code value} (a positive number). */
    public Limits with(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be positive");
        }
        long[] v = new long[NAMES.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = get(NAMES.get(i));
        }
        int at = NAMES.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("unknown limit '" + name + "' (known: " + names() + ")");
        }
        v[at] = value;
        return new Limits(v[0], i(v[1]), i(v[2]), i(v[3]), i(v[4]), v[5], i(v[6]), v[7], i(v[8]), i(v[9]), i(v[10]));
    }

    private static int i(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    public Limits withMaxResolutionSteps(int v) {
        return with("resolution-steps", v);
    }
}
