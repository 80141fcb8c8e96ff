package io.atolint.parse.formats;

import io.atolint.parse.FormatHandler;
import io.atolint.parse.Scanner;
import io.atolint.parse.cdk.CdkHandler;
import io.atolint.parse.cloudformation.CloudFormationHandler;
import io.atolint.parse.diagram.DiagramHandler;
import io.atolint.parse.terraform.TerraformHandler;
import io.atolint.parse.terraformplan.PlanJsonHandler;

import java.util.List;

/**
 * Every input format atolint reads, listed beside the format packages (which build on {@code parse}'s
 * base types, so the list cannot live in {@code parse} without a package cycle). A new format is one
 * package with a {@link FormatHandler}, named here.
 */
public final class Formats {
    private Formats() {
    }

    /** The handlers in the order they claim files: more specific formats first, so that a {@code cdk.out}
     * template is read as CDK and not again as plain CloudFormation. */
    public static List<FormatHandler> all() {
        return List.of(
                new CdkHandler(),
                new TerraformHandler(),
                new PlanJsonHandler(),
                new CloudFormationHandler(),
                new DiagramHandler());
    }

    /** A scanner reading every format. */
    public static Scanner scanner() {
        return new Scanner(all());
    }
}
