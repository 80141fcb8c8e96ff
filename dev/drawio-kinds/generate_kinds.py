#!/usr/bin/env python3
"""Generates the draw.io rows of parsers/src/main/resources/io/atolint/model/kinds.tsv.

Input: the shape reference (drawio-aws-shapes.tsv: library, kind, style-name, sidebar title, palette).
Output (stdout): `shape-name<TAB>KIND<TAB>service family`, one row per shape name, and `label:<label>` rows
that let a generic shape labelled with a service name ("EC2", "Amazon RDS") be recognised.

The third column (service family) lets the parser tell when a label names another service than the
icon it sits under (a CloudWatch icon labelled "AWS Single Sign-On"). Rules are ordered: the first
pattern that matches the shape's name or sidebar title wins; what no rule names is GENERIC_AWS_SERVICE
with its sidebar title as family. Run:

    python3 dev/drawio-kinds/generate_kinds.py ../shared/reference/drawio-aws-shapes.tsv > /tmp/rows.tsv

and paste the output between the BEGIN/END markers of kinds.tsv, or let the script do it:

    python3 dev/drawio-kinds/generate_kinds.py --write parsers/src/main/resources/io/atolint/model/kinds.tsv \
        ../shared/reference/drawio-aws-shapes.tsv

(the test DrawioShapeCoverageTest checks that every reference shape maps to a kind).
"""
import re
import sys

GROUPS = [
    (r'group_aws_cloud|groups\.aws_cloud$', 'AWS_CLOUD', 'AWS Cloud'),
    (r'group_region|groups\.region$', 'REGION', 'Region'),
    (r'group_account', 'ACCOUNT', 'Account'),
    (r'group_vpc|groups\.virtual_private_cloud$', 'VPC', 'VPC'),
    (r'group_availability_zone|groups\.availability_zone', 'AVAILABILITY_ZONE', 'Availability Zone'),
    (r'group_subnet|group_security_group|groups\.vpc_subnet$', 'SUBNET', 'VPC'),
    (r'groups\.security_group', 'SECURITY_GROUP', 'VPC'),
    (r'group_auto_scaling_group|groups\.auto_scaling_group|group_spot_fleet', 'AUTOSCALING_GROUP', 'EC2 Auto Scaling'),
    (r'group_on_premise|group_corporate_data_center|groups\.corporate_data_center$|groups\.server_contents', 'ON_PREMISES', 'On-premises'),
    (r'group_elastic_beanstalk|groups\.elastic_beanstalk_container$', 'BEANSTALK_ENVIRONMENT', 'Elastic Beanstalk'),
    (r'group_ec2_instance_contents|groups\.ec2_instance_contents|groups\.ec2_spot_instance', 'EC2_INSTANCE', 'EC2'),
    (r'group_elastic_load_balancing', 'LOAD_BALANCER', 'Elastic Load Balancing'),
    (r'groups\.rrect', 'DIAGRAM_GROUP', 'Group'),
]

