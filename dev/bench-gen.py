#!/usr/bin/env python3
"""Generates a realistic AWS architecture of about N resources, as CloudFormation and as Terraform.

usage: dev/bench-gen.py OUT_DIR N (cfn|tf)

The architecture is a platform of stacks (one CloudFormation template, or one Terraform root module,
per stack). Each stack is one VPC over three AZs: public, app and data subnets per AZ, an internet
gateway, a NAT gateway with its Elastic IP per AZ, a route table per private AZ with its default route
through that AZ's NAT gateway, a public route table through the internet gateway, VPC flow logs, a KMS
key, a log bucket with its policy and a DB subnet group. The stack then holds services, each an
internet-facing ALB with listener and target group, a launch template whose user data names its
database, an Auto Scaling group over the app subnets with a scaling policy and an alarm, security groups
chained ALB -> app -> database with their ingress rules, an IAM role and instance profile, a log group,
and on every other service a Multi-AZ encrypted RDS instance. Stacks hold up to SERVICES services
(about 300 resources, under CloudFormation's 500 per template); the last stack is cut and padded with
log groups so that the total is exactly N. The same stacks are written in both formats, so atolint
reads the same number of resources from either (Terraform with count and for_each).

Used by dev/bench; deterministic (the same N gives the same files).
"""
import os
import sys

SERVICES = 16
AZS = 3


def base_count():
    # vpc, igw, attach, public rt, public route, flow log, its log group, its role, kms key, bucket,
    # bucket policy, db subnet group = 12; per AZ: 3 subnets, eip, nat, private rt, private route,
    # 3 route table associations = 10
    return 12 + AZS * 10


def service_count(s):
    # alb sg, app sg, 2 ingress rules, alb, tg, listener, lt, asg, policy, alarm, role, profile, log group
    n = 14
    if s % 2 == 0:
        n += 3  # db sg, its ingress rule, db instance
    return n


def plan(n):
    """Stacks as (services, padding) so that the resource count is exactly n (n >= one stack's base)."""
    if n < base_count():
        sys.exit("N must be at least %d (one stack's network)" % base_count())
    stacks = []
    left = n
    while left >= base_count():
        size = base_count()
        services = 0
        while services < SERVICES and size + service_count(services) <= left:
            size += service_count(services)
            services += 1
        stacks.append((services, 0))
        left -= size
    if left:
        # what does not make a stack of its own: log groups in the last stack
        services, pad = stacks[-1]
        stacks[-1] = (services, pad + left)
    return stacks


# ---------------------------------------------------------------- CloudFormation

