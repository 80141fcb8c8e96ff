"""The rule fixture cases of RECON001-RECON005 (called by make_fixtures.py). Each case is a diagram and
the IaC it should show; markers say where a finding (Noncompliant) or a note (Note) is expected."""


def tf_network(azs=('eu-west-1a', 'eu-west-1b'), extra=''):
    return '''
variable "azs" {
  type    = list(string)
  default = [%s]
}

resource "aws_vpc" "main" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_subnet" "app" {
  count             = %d
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.2.0.0/16", 8, count.index)
  availability_zone = var.azs[count.index]
}
''' % (', '.join('"%s"' % a for a in azs), len(azs)) + extra


def draw_tf_network(p, labels=('AZ a', 'AZ b'), stacked=False):
    """The drawing of tf_network: a VPC with one AZ box per AZ (side by side, or stacked) and an app subnet in each."""
    p.group('vpc', 'VPC', 'vpc', 40, 40, 900 if not stacked else 500, 460 if not stacked else 860)
    for i, label in enumerate(labels):
        x, y = (60 + i * 440, 80) if not stacked else (60, 80 + i * 400)
        w, h = (420, 400) if not stacked else (460, 380)
        if label is None:
            p.group('az%d' % i, '', 'az', x, y, w, h, parent='vpc')
        else:
            p.az_box('az%d' % i, label, x, y, w, h, parent='vpc')
        p.group('sn%d' % i, 'App subnet', 'private', x + 20, y + 40, w - 40, h - 60, parent='az%d' % i)


def main(case, Page, cfn_network, draw_network):
    recon001(case, Page, cfn_network, draw_network)
    recon002(case, Page, cfn_network, draw_network)
    recon003(case, Page, cfn_network, draw_network)
    recon004(case, Page)
    recon005(case, Page)
    read_against_other_drawings(case, Page)


# ---------------------------------------------------------------- RECON001 deployed but not drawn

def recon001(case, Page, cfn_network, draw_network):
    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:''' + cfn_network(nat_per_az=False) + '''
  AppServer:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.small
      SubnetId: !Ref AppSubnet1
  SessionCache:  # Noncompliant
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      CacheNodeType: cache.t3.small
      Engine: redis
      NumCacheClusters: 2
      AutomaticFailoverEnabled: true
  AssetsBucket:
    Type: AWS::S3::Bucket
  LogsBucket:  # Noncompliant
    Type: AWS::S3::Bucket
'''
    p = Page('Page-1')
    draw_network(p, nat_per_az=False)
    p.icon('app', 'App server', 'ec2', 240, 500, parent='app1')
    p.icon('assets', 'Assets', 's3', 930, 260, parent='region', colour='storage')
    case('RECON001', 'cfn-cache-and-bucket-not-drawn', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])

    tf = tf_network(('eu-west-1a', 'eu-west-1b', 'eu-west-1c'), '''
resource "aws_instance" "web" {  # Noncompliant
  count         = 3
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[count.index].id
}