# (pattern over "<name> | <title>", KIND, family). Order matters: specific before general.
RULES = [
    # services whose names contain another service's words
    (r'backup(?!.plan|.vault)', 'GENERIC_AWS_SERVICE', 'Backup'),
    (r'storage.gateway|volume.gateway|file.gateway|tape.gateway|cached.volum|non.cached|virtual.tape', 'GENERIC_AWS_SERVICE', 'Storage Gateway'),
    (r'\becr\b|container.registry', 'GENERIC_AWS_SERVICE', 'ECR'),
    (r'image.builder|reserved.instance|traffic.mirroring|network.access.analyzer|reachability.analyzer|microservice.extractor', 'GENERIC_AWS_SERVICE', 'EC2'),
    (r'mechanical.turk|assignment.task|human.intelligence', 'GENERIC_AWS_SERVICE', 'Mechanical Turk'),
    (r'deep.learning.containers', 'GENERIC_AWS_SERVICE', 'Deep Learning Containers'),
    # network
    (r'nat.gateway|vpcnat', 'NAT_GATEWAY', 'VPC'),
    (r'internet.gateway|\bigw\b', 'INTERNET_GATEWAY', 'VPC'),
    (r'egress.only', 'EGRESS_ONLY_GATEWAY', 'VPC'),
    (r'customer.gateway', 'CUSTOMER_GATEWAY', 'Site-to-Site VPN'),
    (r'vpn.gateway|virtual.gateway|vpcgateway|vpn_gateway', 'VPN_GATEWAY', 'Site-to-Site VPN'),
    (r'client.vpn', 'VPN_CONNECTION', 'Client VPN'),
    (r'vpn|site.to.site', 'VPN_CONNECTION', 'Site-to-Site VPN'),
    (r'direct.connect|dx.gateway', 'DX_CONNECTION', 'Direct Connect'),
    (r'transit.gateway.attachment|transit_gateway_attachment|tgw.attachment', 'TRANSIT_GATEWAY_ATTACHMENT', 'Transit Gateway'),
    (r'transit.gateway|cloud.wan.transit', 'TRANSIT_GATEWAY', 'Transit Gateway'),
    (r'peering', 'VPC_PEERING', 'VPC'),
    (r'endpoints?\b|privatelink|vpc.access.points', 'VPC_ENDPOINT', 'VPC'),
    (r'elastic.ip', 'ELASTIC_IP', 'VPC'),
    (r'network.access.control|\bnacl\b', 'NETWORK_ACL', 'VPC'),
    (r'flow.?logs', 'FLOW_LOG', 'VPC'),
    (r'route.?table|routetable|vpc.router|\brouter\b', 'ROUTE_TABLE', 'VPC'),
    (r'network.firewall', 'NETWORK_FIREWALL', 'Network Firewall'),
    (r'hosted.?zone|route.?53.table', 'ROUTE53_ZONE', 'Route 53'),
    (r'route.?53', 'ROUTE53_ZONE', 'Route 53'),
    (r'global.accelerator', 'GLOBAL_ACCELERATOR', 'Global Accelerator'),
    (r'\bsubnet\b|vpc.subnet', 'SUBNET', 'VPC'),
    (r'virtual.private.cloud|\bvpc\b(?!.lattice|.reachability|.network.access|.carrier|.traffic|.flow|.endpoint|.peering|.router|.customer|.internet|.vpn|.nat|.subnet|.access)', 'VPC', 'VPC'),
    (r'load.balanc|\belb\b|\balb\b|\bnlb\b', 'LOAD_BALANCER', 'Elastic Load Balancing'),
    (r'cloudfront|edge.location|streaming.distribution|download.distribution', 'CLOUDFRONT_DISTRIBUTION', 'CloudFront'),
    (r'api.gateway|api_gateway', 'API_GATEWAY', 'API Gateway'),
    (r'\bwaf\b|web.?app.firewall', 'WAF_WEB_ACL', 'WAF'),
    # data
    (r'aurora', 'AURORA_CLUSTER', 'RDS'),
    (r'documentdb|docdb', 'DOCDB_CLUSTER', 'DocumentDB'),
    (r'neptune', 'NEPTUNE_CLUSTER', 'Neptune'),
    (r'\brds\b|db.instance|database.instance|mysql|postgre|oracle.db|oracle.instance|sql.server|ms.sql|mariadb|sql.master|sql.slave|sql.primary|sql.replica|rds_|relational.database|\bdb.on.instance', 'RDS_INSTANCE', 'RDS'),
    (r'dynamodb|\bdax\b|db.accelerator', 'DYNAMODB_TABLE', 'DynamoDB'),
    (r'elasticache|memcached|\bredis\b|cache.node|memorydb', 'ELASTICACHE_CLUSTER', 'ElastiCache'),
    (r'elastic.file.system|\befs\b', 'EFS_FILE_SYSTEM', 'EFS'),
    (r'\bfsx\b', 'FSX_FILE_SYSTEM', 'FSx'),
    (r'opensearch|elasticsearch', 'OPENSEARCH_DOMAIN', 'OpenSearch Service'),
    (r'redshift', 'REDSHIFT_CLUSTER', 'Redshift'),
    (r'managed.streaming.for.kafka|\bmsk\b', 'MSK_CLUSTER', 'MSK'),
    (r'glacier|cold.storage|vault(?!.lock)', 'GLACIER_VAULT', 'S3 Glacier'),
    (r'\bs3\b|simple.storage|bucket|object\b|objects\b', 'S3_BUCKET', 'S3'),
    (r'\bsqs\b|simple.queue|\bqueue\b|\bmessage\b', 'SQS_QUEUE', 'SQS'),
    (r'\bsns\b|simple.notification|\btopic\b|notification', 'SNS_TOPIC', 'SNS'),
    (r'firehose', 'FIREHOSE_STREAM', 'Kinesis Data Firehose'),
    (r'kinesis|data.stream', 'KINESIS_STREAM', 'Kinesis'),
    # compute
    (r'auto.?scaling.group|spot.fleet', 'AUTOSCALING_GROUP', 'EC2 Auto Scaling'),
    (r'application.auto.scaling', 'APP_SCALING_TARGET', 'Application Auto Scaling'),
    (r'auto.?scaling', 'AUTOSCALING_GROUP', 'EC2 Auto Scaling'),
    (r'elastic.?beanstalk|beanstalk', 'BEANSTALK_ENVIRONMENT', 'Elastic Beanstalk'),
    (r'\beks\b|kubernetes|elastic.kubernetes', 'EKS_CLUSTER', 'EKS'),
    (r'\bfargate\b|ecs.service|ecs.task|\becs\b|elastic.container.service|ecs.anywhere|container.?[123]?\b|containers\b|\btask\b', 'ECS_SERVICE', 'ECS'),
    (r'lambda', 'LAMBDA_FUNCTION', 'Lambda'),
    (r'\bbatch\b', 'BATCH_COMPUTE_ENVIRONMENT', 'Batch'),
    (r'app.runner', 'APP_RUNNER_SERVICE', 'App Runner'),
    (r'\bemr\b|elastic.mapreduce|mapr|hdfs', 'EMR_CLUSTER', 'EMR'),
    (r'elastic.network.interface|\beni\b', 'NETWORK_INTERFACE', 'EC2'),
    (r'elastic.block.store|\bebs\b|\bvolume\b|multiple.volumes|\bpiops?\b|snapshot', 'EBS_VOLUME', 'EBS'),
    (r'\bami\b', 'LAUNCH_TEMPLATE', 'EC2'),
    (r'\bec2\b|instance|\binstances\b|\bspot\b|\bec2_', 'EC2_INSTANCE', 'EC2'),
    # security and identity
    (r'cognito', 'COGNITO_USER_POOL', 'Cognito'),
    (r'security.group', 'SECURITY_GROUP', 'VPC'),
    (r'\biam\b|identity.and.access|\brole\b|permissions|\bpolicy\b|\bsts\b|security.token|credential|mfa.token|saml|access.analyzer', 'IAM_ROLE', 'IAM'),
    (r'key.management|\bkms\b|data.encryption.key|encrypted.data', 'KMS_KEY', 'KMS'),
    (r'secrets.manager', 'SECRET', 'Secrets Manager'),
    (r'parameter.store', 'SSM_PARAMETER', 'Systems Manager'),
    (r'certificate.manager|\bacm\b|certificate', 'ACM_CERTIFICATE', 'Certificate Manager'),
    (r'macie', 'MACIE', 'Macie'),
    (r'inspector', 'INSPECTOR', 'Inspector'),
    (r'security.hub', 'SECURITY_HUB', 'Security Hub'),
    (r'guardduty', 'GUARDDUTY_DETECTOR', 'GuardDuty'),
    # governance and logging
    (r'cloudtrail', 'CLOUDTRAIL_TRAIL', 'CloudTrail'),
    (r'cloudwatch.alarm|\balarm\b', 'CLOUDWATCH_ALARM', 'CloudWatch'),
    (r'cloudwatch.logs|\blogs\b', 'LOG_GROUP', 'CloudWatch'),
    (r'backup.plan', 'BACKUP_PLAN', 'Backup'),
    (r'backup.vault', 'BACKUP_VAULT', 'Backup'),
    (r'config.rule', 'CONFIG_RULE', 'Config'),
    (r'\bconfig\b', 'CONFIG_RECORDER', 'Config'),
    (r'cloudformation|\bstack\b|change.set|\btemplate\b', 'NESTED_STACK', 'CloudFormation'),
]