def cfn_stack(k, services, pad):
    o = []
    w = o.append
    w("AWSTemplateFormatVersion: '2010-09-09'\n")
    w("Description: generated platform stack %d (%d services)\n" % (k, services))
    w("Parameters:\n  Environment:\n    Type: String\n    Default: prod\n")
    w("  AmiId:\n    Type: AWS::EC2::Image::Id\n    Default: ami-0abcdef1234567890\n")
    w("Resources:\n")
    w("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.%d.0.0/16\n"
      "      EnableDnsHostnames: true\n      Tags: [{Key: Name, Value: !Sub '${Environment}-vpc-%d'}]\n" % (k % 256, k))
    w("  Igw:\n    Type: AWS::EC2::InternetGateway\n")
    w("  IgwAttachment:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n"
      "      VpcId: !Ref Vpc\n      InternetGatewayId: !Ref Igw\n")
    w("  PublicRouteTable:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc\n")
    w("  PublicDefaultRoute:\n    Type: AWS::EC2::Route\n    DependsOn: IgwAttachment\n    Properties:\n"
      "      RouteTableId: !Ref PublicRouteTable\n      DestinationCidrBlock: 0.0.0.0/0\n      GatewayId: !Ref Igw\n")
    w("  FlowLogGroup:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n"
      "      KmsKeyId: !GetAtt Key.Arn\n")
    w("  FlowLogRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
      "        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
      "            Principal: {Service: vpc-flow-logs.amazonaws.com}\n            Action: sts:AssumeRole\n")
    w("  FlowLog:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n      ResourceType: VPC\n"
      "      TrafficType: ALL\n      LogGroupName: !Ref FlowLogGroup\n      DeliverLogsPermissionArn: !GetAtt FlowLogRole.Arn\n")
    w("  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n"
      "        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
      "            Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}\n            Action: 'kms:*'\n"
      "            Resource: '*'\n")
    w("  LogBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n"
      "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n"
      "          - ServerSideEncryptionByDefault: {SSEAlgorithm: 'aws:kms', KMSMasterKeyID: !GetAtt Key.Arn}\n"
      "      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n"
      "        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n")
    w("  LogBucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref LogBucket\n"
      "      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Deny\n"
      "            Principal: '*'\n            Action: 's3:*'\n"
      "            Resource: [!GetAtt LogBucket.Arn, !Sub '${LogBucket.Arn}/*']\n"
      "            Condition: {Bool: {'aws:SecureTransport': 'false'}}\n")
    w("  DbSubnetGroup:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties:\n      DBSubnetGroupDescription: data tier\n"
      "      SubnetIds: [%s]\n" % ", ".join("!Ref DataSubnet%d" % a for a in range(AZS)))
    tiers = (("Public", 0), ("App", 1), ("Data", 2))
    for a in range(AZS):
        for tier, t in tiers:
            w("  %sSubnet%d:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
              "      CidrBlock: !Select [%d, !Cidr [!GetAtt Vpc.CidrBlock, 16, 8]]\n"
              "      AvailabilityZone: !Select [%d, !GetAZs '']\n" % (tier, a, t * AZS + a, a))
            if t == 0:
                w("      MapPublicIpOnLaunch: true\n")
        w("  NatEip%d:\n    Type: AWS::EC2::EIP\n    DependsOn: IgwAttachment\n    Properties:\n      Domain: vpc\n" % a)
        w("  Nat%d:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      AllocationId: !GetAtt NatEip%d.AllocationId\n"
          "      SubnetId: !Ref PublicSubnet%d\n" % (a, a, a))
        w("  PrivateRouteTable%d:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc\n" % a)
        w("  PrivateDefaultRoute%d:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref PrivateRouteTable%d\n"
          "      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref Nat%d\n" % (a, a, a))
        w("  PublicSubnet%dRoutes:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n"
          "      SubnetId: !Ref PublicSubnet%d\n      RouteTableId: !Ref PublicRouteTable\n" % (a, a))
        for tier in ("App", "Data"):
            w("  %sSubnet%dRoutes:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n"
              "      SubnetId: !Ref %sSubnet%d\n      RouteTableId: !Ref PrivateRouteTable%d\n" % (tier, a, tier, a, a))
    subnets = lambda tier: "[%s]" % ", ".join("!Ref %sSubnet%d" % (tier, a) for a in range(AZS))
    for s in range(services):
        n = "Svc%d" % s
        db = s % 2 == 0
        w("  %sAlbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: %s load balancer\n"
          "      VpcId: !Ref Vpc\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}\n"
          % (n, n))
        w("  %sAppSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: %s instances\n"
          "      VpcId: !Ref Vpc\n" % (n, n))
        w("  %sAppFromAlb:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref %sAppSg\n"
          "      IpProtocol: tcp\n      FromPort: 8080\n      ToPort: 8080\n      SourceSecurityGroupId: !Ref %sAlbSg\n"
          % (n, n, n))
        w("  %sAlbEgress:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !Ref %sAlbSg\n"
          "      IpProtocol: tcp\n      FromPort: 8080\n      ToPort: 8080\n      DestinationSecurityGroupId: !Ref %sAppSg\n"
          % (n, n, n))
        w("  %sAlb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Scheme: internet-facing\n"
          "      Subnets: %s\n      SecurityGroups: [!Ref %sAlbSg]\n"
          "      LoadBalancerAttributes:\n        - {Key: access_logs.s3.enabled, Value: 'true'}\n"
          "        - {Key: access_logs.s3.bucket, Value: !Ref LogBucket}\n" % (n, subnets("Public"), n))
        w("  %sTargets:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      VpcId: !Ref Vpc\n"
          "      Port: 8080\n      Protocol: HTTP\n      HealthCheckPath: /health\n" % n)
        w("  %sListener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n"
          "      LoadBalancerArn: !Ref %sAlb\n      Port: 443\n      Protocol: HTTPS\n"
          "      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n"
          "      Certificates: [{CertificateArn: !Sub 'arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/svc-%d'}]\n"
          "      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref %sTargets\n" % (n, n, s, n))
        user_data = ("!Sub 'DB_HOST=${%sDb.Endpoint.Address}'" % n) if db else "!Sub 'SERVICE=${AWS::StackName}-%s'" % n
        w("  %sRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
          "        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
          "            Principal: {Service: ec2.amazonaws.com}\n            Action: sts:AssumeRole\n"
          "      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore]\n" % n)
        w("  %sProfile:\n    Type: AWS::IAM::InstanceProfile\n    Properties:\n      Roles: [!Ref %sRole]\n" % (n, n))
        w("  %sLaunchTemplate:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n"
          "        ImageId: !Ref AmiId\n        InstanceType: m6i.large\n"
          "        IamInstanceProfile: {Arn: !GetAtt %sProfile.Arn}\n        SecurityGroupIds: [!Ref %sAppSg]\n"
          "        MetadataOptions: {HttpTokens: required}\n"
          "        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs: {Encrypted: true, VolumeSize: 30}\n"
          "        UserData:\n          Fn::Base64: %s\n" % (n, n, n, user_data))
        w("  %sAsg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '2'\n"
          "      MaxSize: '6'\n      VPCZoneIdentifier: %s\n      TargetGroupARNs: [!Ref %sTargets]\n"
          "      HealthCheckType: ELB\n      LaunchTemplate:\n        LaunchTemplateId: !Ref %sLaunchTemplate\n"
          "        Version: !GetAtt %sLaunchTemplate.LatestVersionNumber\n" % (n, subnets("App"), n, n, n))
        w("  %sScaling:\n    Type: AWS::AutoScaling::ScalingPolicy\n    Properties:\n      AutoScalingGroupName: !Ref %sAsg\n"
          "      PolicyType: TargetTrackingScaling\n      TargetTrackingConfiguration:\n"
          "        PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}\n"
          "        TargetValue: 60\n" % (n, n))
        w("  %sErrors:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/ApplicationELB\n"
          "      MetricName: HTTPCode_Target_5XX_Count\n      Dimensions: [{Name: LoadBalancer, Value: !GetAtt %sAlb.LoadBalancerFullName}]\n"
          "      Statistic: Sum\n      Period: 60\n      EvaluationPeriods: 5\n      Threshold: 10\n"
          "      ComparisonOperator: GreaterThanThreshold\n      AlarmActions: [!Sub 'arn:aws:sns:${AWS::Region}:${AWS::AccountId}:oncall']\n"
          % (n, n))
        w("  %sLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 90\n      KmsKeyId: !GetAtt Key.Arn\n" % n)
        if db:
            w("  %sDbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: %s database\n"
              "      VpcId: !Ref Vpc\n" % (n, n))
            w("  %sDbFromApp:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref %sDbSg\n"
              "      IpProtocol: tcp\n      FromPort: 5432\n      ToPort: 5432\n      SourceSecurityGroupId: !Ref %sAppSg\n"
              % (n, n, n))
            w("  %sDb:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties:\n      Engine: postgres\n"
              "      DBInstanceClass: db.r6g.large\n      AllocatedStorage: '100'\n      MultiAZ: true\n"
              "      StorageEncrypted: true\n      KmsKeyId: !Ref Key\n      BackupRetentionPeriod: 14\n"
              "      DBSubnetGroupName: !Ref DbSubnetGroup\n      VPCSecurityGroups: [!Ref %sDbSg]\n"
              "      MasterUsername: app\n      ManageMasterUserPassword: true\n" % (n, n))
    for p in range(pad):
        w("  Pad%d:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 30\n" % p)
    return "".join(o)


