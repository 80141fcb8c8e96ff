package io.atolint.parse.cloudformation;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a template is among the stacks of a scan: the keys a user names it by in stack-qualified
 * parameters ({@code --param vpc.CidrBlock=10.1.0.0/16}, {@code --param vpc.AWS::StackName=prod-vpc};
 * its file name without extension, or its CDK stack name), its stack name when the files or the user
 * decide it, the exports of the other templates it may import, and the label its resources carry when
 * it is read together with other stacks into one model.
 *
 * @param keys      the names of the stack in qualified parameters, most specific first
 * @param name      the stack name ({@code AWS::StackName}), or null when not known
 * @param nameHow   how the stack name was decided
 * @param exports   what {@code Fn::ImportValue} reads
 * @param label     the template's name on its resources in a model of several stacks, or null
 */
public record StackInfo(List<String> keys, String name, String nameHow, Exports exports, String label) {
    public static final StackInfo NONE = new StackInfo(List.of(), null, null, Exports.NONE, null);

    public StackInfo {
        keys = List.copyOf(keys);
    }

    /** The default identity of a template: keyed by its path and file name, without extension. */
    public static StackInfo of(String path) {
        return new StackInfo(keysOf(path), null, null, Exports.NONE, null);
    }

    /** {@code net/vpc.template.yaml} is {@code vpc.template}, {@code vpc} and {@code net/vpc.template}. */
    static List<String> keysOf(String path) {
        List<String> out = new ArrayList<>();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".yaml", ".yml", ".json", ".template")) {
            if (lower.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        out.add(name);
        int dot = name.indexOf('.');
        if (dot > 0) {
            out.add(name.substring(0, dot));
        }
        return out;
    }

    public StackInfo withKeys(List<String> k) {
        return new StackInfo(k, name, nameHow, exports, label);
    }

    public StackInfo withName(String n, String how) {
        return new StackInfo(keys, n, how, exports, label);
    }

    public StackInfo withExports(Exports e) {
        return new StackInfo(keys, name, nameHow, e, label);
    }

    public StackInfo withLabel(String l) {
        return new StackInfo(keys, name, nameHow, exports, l);
    }

    /**
     * A value the user gave for {@code name}: qualified by one of this stack's keys
     * ({@code vpc.CidrBlock}) before unqualified ({@code CidrBlock}); empty when not given.
     */
    Optional<String> given(ParseOptions options, String parameter) {
        if (options.parameters().isEmpty()) {
            return Optional.empty(); // the usual scan: no qualified names to make
        }
        for (String k : keys) {
            String v = options.parameters().get(k + "." + parameter);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.ofNullable(options.parameters().get(parameter));
    }

    /** {@code AWS::StackName}: given by the user, decided by the scan, else UNKNOWN. */
    Value stackName(ParseOptions options, SourceLocation at) {
        Optional<String> given = given(options, "AWS::StackName");
        if (given.isPresent()) {
            return new Value.Scalar(given.get(), "AWS::StackName (given " + given.get() + ")", at);
        }
        if (name != null) {
            return new Value.Scalar(name, nameHow == null ? "AWS::StackName" : nameHow, at);
        }
        return new Value.Unknown("AWS::StackName", at);
    }
}