DEVICES = (r'\b(car|camera2?|thermostat|sensor|coffee pot|lightbulb|door lock|bicycle|bycicle|travel|cart|'
           r'police emergency|medical emergency|rescue|actuator|servo|plc|generic device|hardware board|client|'
           r'mobile client|desktop|laptop|tablet|phone|alexa enabled device|echo|iot button|button|devices|'
           r'illustration devices|computer|windfarm|utility|house|temperature \w+ sensor|vibration sensor)\b')
OUTSIDE = [
    (r'\b(users?|authenticated user|requester|mobile worker|worker|mechanic|end user|actor|administrator)\b', 'USERS', 'Users'),
    (r'corporate data center|traditional server|office building|factory|\bdata ?center|oracle ?data ?center|on.?premises?\b|server contents|\bservers?\b|data ?server|oracle ?db ?server|oracle ?server|\bbank\b|application server', 'ON_PREMISES', 'On-premises'),
    (r'^internet\b|\| internet\b(?! of things)|internet alt', 'EXTERNAL_SYSTEM', 'Internet'),
]
IOT = r'internet of things|\biot\b|greengrass|freertos'

FAMILY_FIX = [
    (r'cloudwatch', 'CloudWatch'), (r'backup', 'Backup'), (r'systems.manager|run.command|state.manager|patch.manager|maintenance.window|session.manager|opscenter|automation|inventory|change.calendar|change.manager|incident.manager|app.config|application.manager', 'Systems Manager'),
    (r'iot|greengrass', 'IoT'), (r'sagemaker', 'SageMaker'), (r'single.sign|\bsso\b|identity.center', 'IAM Identity Center'),
    (r'organizations|organizational.unit', 'Organizations'), (r'opsworks', 'OpsWorks'), (r'simpledb', 'SimpleDB'),
    (r'braket', 'Braket'), (r'location.service', 'Location Service'), (r'mainframe', 'Mainframe Modernization'),
    (r'thinkbox', 'Thinkbox'), (r'opensearch', 'OpenSearch Service'), (r'workspaces', 'WorkSpaces'),
    (r'storage.gateway|cached.volume|non.cached|tape|virtual.tape|file.gateway|volume.gateway', 'Storage Gateway'),
    (r'codecommit|code.commit', 'CodeCommit'), (r'codepipeline|code.pipeline', 'CodePipeline'),
    (r'codedeploy|code.deploy', 'CodeDeploy'), (r'codebuild', 'CodeBuild'), (r'x.?ray', 'X-Ray'),
    (r'step.functions', 'Step Functions'), (r'swf', 'SWF'), (r'mechanical.turk', 'Mechanical Turk'),
]

