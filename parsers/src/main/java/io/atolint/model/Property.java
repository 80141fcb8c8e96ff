package io.atolint.model;

import java.util.List;
import java.util.Optional;

/**
 * One row of {@code properties.tsv}: a property of a kind (or of a block nested in resources, such as a
 * security group rule or a CloudFront cache behaviour), its canonical name, where each input format
 * writes it, and the value AWS applies when it is omitted.
 *
 * @param owner        a {@link Kind} name, or a block name starting with {@code @}
 * @param name         the canonical name rules ask for
 * @param cloudFormation the paths CloudFormation (and CDK synth output) writes it at, in order of preference
 * @param terraform    the paths Terraform (HCL and plan JSON) writes it at
 * @param diagram      the keys a diagram's custom fields may carry it under
 * @param defaultValue what applies when the property is omitted ({@code false}, {@code 1}), or null
 */
public record Property(String owner, String name, List<List<String>> cloudFormation, List<List<String>> terraform,
                       List<List<String>> diagram, String defaultValue) {

    public Property {
        cloudFormation = List.copyOf(cloudFormation);
        terraform = List.copyOf(terraform);
        diagram = List.copyOf(diagram);
    }

    /** Where {@code format} writes the property: empty when that format has no such property. */
    public List<List<String>> paths(Format format) {
        return switch (format) {
            case CLOUDFORMATION, CDK -> cloudFormation;
            case TERRAFORM, TERRAFORM_PLAN -> terraform;
            case DRAWIO, SVG -> diagram;
        };
    }

    public Optional<String> defaultOf() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default as a three-valued boolean: UNKNOWN when there is none or it is not a boolean. */
    public Tri defaultBool() {
        if ("true".equals(defaultValue)) {
            return Tri.TRUE;
        }
        return "false".equals(defaultValue) ? Tri.FALSE : Tri.UNKNOWN;
    }
}
