#!/usr/bin/env node
// SG001/SG002 CDK fixtures. Env-agnostic. L2 security groups: CDK generates the rules.
// SgNoncompliant: a group with the default allowAllOutbound (CDK writes an explicit
// 0.0.0.0/0 all-protocols egress rule) and SSH open to anyIpv4 (inline ingress); a second
// group admitting Postgres from the first (a standalone AWS::EC2::SecurityGroupIngress).
// SgCompliant: allowAllOutbound false (CDK writes its 255.255.255.255/32 "disallow all"
// placeholder egress) and HTTPS from anyIpv4 / anyIpv6.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');

class SgNoncompliantStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const vpcRef = ec2.Vpc.fromVpcAttributes(this, 'VpcRef', {
      vpcId: vpc.ref,
      availabilityZones: ['us-east-1a'],
    });
    const bastion = new ec2.SecurityGroup(this, 'Bastion', { vpc: vpcRef, description: 'bastion' });
    bastion.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'ssh from anywhere');
    const db = new ec2.SecurityGroup(this, 'Database', { vpc: vpcRef, description: 'database', allowAllOutbound: false });
    db.addIngressRule(bastion, ec2.Port.tcp(5432), 'postgres from the bastion');
  }
}

class SgCompliantStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const vpcRef = ec2.Vpc.fromVpcAttributes(this, 'VpcRef', {
      vpcId: vpc.ref,
      availabilityZones: ['us-east-1a'],
    });
    const web = new ec2.SecurityGroup(this, 'Web', { vpc: vpcRef, description: 'web', allowAllOutbound: false });
    web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https');
    web.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(443), 'https v6');
    web.addEgressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(8080), 'to the app tier');
  }
}

const app = new cdk.App();
const which = process.env.SG_FIXTURE || 'noncompliant';
if (which === 'noncompliant') {
  new SgNoncompliantStack(app, 'SgNoncompliant');
} else {
  new SgCompliantStack(app, 'SgCompliant');
}