STRIP = re.compile(r'^(amazon|aws)\s+', re.I)


def text_of(name, title):
    stem = re.sub(r'^mxgraph\.(aws4|aws3d|aws3|aws2|aws)\.', '', name)
    stem = re.sub(r'non.service.specific\.', '', stem)
    return (stem.replace('_', ' ').replace('.', ' ') + ' | ' + title).lower()


def family_of(title):
    t = STRIP.sub('', title.strip())
    t = STRIP.sub('', t)
    return t or title


def classify(lib, kind, name, title):
    t = text_of(name, title)
    if kind == 'grIcon' or '.groups.' in name:
        for pat, k, fam in GROUPS:
            if re.search(pat, name):
                return k, fam
    if lib.startswith('aws3d') and ('connector' in title.lower() or re.search(r'\b(arrow|arrowhead|arrowless|edge|dashed)', t)):
        return 'DIAGRAM_GROUP', 'Decoration'
    if re.search(DEVICES, t) and not re.search(r'vpn|workspaces|app streaming|appstream|snowball|outposts', t):
        return 'CLIENT_DEVICE', 'Device'
    if re.search(IOT, t):
        return 'GENERIC_AWS_SERVICE', 'IoT'
    for pat, k, fam in RULES:
        if re.search(pat, t):
            return k, fam
    for pat, k, fam in OUTSIDE:
        if re.search(pat, t) and not re.search(r'service|streaming|file cache|swf|turk', t):
            return k, fam
    for pat, fam in FAMILY_FIX:
        if re.search(pat, t):
            return 'GENERIC_AWS_SERVICE', fam
    return 'GENERIC_AWS_SERVICE', family_of(title)