resource "aws_dynamodb_table" "orders" {  # Noncompliant
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
''')
    p = Page('Page-1')
    draw_tf_network(p, ('AZ a', 'AZ b', 'AZ c'))
    p.icon('web1', 'Web 1', 'ec2', 200, 250, parent='sn0')
    p.icon('web2', 'Web 2', 'ec2', 640, 250, parent='sn1')
    case('RECON001', 'tf-instance-of-a-block-and-table-not-drawn', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # Compliant: what is not drawn is configuration, or drawn through what stands for it.
    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:''' + cfn_network(nat_per_az=False) + '''
  Cluster:
    Type: AWS::ECS::Cluster
  ApiTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
        - Name: api
          Image: public.ecr.aws/example/api:1
  ApiService:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      DesiredCount: 2
      TaskDefinition: !Ref ApiTask
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [!Ref AppSubnet1, !Ref AppSubnet2]
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: app subnets
      SubnetIds: [!Ref AppSubnet1, !Ref AppSubnet2]
  Ledger:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      DBSubnetGroupName: !Ref DbSubnets
  LedgerWriter:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Ledger
      DBInstanceClass: db.r6g.large
  ResizeFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handle
      Role: arn:aws:iam::123456789012:role/resize
      Code: {ZipFile: "def handle(e, c): pass"}
  ThumbnailFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handle
      Role: arn:aws:iam::123456789012:role/thumbs
      Code: {ZipFile: "def handle(e, c): pass"}
  FunctionLogs:
    Type: AWS::Logs::LogGroup
  LookupFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: lookup.handle
      Role: arn:aws:iam::123456789012:role/lookup
      Code: {ZipFile: "def handle(e, c): pass"}
  AmiLookup:
    Type: Custom::AmiLookup
    Properties:
      ServiceToken: !GetAtt LookupFunction.Arn
  CertificateParameter:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: arn:aws:acm:us-east-1:123456789012:certificate/example
  ApiSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: api
      VpcId: !Ref Network
'''
    p = Page('Page-1')
    draw_network(p, nat_per_az=False)
    p.icon('api1', 'API', 'fargate', 240, 500, parent='app1')
    p.icon('api2', 'API', 'fargate', 650, 500, parent='app2')
    p.icon('db', 'Ledger', 'aurora', 240, 600, parent='app1', colour='database')
    p.icon('fn', 'AWS Lambda', 'lambda', 930, 260, parent='region')
    case('RECON001', 'cfn-drawn-through-and-configuration', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])

    # CDK: labels against construct paths (the logical ids carry a hash)
    cdk = '''
{
  "Resources": {
    "WebAlb8A6E2B0C": {
      "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "Properties": {"Scheme": "internet-facing"},
      "Metadata": {"aws:cdk:path": "Shop/Web/Alb/Resource"}
    },
    "WebFleetASGD3B4A1F2": {
      "Type": "AWS::AutoScaling::AutoScalingGroup",
      "Properties": {"MinSize": "2", "MaxSize": "4"},
      "Metadata": {"aws:cdk:path": "Shop/Web/Fleet/ASG"}
    },
    "ReportsBucket5C2D37C4": {
      "Type": "AWS::S3::Bucket",
      "Metadata": {"aws:cdk:path": "Shop/Reports/Resource"}
    },
    "ArchiveBucketE1F2A3B4": {
      "Type": "AWS::S3::Bucket",
      "Metadata": {"aws:cdk:path": "Shop/Archive/Resource"}
    },
    "BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691": {
      "Type": "AWS::Lambda::Function",
      "Properties": {"Handler": "index.handler", "Runtime": "python3.11", "Role": "arn:aws:iam::123456789012:role/n",
                     "Code": {"ZipFile": "def handler(e, c): pass"}},
      "Metadata": {"aws:cdk:path": "Shop/BucketNotificationsHandler050a0587b7544547bf325f094a3db834/Resource"}
    },
    "ReportsNotifications3C3E2F1A": {
      "Type": "Custom::S3BucketNotifications",
      "Properties": {
        "ServiceToken": {"Fn::GetAtt": ["BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691", "Arn"]},
        "BucketName": {"Ref": "ReportsBucket5C2D37C4"}
      },
      "Metadata": {"aws:cdk:path": "Shop/Reports/Notifications/Resource"}
    }
  }
}
'''
    manifest = '''
{
  "version": "36.0.0",
  "artifacts": {
    "Shop": {
      "type": "aws:cloudformation:stack",
      "environment": "aws://unknown-account/unknown-region",
      "properties": {"templateFile": "Shop.template.json"},
      "displayName": "Shop"
    }
  }
}
'''
    p = Page('Page-1')
    p.glyph('alb', 'Web ALB', 'application_load_balancer', 100, 100)
    p.icon('fleet', 'Web fleet', 'ec2', 300, 100)
    p.icon('reports', 'Reports', 's3', 500, 100, colour='storage')
    p.icon('archive', 'Archive', 's3', 700, 100, colour='storage')
    case('RECON001', 'cdk-labels-against-construct-paths',
         {'cdk.out/manifest.json': manifest, 'cdk.out/Shop.template.json': cdk, 'architecture.drawio': [p]},
         [('architecture.drawio', ['cdk.out'])])

    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Assets:
    Type: AWS::S3::Bucket
  Replica:  # Note
    Type: AWS::DynamoDB::Table
    Condition: IsProd
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
'''
    p = Page('Page-1')
    p.icon('assets', 'Assets', 's3', 100, 100, colour='storage')
    case('RECON001', 'cfn-undecidable-condition-is-a-note', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])


# ---------------------------------------------------------------- RECON002 drawn but not deployed

def recon002(case, Page, cfn_network, draw_network):
    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:''' + cfn_network(nat_per_az=False) + '''
  AppServer:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.small
      SubnetId: !Ref AppSubnet1
'''
    p = Page('Page-1')
    draw_network(p, nat_per_az=False)
    p.icon('app', 'App server', 'ec2', 240, 500, parent='app1')
    p.marker('Noncompliant@+1')
    p.icon('bastion', 'Bastion host', 'ec2', 240, 600, parent='app1')
    p.marker('Noncompliant@+1')
    p.icon('cache', 'Session cache', 'elasticache', 650, 500, parent='app2', colour='database')
    case('RECON002', 'cfn-cache-and-bastion-not-deployed', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])

    tf = tf_network(extra='''
resource "aws_instance" "app" {
  count         = 2
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[count.index].id
}
''')
    p = Page('Page-1')
    draw_tf_network(p)
    p.icon('app0', 'App', 'ec2', 200, 250, parent='sn0')
    p.icon('app1', 'App', 'ec2', 640, 250, parent='sn1')
    p.marker('Noncompliant@+1')
    p.icon('dlq', 'Dead letters', 'sqs', 1000, 200, colour='integration')
    case('RECON002', 'tf-queue-not-deployed', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # Compliant: framing never counts; a generic service atolint has no IaC types for is a note.
    p = Page('Page-1')
    p.group('cloud', 'AWS Cloud', 'cloud', 20, 20, 980, 620)
    p.group('region', 'Region', 'region', 40, 50, 940, 570, parent='cloud')
    p.glyph('users', 'Customers', 'users', 1040, 200)
    p.group('onprem', 'Corporate data center', 'onprem', 1040, 400, 300, 240)
    p.glyph('server', 'ERP server', 'traditional_server', 1080, 460, parent='onprem')
    p.glyph('router', 'Edge router', 'router', 1200, 460, parent='onprem')
    draw_tf_network_in(p)
    p.icon('app0', 'App', 'ec2', 220, 300, parent='sn0')
    p.icon('app1', 'App', 'ec2', 660, 300, parent='sn1')
    p.plain('legend', 'Legend', 40, 700, 300, 120)
    p.icon('legend-ec2', 'EC2 instance', 'ec2', 60, 740, parent='legend')
    p.icon('legend-s3', 'Bucket', 's3', 160, 740, parent='legend', colour='storage')
    p.text('note', 'Traffic from customers arrives over HTTPS', 400, 700, 300, 40)
    p.marker('Note@+1')
    p.icon('flow', 'Order workflow', 'step_functions', 800, 120, parent='region', colour='integration')
    case('RECON002', 'tf-framing-never-counts', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])


