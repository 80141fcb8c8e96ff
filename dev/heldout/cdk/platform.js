const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const lambda = require('aws-cdk-lib/aws-lambda');
const opensearch = require('aws-cdk-lib/aws-opensearchservice');
const msk = require('aws-cdk-lib/aws-msk');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const targets = require('aws-cdk-lib/aws-elasticloadbalancingv2-targets');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const efs = require('aws-cdk-lib/aws-efs');
const ecs = require('aws-cdk-lib/aws-ecs');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const apigw = require('aws-cdk-lib/aws-apigateway');

class NetworkStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    this.vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 2,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED } ],
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } } });
    this.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    this.vpc.addInterfaceEndpoint('Ecr', { service: ec2.InterfaceVpcEndpointAwsService.ECR });
    new ec2.CfnTransitGateway(this, 'Tgw', { description: 'hub' });
  }
}

class AppStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = props.vpc;
    const a = new ec2.Instance(this, 'WebA', { vpc, instanceType: new ec2.InstanceType('t3.small'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZones: [vpc.availabilityZones[0]] } });
    const b = new ec2.Instance(this, 'WebB', { vpc, instanceType: new ec2.InstanceType('t3.small'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZones: [vpc.availabilityZones[1]] } });
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true });
    const l = alb.addListener('Http', { port: 80, open: true });
    l.addTargets('Web', { port: 80, targets: [new targets.InstanceTarget(a), new targets.InstanceTarget(b)] });
    const fn = new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(e, c):\n  return 1\n'), vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });
    const api = new apigw.LambdaRestApi(this, 'Api', { handler: fn, endpointTypes: [apigw.EndpointType.REGIONAL] });
    new opensearch.Domain(this, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11, vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      capacity: { dataNodes: 2, multiAzWithStandbyEnabled: false }, zoneAwareness: { enabled: true, availabilityZoneCount: 2 },
      encryptionAtRest: { enabled: true }, nodeToNodeEncryption: true, enforceHttps: true });
    new msk.CfnCluster(this, 'Kafka', { clusterName: 'events', kafkaVersion: '3.6.0', numberOfBrokerNodes: 2,
      brokerNodeGroupInfo: { instanceType: 'kafka.m5.large', clientSubnets: vpc.isolatedSubnets.map(s => s.subnetId) },
      encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS', inCluster: true } } });
    new ddb.Table(this, 'Global', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING },
      billingMode: ddb.BillingMode.PAY_PER_REQUEST, replicationRegions: ['us-west-2'] });
    const fs = new efs.FileSystem(this, 'Files', { vpc, oneZone: true, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: [vpc.availabilityZones[0]] } });
    new kinesis.Stream(this, 'Clicks', { shardCount: 1 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc });
    const td = new ecs.FargateTaskDefinition(this, 'Task');
    td.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('busybox'), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'w' }) });
    new ecs.FargateService(this, 'Worker', { cluster, taskDefinition: td, desiredCount: 1 });
  }
}
const app = new cdk.App();
const env = { account: '123456789012', region: 'eu-west-1' };
const net = new NetworkStack(app, 'Network', { env });
new AppStack(app, 'App', { env, vpc: net.vpc });