ALIASES = {
    # short names people write on plain shapes
    'ec2': 'mxgraph.aws4.ec2', 'ec2 instance': 'mxgraph.aws4.ec2', 'amazon ec2': 'mxgraph.aws4.ec2',
    'rds': 'mxgraph.aws4.rds', 'amazon rds': 'mxgraph.aws4.rds', 'aurora': 'mxgraph.aws4.aurora',
    's3': 'mxgraph.aws4.s3', 'amazon s3': 'mxgraph.aws4.s3', 's3 bucket': 'mxgraph.aws4.s3',
    'lambda': 'mxgraph.aws4.lambda', 'aws lambda': 'mxgraph.aws4.lambda',
    'dynamodb': 'mxgraph.aws4.dynamodb', 'amazon dynamodb': 'mxgraph.aws4.dynamodb',
    'alb': 'mxgraph.aws4.application_load_balancer', 'application load balancer': 'mxgraph.aws4.application_load_balancer',
    'nlb': 'mxgraph.aws4.network_load_balancer', 'network load balancer': 'mxgraph.aws4.network_load_balancer',
    'elb': 'mxgraph.aws4.elastic_load_balancing', 'elastic load balancer': 'mxgraph.aws4.elastic_load_balancing',
    'elastic load balancing': 'mxgraph.aws4.elastic_load_balancing', 'load balancer': 'mxgraph.aws4.elastic_load_balancing',
    'nat gateway': 'mxgraph.aws4.nat_gateway', 'internet gateway': 'mxgraph.aws4.internet_gateway',
    'cloudfront': 'mxgraph.aws4.cloudfront', 'amazon cloudfront': 'mxgraph.aws4.cloudfront',
    'route 53': 'mxgraph.aws4.route_53', 'amazon route 53': 'mxgraph.aws4.route_53',
    'api gateway': 'mxgraph.aws4.api_gateway', 'amazon api gateway': 'mxgraph.aws4.api_gateway',
    'sqs': 'mxgraph.aws4.sqs', 'amazon sqs': 'mxgraph.aws4.sqs', 'sns': 'mxgraph.aws4.sns', 'amazon sns': 'mxgraph.aws4.sns',
    'elasticache': 'mxgraph.aws4.elasticache', 'amazon elasticache': 'mxgraph.aws4.elasticache',
    'ecs': 'mxgraph.aws4.ecs', 'amazon ecs': 'mxgraph.aws4.ecs', 'fargate': 'mxgraph.aws4.fargate', 'aws fargate': 'mxgraph.aws4.fargate',
    'eks': 'mxgraph.aws4.eks', 'amazon eks': 'mxgraph.aws4.eks', 'efs': 'mxgraph.aws4.elastic_file_system',
    'kms': 'mxgraph.aws4.key_management_service', 'aws kms': 'mxgraph.aws4.key_management_service',
    'waf': 'mxgraph.aws4.waf', 'aws waf': 'mxgraph.aws4.waf', 'cognito': 'mxgraph.aws4.cognito',
    'amazon cognito': 'mxgraph.aws4.cognito', 'cloudwatch': 'mxgraph.aws4.cloudwatch', 'amazon cloudwatch': 'mxgraph.aws4.cloudwatch',
    'cloudtrail': 'mxgraph.aws4.cloudtrail', 'aws cloudtrail': 'mxgraph.aws4.cloudtrail',
    'secrets manager': 'mxgraph.aws4.secrets_manager', 'aws secrets manager': 'mxgraph.aws4.secrets_manager',
    'redshift': 'mxgraph.aws4.redshift', 'amazon redshift': 'mxgraph.aws4.redshift',
    'kinesis': 'mxgraph.aws4.kinesis', 'amazon kinesis': 'mxgraph.aws4.kinesis',
    'transit gateway': 'mxgraph.aws4.transit_gateway', 'aws transit gateway': 'mxgraph.aws4.transit_gateway',
    'direct connect': 'mxgraph.aws4.direct_connect', 'aws direct connect': 'mxgraph.aws4.direct_connect',
    'vpn gateway': 'mxgraph.aws4.vpn_gateway', 'customer gateway': 'mxgraph.aws4.customer_gateway',
    'aws single sign-on': 'mxgraph.aws4.single_sign_on', 'aws sso': 'mxgraph.aws4.single_sign_on',
    'aws iam identity center': 'mxgraph.aws4.single_sign_on', 'iam identity center': 'mxgraph.aws4.single_sign_on',
    'opensearch': 'mxgraph.aws4.elasticsearch_service', 'amazon opensearch service': 'mxgraph.aws4.elasticsearch_service',
    'guardduty': 'mxgraph.aws4.guardduty', 'amazon guardduty': 'mxgraph.aws4.guardduty',
}


