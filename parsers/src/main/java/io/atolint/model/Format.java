package io.atolint.model;

/** The input format a model was read from. Rules never look at it; reports and messages may. */
public enum Format {
    CLOUDFORMATION("CloudFormation"),
    CDK("CDK synth output"),
    TERRAFORM("Terraform"),
    TERRAFORM_PLAN("Terraform plan JSON"),
    DRAWIO("draw.io diagram"),
    SVG("SVG diagram");

    private final String title;

    Format(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean isDiagram() {
        return this == DRAWIO || this == SVG;
    }
}
