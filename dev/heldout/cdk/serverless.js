const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const apigw = require('aws-cdk-lib/aws-apigateway');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const cognito = require('aws-cdk-lib/aws-cognito');
const events = require('aws-cdk-lib/aws-lambda-event-sources');

class ApiStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const table = new ddb.TableV2(this, 'Orders', {
      partitionKey: { name: 'pk', type: ddb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const dlq = new sqs.Queue(this, 'Dlq', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const queue = new sqs.Queue(this, 'Work', { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
      encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const topic = new sns.Topic(this, 'Events', { enforceSSL: true });
    const fn = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      environment: { TABLE: table.tableName, QUEUE: queue.queueUrl },
      tracing: lambda.Tracing.ACTIVE,
    });
    table.grantReadWriteData(fn);
    queue.grantSendMessages(fn);
    const worker = new lambda.Function(this, 'Worker', {
      runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {};'),
    });
    worker.addEventSource(new events.SqsEventSource(queue));
    topic.grantPublish(worker);
    const pool = new cognito.UserPool(this, 'Users', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireSymbols: true }, advancedSecurityMode: cognito.AdvancedSecurityMode.ENFORCED });
    const api = new apigw.RestApi(this, 'Api', { deployOptions: { tracingEnabled: true, loggingLevel: apigw.MethodLoggingLevel.INFO } });
    const auth = new apigw.CognitoUserPoolsAuthorizer(this, 'Auth', { cognitoUserPools: [pool] });
    api.root.addResource('orders').addMethod('POST', new apigw.LambdaIntegration(fn), { authorizer: auth, authorizationType: apigw.AuthorizationType.COGNITO });
  }
}
const app = new cdk.App();
new ApiStack(app, 'Api');