def main(path):
    rows = {}
    titles = {}
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        cols = line.rstrip('\n').split('\t')
        lib, kind, name, title = cols[0], cols[1], cols[2], cols[3]
        if not name.startswith('mxgraph.'):
            continue  # plain-group rows: recognised by style and label, not by name
        k, fam = classify(lib, kind, name, title)
        prev = rows.get(name)
        if prev and prev[0] != k:
            # a name used as a group and as an icon: the group meaning wins for grIcon rows only
            if kind != 'grIcon':
                continue
        rows[name] = (k, fam)
        titles.setdefault(title.strip().lower(), name)
    print('# ---- BEGIN draw.io shapes (generated by dev/drawio-kinds/generate_kinds.py; do not edit by hand) ----')
    for name in sorted(rows):
        k, fam = rows[name]
        print(f'{name}\t{k}\t{fam}')
    print('# draw.io labels: a plain shape labelled with one of these names is that service drawn without its icon')
    labels = {}
    for title, name in titles.items():
        if re.match(r'^(amazon|aws) ', title):
            labels[title] = rows[name]
    for alias, name in ALIASES.items():
        if name in rows:
            labels[alias] = rows[name]
        else:
            labels[alias] = classify('aws4', 'resIcon', name, alias)
    for label in sorted(labels):
        k, fam = labels[label]
        if k in ('DIAGRAM_GROUP',):
            continue
        print(f'label:{label}\t{k}\t{fam}')
    print('# ---- END draw.io shapes ----')


def write_into(kinds_tsv, reference):
    """Replaces the generated block of kinds.tsv in place."""
    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(reference)
    text = open(kinds_tsv, encoding='utf-8').read()
    begin = text.index('# ---- BEGIN draw.io shapes')
    end = text.index('# ---- END draw.io shapes ----') + len('# ---- END draw.io shapes ----\n')
    open(kinds_tsv, 'w', encoding='utf-8').write(text[:begin] + buf.getvalue() + text[end:])


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--write':
        write_into(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1])
