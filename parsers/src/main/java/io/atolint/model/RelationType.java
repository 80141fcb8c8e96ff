package io.atolint.model;

/** How two resources are related. */
public enum RelationType {
    /** A container holds a resource: VPC to subnet, subnet to instance, a diagram group to an icon. */
    CONTAINS,
    /** One resource names another (Ref, GetAtt, DependsOn, a Terraform reference). */
    REFERENCES,
    /** Traffic flows from source to target: LB to target group to ASG, route table to NAT gateway. */
    ROUTES_TO,
    /** A resource is attached to another: listener to LB, policy to role, gateway to VPC. */
    ATTACHED_TO,
    /** A connection to something outside AWS: VPN, Direct Connect, internet gateway, on-premises. */
    CONNECTS_OUTSIDE
}
