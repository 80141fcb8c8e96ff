const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const patterns = require('aws-cdk-lib/aws-ecs-patterns');
const rds = require('aws-cdk-lib/aws-rds');
const s3 = require('aws-cdk-lib/aws-s3');
const cf = require('aws-cdk-lib/aws-cloudfront');
const origins = require('aws-cdk-lib/aws-cloudfront-origins');
const elasticache = require('aws-cdk-lib/aws-elasticache');
const acm = require('aws-cdk-lib/aws-certificatemanager');
const kms = require('aws-cdk-lib/aws-kms');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');

class SaasStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 3, natGateways: 2 });
    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsights: true });
    const cert = acm.Certificate.fromCertificateArn(this, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
    const svc = new patterns.ApplicationLoadBalancedFargateService(this, 'Web', {
      cluster, desiredCount: 2, cpu: 512, memoryLimitMiB: 1024,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), containerPort: 80 },
      protocol: elbv2.ApplicationProtocol.HTTPS, certificate: cert, redirectHTTP: true,
      publicLoadBalancer: true,
    });
    const scaling = svc.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    const db = new rds.DatabaseCluster(this, 'Db', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.provisioned('writer'),
      readers: [rds.ClusterInstance.provisioned('reader1')],
      vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      storageEncrypted: true, storageEncryptionKey: key,
      backup: { retention: cdk.Duration.days(7) },
    });
    db.connections.allowDefaultPortFrom(svc.service);
    const cacheSubnets = new elasticache.CfnSubnetGroup(this, 'CacheSubnets', {
      description: 'cache', subnetIds: vpc.privateSubnets.map(s => s.subnetId),
    });
    new elasticache.CfnReplicationGroup(this, 'Cache', {
      replicationGroupDescription: 'sessions', engine: 'redis', cacheNodeType: 'cache.t3.small',
      numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true,
      atRestEncryptionEnabled: true, transitEncryptionEnabled: true,
      cacheSubnetGroupName: cacheSubnets.ref,
    });
    const assets = new s3.Bucket(this, 'Assets', {
      encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, versioned: true,
    });
    new cf.Distribution(this, 'Cdn', {
      defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(assets),
        viewerProtocolPolicy: cf.ViewerProtocolPolicy.REDIRECT_TO_HTTPS },
      additionalBehaviors: { '/api/*': { origin: new origins.LoadBalancerV2Origin(svc.loadBalancer, { protocolPolicy: cf.OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: cf.ViewerProtocolPolicy.HTTPS_ONLY, allowedMethods: cf.AllowedMethods.ALLOW_ALL,
        cachePolicy: cf.CachePolicy.CACHING_DISABLED } },
      minimumProtocolVersion: cf.SecurityPolicyProtocol.TLS_V1_2_2021,
    });
  }
}
const app = new cdk.App();
new SaasStack(app, 'Saas');
