#!/usr/bin/env node
// HA001 non-compliant fixture (L1 constructs only). Env-agnostic.
// Subnet A is pinned to the literal 'us-east-1a'; subnet B uses
// Fn::Select [0, Fn::GetAZs ""], which in us-east-1 also resolves to us-east-1a.
// So the ALB spans two subnets but only one AZ, and the NLB has a single subnet mapping.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');

class Ha001NoncompliantStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);

    const vpc = new ec2.CfnVPC(this, 'Vpc', {
      cidrBlock: '10.0.0.0/16',
      enableDnsHostnames: true,
      enableDnsSupport: true,
    });

    const subnetA = new ec2.CfnSubnet(this, 'SubnetA', {
      vpcId: vpc.ref,
      cidrBlock: '10.0.0.0/24',
      availabilityZone: 'us-east-1a',
    });

    const subnetB = new ec2.CfnSubnet(this, 'SubnetB', {
      vpcId: vpc.ref,
      cidrBlock: '10.0.1.0/24',
      availabilityZone: cdk.Fn.select(0, cdk.Fn.getAzs()),
    });

    new elbv2.CfnLoadBalancer(this, 'AppLoadBalancer', {
      type: 'application',
      scheme: 'internal',
      subnets: [subnetA.ref, subnetB.ref],
    });

    new elbv2.CfnLoadBalancer(this, 'NetworkLoadBalancer', {
      type: 'network',
      scheme: 'internal',
      subnetMappings: [{ subnetId: subnetA.ref }],
    });
  }
}

const app = new cdk.App();
new Ha001NoncompliantStack(app, 'Ha001Noncompliant');