def draw_tf_network_in(p):
    p.group('vpc', 'VPC', 'vpc', 60, 80, 900, 460, parent='region')
    for i, label in enumerate(('AZ a', 'AZ b')):
        x = 80 + i * 440
        p.az_box('az%d' % i, label, x, 120, 420, 400, parent='vpc')
        p.group('sn%d' % i, 'App subnet', 'private', x + 20, 160, 380, 340, parent='az%d' % i)


# ---------------------------------------------------------------- RECON003 AZ claims

ALB_TEMPLATE = '''
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Az1:
    Type: AWS::EC2::AvailabilityZone::Name%s
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  PublicSubnet1:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Network
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: !Ref Az1
  PublicSubnet2:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Network
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: !Select [0, !GetAZs '']
  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [!Ref PublicSubnet1, !Ref PublicSubnet2]
'''


def draw_alb(p, marks):
    p.group('vpc', 'VPC', 'vpc', 40, 40, 900, 300)
    p.az_box('az1', 'Availability Zone 1', 60, 80, 420, 240, parent='vpc')
    p.az_box('az2', 'Availability Zone 2', 500, 80, 420, 240, parent='vpc')
    p.group('pub1', 'Public subnet 1', 'public', 80, 120, 380, 180, parent='az1')
    if marks.get('pub2'):
        p.marker(marks['pub2'])
    p.group('pub2', 'Public subnet 2', 'public', 520, 120, 380, 180, parent='az2')
    if marks.get('alb'):
        p.marker(marks['alb'])
    p.glyph('alb', 'Web ALB', 'application_load_balancer', 466, 180, parent='vpc')


