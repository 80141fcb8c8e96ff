#!/usr/bin/env node
// HA001 cross-stack fixture (L1 constructs). Env-agnostic.
// CrossStackNetwork owns the subnets, both pinned to us-east-1a; CrossStackApp's ALB uses them,
// which CDK writes as Outputs with Export names in the first stack and Fn::ImportValue in the second.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');

class NetworkStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    this.subnetA = new ec2.CfnSubnet(this, 'SubnetA', {
      vpcId: vpc.ref, cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a',
    });
    this.subnetB = new ec2.CfnSubnet(this, 'SubnetB', {
      vpcId: vpc.ref, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a',
    });
  }
}

class AppStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new elbv2.CfnLoadBalancer(this, 'AppLoadBalancer', {
      type: 'application',
      scheme: 'internal',
      subnets: [props.network.subnetA.ref, props.network.subnetB.ref],
    });
  }
}

const app = new cdk.App();
const network = new NetworkStack(app, 'CrossStackNetwork');
new AppStack(app, 'CrossStackApp', { network });