# ---------------------------------------------------------------- Terraform

def tf_stack(k, services, pad):
    o = []
    w = o.append
    w('# generated platform stack %d (%d services)\n' % (k, services))
    w('variable "environment" {\n  type    = string\n  default = "prod"\n}\n\n')
    w('variable "ami_id" {\n  type    = string\n  default = "ami-0abcdef1234567890"\n}\n\n')
    w('locals {\n  azs      = ["us-east-1a", "us-east-1b", "us-east-1c"]\n  cidr     = "10.%d.0.0/16"\n'
      '  services = {\n' % (k % 256))
    for s in range(services):
        w('    svc%d = { port = 8080, db = %s }\n' % (s, "true" if s % 2 == 0 else "false"))
    w('  }\n  with_db = { for k, v in local.services : k => v if v.db }\n}\n\n')
    w('resource "aws_vpc" "main" {\n  cidr_block           = local.cidr\n  enable_dns_hostnames = true\n'
      '  tags = {\n    Name = "${var.environment}-vpc-%d"\n  }\n}\n\n' % k)
    w('resource "aws_internet_gateway" "main" {\n  vpc_id = aws_vpc.main.id\n}\n\n')
    # aws_internet_gateway has vpc_id: the attachment exists as a separate resource for the CloudFormation count
    w('resource "aws_internet_gateway_attachment" "main" {\n  vpc_id              = aws_vpc.main.id\n'
      '  internet_gateway_id = aws_internet_gateway.main.id\n}\n\n')
    w('resource "aws_route_table" "public" {\n  vpc_id = aws_vpc.main.id\n}\n\n')
    w('resource "aws_route" "public_default" {\n  route_table_id         = aws_route_table.public.id\n'
      '  destination_cidr_block = "0.0.0.0/0"\n  gateway_id             = aws_internet_gateway.main.id\n}\n\n')
    w('resource "aws_cloudwatch_log_group" "flow" {\n  retention_in_days = 365\n  kms_key_id        = aws_kms_key.main.arn\n}\n\n')
    w('resource "aws_iam_role" "flow" {\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n'
      '    Statement = [{ Effect = "Allow", Principal = { Service = "vpc-flow-logs.amazonaws.com" }, Action = "sts:AssumeRole" }]\n'
      '  })\n}\n\n')
    w('resource "aws_flow_log" "main" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n'
      '  log_destination = aws_cloudwatch_log_group.flow.arn\n  iam_role_arn    = aws_iam_role.flow.arn\n}\n\n')
    w('resource "aws_kms_key" "main" {\n  enable_key_rotation = true\n}\n\n')
    w('resource "aws_s3_bucket" "logs" {\n  bucket = "${var.environment}-logs-%d"\n}\n\n' % k)
    w('resource "aws_s3_bucket_policy" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  policy = jsonencode({\n'
      '    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n'
      '      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]\n'
      '      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n\n')
    w('resource "aws_db_subnet_group" "data" {\n  subnet_ids = aws_subnet.data[*].id\n}\n\n')
    for tier, t in (("public", 0), ("app", 1), ("data", 2)):
        w('resource "aws_subnet" "%s" {\n  count             = length(local.azs)\n  vpc_id            = aws_vpc.main.id\n'
          '  cidr_block        = cidrsubnet(local.cidr, 8, %d + count.index)\n'
          '  availability_zone = local.azs[count.index]\n%s}\n\n'
          % (tier, t * AZS, '  map_public_ip_on_launch = true\n' if t == 0 else ''))
    w('resource "aws_eip" "nat" {\n  count  = length(local.azs)\n  domain = "vpc"\n}\n\n')
    w('resource "aws_nat_gateway" "main" {\n  count         = length(local.azs)\n  allocation_id = aws_eip.nat[count.index].id\n'
      '  subnet_id     = aws_subnet.public[count.index].id\n}\n\n')
    w('resource "aws_route_table" "private" {\n  count  = length(local.azs)\n  vpc_id = aws_vpc.main.id\n}\n\n')
    w('resource "aws_route" "private_default" {\n  count                  = length(local.azs)\n'
      '  route_table_id         = aws_route_table.private[count.index].id\n  destination_cidr_block = "0.0.0.0/0"\n'
      '  nat_gateway_id         = aws_nat_gateway.main[count.index].id\n}\n\n')
    w('resource "aws_route_table_association" "public" {\n  count          = length(local.azs)\n'
      '  subnet_id      = aws_subnet.public[count.index].id\n  route_table_id = aws_route_table.public.id\n}\n\n')
    for tier in ("app", "data"):
        w('resource "aws_route_table_association" "%s" {\n  count          = length(local.azs)\n'
          '  subnet_id      = aws_subnet.%s[count.index].id\n  route_table_id = aws_route_table.private[count.index].id\n}\n\n'
          % (tier, tier))
    if services:
        w('resource "aws_security_group" "alb" {\n  for_each    = local.services\n  description = "${each.key} load balancer"\n'
          '  vpc_id      = aws_vpc.main.id\n  ingress {\n    protocol    = "tcp"\n    from_port   = 443\n    to_port     = 443\n'
          '    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n\n')
        w('resource "aws_security_group" "app" {\n  for_each    = local.services\n  description = "${each.key} instances"\n'
          '  vpc_id      = aws_vpc.main.id\n}\n\n')
        w('resource "aws_security_group_rule" "app_from_alb" {\n  for_each                 = local.services\n'
          '  type                     = "ingress"\n  security_group_id        = aws_security_group.app[each.key].id\n'
          '  protocol                 = "tcp"\n  from_port                = each.value.port\n  to_port                  = each.value.port\n'
          '  source_security_group_id = aws_security_group.alb[each.key].id\n}\n\n')
        w('resource "aws_security_group_rule" "alb_to_app" {\n  for_each                 = local.services\n'
          '  type                     = "egress"\n  security_group_id        = aws_security_group.alb[each.key].id\n'
          '  protocol                 = "tcp"\n  from_port                = each.value.port\n  to_port                  = each.value.port\n'
          '  source_security_group_id = aws_security_group.app[each.key].id\n}\n\n')
        w('resource "aws_lb" "svc" {\n  for_each           = local.services\n  internal           = false\n'
          '  load_balancer_type = "application"\n  subnets            = aws_subnet.public[*].id\n'
          '  security_groups    = [aws_security_group.alb[each.key].id]\n  access_logs {\n'
          '    bucket  = aws_s3_bucket.logs.id\n    enabled = true\n  }\n}\n\n')
        w('resource "aws_lb_target_group" "svc" {\n  for_each = local.services\n  vpc_id   = aws_vpc.main.id\n'
          '  port     = each.value.port\n  protocol = "HTTP"\n  health_check {\n    path = "/health"\n  }\n}\n\n')
        w('resource "aws_lb_listener" "svc" {\n  for_each          = local.services\n  load_balancer_arn = aws_lb.svc[each.key].arn\n'
          '  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n'
          '  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/${each.key}"\n  default_action {\n'
          '    type             = "forward"\n    target_group_arn = aws_lb_target_group.svc[each.key].arn\n  }\n}\n\n')
        w('resource "aws_iam_role" "svc" {\n  for_each = local.services\n  assume_role_policy = jsonencode({\n'
          '    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]\n'
          '  })\n  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]\n}\n\n')
        w('resource "aws_iam_instance_profile" "svc" {\n  for_each = local.services\n  role     = aws_iam_role.svc[each.key].name\n}\n\n')
        w('resource "aws_launch_template" "svc" {\n  for_each               = local.services\n  image_id               = var.ami_id\n'
          '  instance_type          = "m6i.large"\n  vpc_security_group_ids = [aws_security_group.app[each.key].id]\n'
          '  iam_instance_profile {\n    arn = aws_iam_instance_profile.svc[each.key].arn\n  }\n'
          '  metadata_options {\n    http_tokens = "required"\n  }\n  block_device_mappings {\n    device_name = "/dev/xvda"\n'
          '    ebs {\n      encrypted   = true\n      volume_size = 30\n    }\n  }\n'
          '  user_data = base64encode(each.value.db ? "DB_HOST=${aws_db_instance.svc[each.key].address}" : "SERVICE=${each.key}")\n}\n\n')
        w('resource "aws_autoscaling_group" "svc" {\n  for_each            = local.services\n  min_size            = 2\n'
          '  max_size            = 6\n  vpc_zone_identifier = aws_subnet.app[*].id\n  target_group_arns   = [aws_lb_target_group.svc[each.key].arn]\n'
          '  health_check_type   = "ELB"\n  launch_template {\n    id      = aws_launch_template.svc[each.key].id\n'
          '    version = aws_launch_template.svc[each.key].latest_version\n  }\n}\n\n')
        w('resource "aws_autoscaling_policy" "svc" {\n  for_each               = local.services\n'
          '  autoscaling_group_name = aws_autoscaling_group.svc[each.key].name\n  policy_type            = "TargetTrackingScaling"\n'
          '  target_tracking_configuration {\n    predefined_metric_specification {\n'
          '      predefined_metric_type = "ASGAverageCPUUtilization"\n    }\n    target_value = 60\n  }\n}\n\n')
        w('resource "aws_cloudwatch_metric_alarm" "svc_errors" {\n  for_each            = local.services\n'
          '  namespace           = "AWS/ApplicationELB"\n  metric_name         = "HTTPCode_Target_5XX_Count"\n'
          '  dimensions = {\n    LoadBalancer = aws_lb.svc[each.key].arn_suffix\n  }\n  statistic           = "Sum"\n'
          '  period              = 60\n  evaluation_periods  = 5\n  threshold           = 10\n'
          '  comparison_operator = "GreaterThanThreshold"\n  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:oncall"]\n}\n\n')
        w('resource "aws_cloudwatch_log_group" "svc" {\n  for_each          = local.services\n  retention_in_days = 90\n'
          '  kms_key_id        = aws_kms_key.main.arn\n}\n\n')
        w('resource "aws_security_group" "db" {\n  for_each    = local.with_db\n  description = "${each.key} database"\n'
          '  vpc_id      = aws_vpc.main.id\n}\n\n')
        w('resource "aws_security_group_rule" "db_from_app" {\n  for_each                 = local.with_db\n'
          '  type                     = "ingress"\n  security_group_id        = aws_security_group.db[each.key].id\n'
          '  protocol                 = "tcp"\n  from_port                = 5432\n  to_port                  = 5432\n'
          '  source_security_group_id = aws_security_group.app[each.key].id\n}\n\n')
        w('resource "aws_db_instance" "svc" {\n  for_each                    = local.with_db\n  engine                      = "postgres"\n'
          '  instance_class              = "db.r6g.large"\n  allocated_storage           = 100\n  multi_az                    = true\n'
          '  storage_encrypted           = true\n  kms_key_id                  = aws_kms_key.main.arn\n'
          '  backup_retention_period     = 14\n  db_subnet_group_name        = aws_db_subnet_group.data.name\n'
          '  vpc_security_group_ids      = [aws_security_group.db[each.key].id]\n  username                    = "app"\n'
          '  manage_master_user_password = true\n}\n\n')
    if pad:
        w('resource "aws_cloudwatch_log_group" "pad" {\n  count             = %d\n  retention_in_days = 30\n}\n' % pad)
    return "".join(o)


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("cfn", "tf"):
        sys.exit(__doc__)
    out, n, fmt = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    stacks = plan(n)
    for k, (services, pad) in enumerate(stacks):
        if fmt == "cfn":
            with open(os.path.join(out, "stack-%04d.yaml" % k), "w") as f:
                f.write(cfn_stack(k, services, pad))
        else:
            d = os.path.join(out, "stack-%04d" % k)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "main.tf"), "w") as f:
                f.write(tf_stack(k, services, pad))
    total = sum(base_count() + sum(service_count(s) for s in range(sv)) + pad for sv, pad in stacks)
    print("%d stacks, %d resources" % (len(stacks), total))


if __name__ == "__main__":
    main()