def recon003(case, Page, cfn_network, draw_network):
    # With --region us-east-1, GetAZs('')[0] is us-east-1a, the same AZ as the parameter's default.
    p = Page('Page-1')
    draw_alb(p, {'alb': 'Noncompliant@+1', 'pub2': 'Noncompliant@+1'})
    case('RECON003', 'cfn-alb-drawn-across-azs-deployed-in-one',
         {'template.yaml': ALB_TEMPLATE % '\n    Default: us-east-1a', 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])], 'region: us-east-1\n')

    # The AZ of the first subnet is a parameter without a value: the claim cannot be checked (a note).
    p = Page('Page-1')
    draw_alb(p, {'alb': 'Note@+1', 'pub2': 'Noncompliant@+1'})
    case('RECON003', 'cfn-az-parameter-without-value-is-a-note',
         {'template.yaml': ALB_TEMPLATE % '', 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])

    tf = tf_network(extra='''
resource "aws_db_subnet_group" "db" {
  subnet_ids = aws_subnet.app[*].id
}

resource "aws_db_instance" "orders" {
  identifier           = "orders"
  engine               = "postgres"
  instance_class       = "db.t3.medium"
  allocated_storage    = 20
  multi_az             = false
  db_subnet_group_name = aws_db_subnet_group.db.name
}
''')
    p = Page('Page-1')
    draw_tf_network(p)
    p.icon('db', 'Orders DB', 'rds', 200, 250, parent='sn0', colour='database')
    p.marker('Noncompliant@+1')
    p.glyph('standby', 'Orders DB standby', 'db_instance_standby', 640, 250, parent='sn1', colour='database')
    case('RECON003', 'tf-standby-drawn-without-multi-az', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # AZ boxes named by their literal names: the instance runs in eu-west-1a, drawn in eu-west-1b.
    tf = tf_network(extra='''
resource "aws_instance" "admin" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[0].id
}
''')
    p = Page('Page-1')
    draw_tf_network(p, ('eu-west-1a', 'eu-west-1b'))
    p.marker('Noncompliant@+1')
    p.icon('admin', 'Admin', 'ec2', 640, 250, parent='sn1')
    case('RECON003', 'tf-drawn-in-another-az', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # Compliant: AZ boxes stacked and unlabelled (the N-th from the top is the N-th AZ), a Multi-AZ
    # database drawn with its standby, one app server per AZ.
    tf = tf_network(('eu-west-1a', 'eu-west-1b'), '''
resource "aws_instance" "app" {
  count         = 2
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[count.index].id
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = aws_subnet.app[*].id
}

resource "aws_db_instance" "orders" {
  identifier           = "orders"
  engine               = "postgres"
  instance_class       = "db.t3.medium"
  allocated_storage    = 20
  multi_az             = true
  db_subnet_group_name = aws_db_subnet_group.db.name
}
''')
    p = Page('Page-1')
    draw_tf_network(p, (None, None), stacked=True)
    p.icon('app0', 'App server', 'ec2', 150, 200, parent='sn0')
    p.icon('app1', 'App server', 'ec2', 150, 600, parent='sn1')
    p.icon('db', 'Orders DB', 'rds', 350, 200, parent='sn0', colour='database')
    p.glyph('standby', 'Orders DB standby', 'db_instance_standby', 350, 600, parent='sn1', colour='database')
    case('RECON003', 'tf-stacked-azs-multi-az-standby', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # A diagram without AZs (as generators draw): its placement cannot be compared (a note), never false.
    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:''' + cfn_network(nat_per_az=False) + '''
  AppGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '4'
      VPCZoneIdentifier: [!Ref AppSubnet1, !Ref AppSubnet2]
'''
    p = Page('Page-1')
    p.group('vpc', 'VPC', 'vpc', 40, 40, 600, 300)
    p.marker('Note@+1')
    p.icon('app', 'App group', 'ec2', 100, 100, parent='vpc')
    case('RECON003', 'cfn-diagram-without-azs-is-a-note', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])


# ---------------------------------------------------------------- RECON004 redundant links

VPN_TEMPLATE = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Vgw:
    Type: AWS::EC2::VPNGateway
    Properties:
      Type: ipsec.1
  VgwAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: !Ref Network
      VpnGatewayId: !Ref Vgw
%s'''
ONE_LINK = '''  OfficeRouter:
    Type: AWS::EC2::CustomerGateway
    Properties:
      Type: ipsec.1
      IpAddress: 198.51.100.10
      BgpAsn: 65010
  OfficeVpn:
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: !Ref OfficeRouter
      VpnGatewayId: !Ref Vgw
'''
TWO_LINKS = ONE_LINK + '''  OfficeRouter2:
    Type: AWS::EC2::CustomerGateway
    Properties:
      Type: ipsec.1
      IpAddress: 198.51.100.20
      BgpAsn: 65010
  OfficeVpn2:
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: !Ref OfficeRouter2
      VpnGatewayId: !Ref Vgw
'''


def draw_office(p, marker=None):
    p.group('vpc', 'VPC', 'vpc', 40, 40, 500, 300)
    p.glyph('vgw', 'Virtual private gateway', 'vpn_gateway', 516, 150, parent='vpc')
    if marker:
        p.marker(marker)
    p.group('office', 'Head office', 'onprem', 700, 40, 300, 300)
    p.glyph('r1', 'Router 1', 'router', 760, 100, parent='office')
    p.glyph('r2', 'Router 2', 'router', 760, 220, parent='office')
    p.edge('l1', 'r1', 'vgw', 'VPN tunnel')
    p.edge('l2', 'r2', 'vgw', 'VPN tunnel')


def recon004(case, Page):
    p = Page('Page-1')
    draw_office(p, 'Noncompliant@+1')
    case('RECON004', 'cfn-two-links-drawn-one-customer-gateway',
         {'template.yaml': VPN_TEMPLATE % ONE_LINK, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])
    p = Page('Page-1')
    draw_office(p)
    case('RECON004', 'cfn-two-links-drawn-two-customer-gateways',
         {'template.yaml': VPN_TEMPLATE % TWO_LINKS, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])


# ---------------------------------------------------------------- RECON005 outside links

def recon005(case, Page):
    tf = tf_network(extra='''
resource "aws_instance" "erp" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[0].id
}
''')
    p = Page('Page-1')
    draw_tf_network(p)
    p.icon('erp', 'ERP', 'ec2', 200, 250, parent='sn0')
    p.glyph('vgw', 'VPN gateway', 'vpn_gateway', 916, 200, parent='vpc')
    p.group('dc', 'Data center', 'onprem', 1040, 120, 260, 240)
    p.glyph('srv', 'Mainframe', 'traditional_server', 1100, 200, parent='dc')
    p.marker('Noncompliant@+1')
    p.edge('vpn', 'srv', 'vgw', 'IPsec VPN')
    case('RECON005', 'tf-vpn-drawn-not-deployed', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    template = (VPN_TEMPLATE % ONE_LINK).replace('  Vgw:\n', '  Vgw:  # Noncompliant\n')
    p = Page('Page-1')
    p.group('vpc', 'VPC', 'vpc', 40, 40, 500, 300)
    case('RECON005', 'cfn-vpn-deployed-not-drawn', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])

    # Compliant: users reach the load balancer over the internet (not a link); the VPN is drawn as a line.
    template = (VPN_TEMPLATE % ONE_LINK) + '''  Igw:
    Type: AWS::EC2::InternetGateway
'''
    p = Page('Page-1')
    p.glyph('users', 'Users', 'users', 300, -120)
    p.group('vpc', 'VPC', 'vpc', 40, 40, 500, 300)
    p.glyph('igw', 'Internet gateway', 'internet_gateway', 266, 16, parent='vpc')
    p.group('office', 'Head office', 'onprem', 700, 40, 300, 300)
    p.glyph('r1', 'Office router', 'router', 760, 100, parent='office')
    p.edge('u', 'users', 'igw', 'HTTPS')
    p.edge('l1', 'r1', 'vpc', 'Site-to-Site VPN')
    case('RECON005', 'cfn-vpn-drawn-as-a-line-users-are-not-a-link',
         {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])


# ---------------------------------------------------------------- found by reading pairs nobody drew for the rules

def read_against_other_drawings(case, Page):
    # EC2 icons drawn in an Auto Scaling group box are the group's instances: a lone instance deployed in the
    # same AZ (even the same subnet) is not drawn by them, whatever their label; it is deployed but not drawn.
    tf = tf_network(extra='''
resource "aws_launch_template" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "web" {
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = aws_subnet.app[*].id
  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_instance" "bastion" {  # Noncompliant
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.app[1].id
}
''')
    p = Page('Page-1', nested=False)
    draw_tf_network(p)
    p.group('asg', 'Web tier', 'asg', 100, 200, 800, 140)
    p.icon('ec2a', 'EC2', 'ec2', 200, 250)
    p.icon('ec2b', 'EC2', 'ec2', 640, 250)
    case('RECON001', 'tf-ec2-icons-in-an-asg-box-are-not-a-lone-instance', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # An icon labelled otherwise and drawn in another subnet does not stand for the one instance of its kind:
    # the drawn app server is not deployed (and the bastion is not drawn), not "the bastion drawn in the wrong place".
    tf = tf_network(azs=('eu-west-1a', 'eu-west-1b'), extra='''
resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.2.100.0/24"
  availability_zone = var.azs[1]
}

resource "aws_instance" "bastion" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.public.id
}
''')
    p = Page('Page-1')
    draw_tf_network(p)
    p.marker('Noncompliant@+1')
    p.icon('app', 'App server', 'ec2', 640, 250, parent='sn1')
    case('RECON002', 'tf-icon-named-otherwise-in-another-subnet', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # Compliant except the lone secret: an icon of a service atolint knows by service only (AWS Backup) stands for
    # that service's plan, vault and selection; a database's credentials secret is the drawn database's
    # configuration. A secret nothing drawn uses is deployed but not drawn.
    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DbCredentials:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        SecretStringTemplate: '{"username": "orders"}'
        GenerateStringKey: password
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
      AllocatedStorage: '20'
      MultiAZ: true
      MasterUsername: !Sub '{{resolve:secretsmanager:${DbCredentials}:SecretString:username}}'
      MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbCredentials}:SecretString:password}}'
  PartnerApiKey:  # Noncompliant
    Type: AWS::SecretsManager::Secret
    Properties:
      Description: the key a partner's API gave us
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: orders
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: !Ref Vault
            ScheduleExpression: cron(0 5 * * ? *)
  Selection:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref Plan
      BackupSelection:
        SelectionName: orders
        IamRoleArn: arn:aws:iam::111122223333:role/backup
        Resources:
          - !Sub 'arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:${OrdersDb}'
'''
    p = Page('Page-1')
    p.group('region', 'Region', 'region', 20, 20, 700, 300)
    p.icon('db', 'Orders database', 'rds', 100, 100, parent='region', colour='database')
    p.icon('backup', 'AWS Backup', 'backup', 400, 100, parent='region', colour='storage')
    p.edge('b', 'backup', 'db', 'daily snapshots')
    case('RECON001', 'cfn-service-icon-and-database-secret', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])])

    # AZs named for another region than the one the scan resolves GetAZs in: one note, and the AZs are compared
    # by position (the drawing is otherwise faithful: no claim on any element).
    template = '''
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  AppSubnet1:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Network
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: !Select [0, !GetAZs '']
  AppSubnet2:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Network
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: !Select [1, !GetAZs '']
'''
    p = Page('Page-1')
    p.group('vpc', 'VPC', 'vpc', 40, 40, 900, 460)
    p.marker('Note@+1')
    p.az_box('az0', 'eu-west-1a', 60, 80, 420, 400, parent='vpc')
    p.az_box('az1', 'eu-west-1b', 500, 80, 420, 400, parent='vpc')
    p.group('sn0', 'App subnet 1', 'private', 80, 120, 380, 340, parent='az0')
    p.group('sn1', 'App subnet 2', 'private', 520, 120, 380, 340, parent='az1')
    case('RECON003', 'cfn-azs-named-in-another-region-is-a-note', {'template.yaml': template, 'architecture.drawio': [p]},
         [('architecture.drawio', ['template.yaml'])], 'region: us-east-1\n')

    # Two VPN links drawn from two routers; the Terraform has one customer gateway and one connection.
    tf = '''
resource "aws_vpc" "main" {
  cidr_block = "10.3.0.0/16"
}

resource "aws_vpn_gateway" "vgw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_customer_gateway" "office" {
  bgp_asn    = 65010
  ip_address = "198.51.100.10"
  type       = "ipsec.1"
}

resource "aws_vpn_connection" "office" {
  vpn_gateway_id      = aws_vpn_gateway.vgw.id
  customer_gateway_id = aws_customer_gateway.office.id
  type                = "ipsec.1"
}
'''
    p = Page('Page-1')
    draw_office(p, 'Noncompliant@+1')
    case('RECON004', 'tf-two-links-drawn-one-customer-gateway', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # A value the IaC leaves UNKNOWN never makes a claim false: Multi-AZ set from a variable with no value, a VPC
    # the subnets name by id (deployed elsewhere). Two notes; nothing decided.
    tf = '''
variable "env" {
  type = string
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_db_instance" "db" {
  engine               = "mysql"
  instance_class       = "db.t3.medium"
  allocated_storage    = 20
  multi_az             = var.env == "prod" ? true : false
  db_subnet_group_name = aws_db_subnet_group.db.name
}
'''
    for rule, name, vpc_marker, standby_marker in (
            ('RECON002', 'tf-existing-vpc-named-by-id-is-a-note', 'Note@+1', None),
            ('RECON003', 'tf-standby-under-an-unset-variable-is-a-note', None, 'Note@+1')):
        p = Page('Page-1')
        if vpc_marker:
            p.marker(vpc_marker)
        p.group('vpc', 'VPC', 'vpc', 40, 40, 900, 460)
        for i, label in enumerate(('eu-west-1a', 'eu-west-1b')):
            x = 60 + i * 440
            p.az_box('az%d' % i, label, x, 80, 420, 400, parent='vpc')
            p.group('sn%d' % i, 'DB subnet %s' % 'ab'[i], 'private', x + 20, 120, 380, 340, parent='az%d' % i)
        p.icon('dbp', 'MySQL primary', 'rds', 200, 200, parent='sn0', colour='database')
        if standby_marker:
            p.marker(standby_marker)
        p.glyph('dbs', 'MySQL standby', 'db_instance_standby', 640, 200, parent='sn1', colour='database')
        p.edge('r', 'dbp', 'dbs', 'synchronous replication')
        case(rule, name, {'main.tf': tf, 'architecture.drawio': [p]}, [('architecture.drawio', ['main.tf'])])

    # Three AZs drawn, two deployed: the subnet drawn in the third AZ is not "another drawing" of a subnet of the
    # first (a subnet lies in one AZ); it is drawn but not deployed, and the message says where.
    tf = tf_network()
    p = Page('Page-1')
    p.group('vpc', 'VPC', 'vpc', 40, 40, 1340, 460)
    for i, label in enumerate(('AZ a', 'AZ b', 'AZ c')):
        x = 60 + i * 440
        p.az_box('az%d' % i, label, x, 80, 420, 400, parent='vpc')
        if i == 2:
            p.marker('Noncompliant@+1')
        p.group('sn%d' % i, 'App subnet', 'private', x + 20, 120, 380, 340, parent='az%d' % i)
    case('RECON002', 'tf-subnet-drawn-in-a-third-az', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # Compliant: an AZ box with no number beside one named "AZ b" does not get a place in the IaC's list from its
    # position (it would be the second from the left, yet it is evidently the other one): the instance drawn in it
    # makes no claim about its AZ.
    tf = tf_network(extra='''
resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[0].id
}
''')
    p = Page('Page-1')
    p.group('vpc', 'VPC', 'vpc', 40, 40, 900, 460)
    for i, label in enumerate(('AZ b', 'Availability Zone')):
        x = 60 + i * 440
        p.az_box('az%d' % i, label, x, 80, 420, 400, parent='vpc')
        p.group('sn%d' % i, 'App subnet', 'private', x + 20, 120, 380, 340, parent='az%d' % i)
    p.icon('app', 'App', 'ec2', 640, 250, parent='sn1')
    case('RECON003', 'tf-unnamed-az-beside-a-named-one-has-no-place', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])

    # Compliant: the AWS Cloud drawn as an icon (the service glyph, labelled "AWS Cloud") rather than a group is framing
    # too (a real diagram draws it so on each of its pages).
    tf = tf_network(extra='''
resource "aws_instance" "app" {
  count         = 2
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.app[count.index].id
}
''')
    p = Page('Page-1')
    p.glyph('cloud', 'AWS Cloud', 'aws_cloud', 0, 0, colour='network')
    draw_tf_network(p)
    p.icon('app0', 'App', 'ec2', 200, 250, parent='sn0')
    p.icon('app1', 'App', 'ec2', 640, 250, parent='sn1')
    case('RECON002', 'tf-the-aws-cloud-as-an-icon-never-counts', {'main.tf': tf, 'architecture.drawio': [p]},
         [('architecture.drawio', ['main.tf'])])
