const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const rds = require('aws-cdk-lib/aws-rds');
const efs = require('aws-cdk-lib/aws-efs');

class LegacyStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1,
      vpnConnections: { onPrem: { ip: '203.0.113.10', staticRoutes: ['192.168.0.0/16'] } },
      vpnGateway: true });
    const bastion = new ec2.BastionHostLinux(this, 'Bastion', { vpc, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC } });
    const asg = new autoscaling.AutoScalingGroup(this, 'App', { vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(), minCapacity: 1, maxCapacity: 1 });
    const nlb = new elbv2.NetworkLoadBalancer(this, 'Nlb', { vpc, internetFacing: true });
    nlb.addListener('Tcp', { port: 443 }).addTargets('App', { port: 443, targets: [asg] });
    const db = new rds.DatabaseInstance(this, 'Db', {
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }),
      vpc, multiAz: false, instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.SMALL),
      allocatedStorage: 50,
    });
    db.connections.allowDefaultPortFrom(asg);
    const fs = new efs.FileSystem(this, 'Shared', { vpc, encrypted: true });
    fs.connections.allowDefaultPortFrom(asg);
  }
}
const app = new cdk.App();
new LegacyStack(app, 'Legacy');
