#!/usr/bin/env node
// HA001 compliant fixture: L2 VPC over 2 AZs and an internet-facing ALB in
// its public subnets (one per AZ). Env-agnostic.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');

class Ha001CompliantStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });

    new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
  }
}

const app = new cdk.App();
new Ha001CompliantStack(app, 'Ha001Compliant');
