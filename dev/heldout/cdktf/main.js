const { App, TerraformStack, Fn, TerraformVariable } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { Vpc } = require('@cdktf/provider-aws/lib/vpc');
const { Subnet } = require('@cdktf/provider-aws/lib/subnet');
const { InternetGateway } = require('@cdktf/provider-aws/lib/internet-gateway');
const { SecurityGroup } = require('@cdktf/provider-aws/lib/security-group');
const { Lb } = require('@cdktf/provider-aws/lib/lb');
const { LbTargetGroup } = require('@cdktf/provider-aws/lib/lb-target-group');
const { LbListener } = require('@cdktf/provider-aws/lib/lb-listener');
const { LaunchTemplate } = require('@cdktf/provider-aws/lib/launch-template');
const { AutoscalingGroup } = require('@cdktf/provider-aws/lib/autoscaling-group');
const { DbInstance } = require('@cdktf/provider-aws/lib/db-instance');
const { DbSubnetGroup } = require('@cdktf/provider-aws/lib/db-subnet-group');
const { DataAwsAvailabilityZones } = require('@cdktf/provider-aws/lib/data-aws-availability-zones');

class Web extends TerraformStack {
  constructor(scope, id) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'ap-southeast-2' });
    const azs = new DataAwsAvailabilityZones(this, 'azs', { state: 'available' });
    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16' });
    new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const pub = [0, 1].map(i => new Subnet(this, `public${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`,
      availabilityZone: Fn.element(azs.names, i), mapPublicIpOnLaunch: true }));
    const priv = [0, 1].map(i => new Subnet(this, `private${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${10 + i}.0/24`,
      availabilityZone: Fn.element(azs.names, 0) }));
    const sg = new SecurityGroup(this, 'lbsg', { vpcId: vpc.id,
      ingress: [{ fromPort: 80, toPort: 80, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }] });
    const lb = new Lb(this, 'lb', { loadBalancerType: 'application', subnets: pub.map(s => s.id), securityGroups: [sg.id] });
    const tg = new LbTargetGroup(this, 'tg', { port: 80, protocol: 'HTTP', vpcId: vpc.id });
    new LbListener(this, 'http', { loadBalancerArn: lb.arn, port: 80, protocol: 'HTTP',
      defaultAction: [{ type: 'forward', targetGroupArn: tg.arn }] });
    const lt = new LaunchTemplate(this, 'lt', { imageId: 'ami-0123456789abcdef0', instanceType: 't3.small' });
    new AutoscalingGroup(this, 'asg', { minSize: 2, maxSize: 4, vpcZoneIdentifier: priv.map(s => s.id),
      targetGroupArns: [tg.arn], launchTemplate: { id: lt.id, version: '$Latest' } });
    const dbsg = new DbSubnetGroup(this, 'dbsubnets', { subnetIds: priv.map(s => s.id) });
    new DbInstance(this, 'db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20,
      username: 'app', manageMasterUserPassword: true, dbSubnetGroupName: dbsg.name, storageEncrypted: true, multiAz: false });
  }
}
const app = new App({ outdir: process.argv[2] || 'cdktf.out' });
new Web(app, 'web');
app.synth();
