const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const patterns = require('aws-cdk-lib/aws-ecs-patterns');
const rds = require('aws-cdk-lib/aws-rds');
const backup = require('aws-cdk-lib/aws-backup');
const cloudtrail = require('aws-cdk-lib/aws-cloudtrail');
const cw = require('aws-cdk-lib/aws-cloudwatch');
const cwa = require('aws-cdk-lib/aws-cloudwatch-actions');
const sns = require('aws-cdk-lib/aws-sns');
const kms = require('aws-cdk-lib/aws-kms');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const acm = require('aws-cdk-lib/aws-certificatemanager');
const config = require('aws-cdk-lib/aws-config');
const guardduty = require('aws-cdk-lib/aws-guardduty');

class GoodStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const key = new kms.Key(this, 'Key', { enableKeyRotation: true });
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 2, restrictDefaultSecurityGroup: true,
      flowLogs: { all: { destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(this, 'FlowLogs', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key })) } } });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const cert = acm.Certificate.fromCertificateArn(this, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
    const web = new patterns.ApplicationLoadBalancedFargateService(this, 'Web', {
      cluster, desiredCount: 2, protocol: elbv2.ApplicationProtocol.HTTPS, certificate: cert, redirectHTTP: true,
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'),
        logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'web', logRetention: logs.RetentionDays.ONE_YEAR }) },
    });
    web.targetGroup.configureHealthCheck({ path: '/health' });
    web.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 8 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    const params = new rds.ParameterGroup(this, 'Params', { engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      parameters: { 'rds.force_ssl': '1' } });
    const db = new rds.DatabaseCluster(this, 'Db', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('writer'), readers: [rds.ClusterInstance.serverlessV2('reader', { scaleWithWriter: true })],
      serverlessV2MinCapacity: 0.5, serverlessV2MaxCapacity: 8, parameterGroup: params,
      vpc, storageEncrypted: true, storageEncryptionKey: key, backup: { retention: cdk.Duration.days(14) },
      cloudwatchLogsExports: ['postgresql'], cloudwatchLogsRetention: logs.RetentionDays.ONE_YEAR });
    db.connections.allowDefaultPortFrom(web.service);
    const plan = backup.BackupPlan.dailyWeeklyMonthly5YearRetention(this, 'Plan');
    plan.addSelection('All', { resources: [backup.BackupResource.fromRdsDatabaseCluster(db)] });
    const trailBucket = new s3.Bucket(this, 'TrailBucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true,
      versioned: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    new cloudtrail.Trail(this, 'Trail', { bucket: trailBucket, isMultiRegionTrail: true, enableFileValidation: true, encryptionKey: key });
    const topic = new sns.Topic(this, 'Ops', { masterKey: key, enforceSSL: true });
    for (const [name, metric] of [['Alb5xx', web.loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT)],
                                  ['DbCpu', db.metricCPUUtilization()]]) {
      new cw.Alarm(this, name, { metric, threshold: 10, evaluationPeriods: 3 }).addAlarmAction(new cwa.SnsAction(topic));
    }
    new config.CfnConfigurationRecorder(this, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: true } });
    new guardduty.CfnDetector(this, 'Detector', { enable: true });
  }
}
const app = new cdk.App();
new GoodStack(app, 'Good');
