package io.atolint.model;

/**
 * An input of a unit that is not a resource: a CloudFormation parameter or a Terraform variable, with
 * its default as written in the files. Rules need it where the declaration itself is the problem (a
 * secret parameter that carries a default value is a secret written into the template).
 *
 * @param kind         {@code cloudformation-parameter} or {@code terraform-variable}
 * @param secret       declared secret: {@code NoEcho: true} or {@code sensitive = true}
 * @param defaultValue the default as written, or null when there is none
 * @param location     the declaration
 * @param defaultAt    where the default is written (the declaration when there is none)
 */
public record Input(String name, String kind, boolean secret, Value defaultValue, SourceLocation location,
                    SourceLocation defaultAt) {
    public static final String CFN_PARAMETER = "cloudformation-parameter";
    public static final String TF_VARIABLE = "terraform-variable";

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
