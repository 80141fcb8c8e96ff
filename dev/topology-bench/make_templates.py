#!/usr/bin/env python3
"""Synthetic CloudFormation templates for the topology benchmark (not fixtures: generated into a temp dir).

    make_templates.py OUT_DIR STACKS CHAIN

- wide.yaml: STACKS copies of a three-tier stack (two subnets per tier, ALB, target group, listener, ASG with a
  launch template naming the database in its user data, security groups admitting tier to tier, RDS), all in one
  template: 14 resources per stack.
- chain.yaml: a chain of CHAIN EC2 instances, each admitted by the next one's security group, behind one ALB: a
  traffic path of CHAIN hops (the recursion depth that overflows JGraphT's biconnectivity on a 1 MB stack).
- mesh.yaml: 12 layers of two ECS services, each admitted by both services of the layer before: 2^12 simple
  paths, of which the enumeration keeps its bound.
"""
import os
import sys


def stack(i):
    return f"""
  Subnet{i}A: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.{i % 250}.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}}}}
  Subnet{i}B: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.{i % 250}.1.0/24, AvailabilityZone: !Select [1, !GetAZs '']}}}}
  Data{i}A: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.{i % 250}.2.0/24, AvailabilityZone: !Select [0, !GetAZs '']}}}}
  Data{i}B: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.{i % 250}.3.0/24, AvailabilityZone: !Select [1, !GetAZs '']}}}}
  LbSg{i}: {{Type: AWS::EC2::SecurityGroup, Properties: {{GroupDescription: lb, VpcId: !Ref Vpc}}}}
  AppSg{i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{{IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref LbSg{i}}}]
  DbSg{i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{{IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg{i}}}]
  Lb{i}: {{Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {{Subnets: [!Ref Subnet{i}A, !Ref Subnet{i}B], SecurityGroups: [!Ref LbSg{i}]}}}}
  Tg{i}: {{Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {{VpcId: !Ref Vpc, Port: 8080, Protocol: HTTP}}}}
  Listener{i}:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {{LoadBalancerArn: !Ref Lb{i}, Port: 443, Protocol: HTTPS, DefaultActions: [{{Type: forward, TargetGroupArn: !Ref Tg{i}}}]}}
  Lt{i}:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        SecurityGroupIds: [!Ref AppSg{i}]
        UserData: {{'Fn::Base64': !Sub 'DB=${{Db{i}.Endpoint.Address}}'}}
  Asg{i}:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '4'
      VPCZoneIdentifier: [!Ref Subnet{i}A, !Ref Subnet{i}B]
      TargetGroupARNs: [!Ref Tg{i}]
      LaunchTemplate: {{LaunchTemplateId: !Ref Lt{i}, Version: '1'}}
  Group{i}: {{Type: AWS::RDS::DBSubnetGroup, Properties: {{DBSubnetGroupDescription: d, SubnetIds: [!Ref Data{i}A, !Ref Data{i}B]}}}}
  Db{i}: {{Type: AWS::RDS::DBInstance, Properties: {{Engine: postgres, MultiAZ: {str(i % 2 == 0).lower()}, DBSubnetGroupName: !Ref Group{i}, VPCSecurityGroups: [!Ref DbSg{i}]}}}}
"""


def header():
    return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/8}}\n"


def main():
    out, stacks, chain = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(os.path.join(out, 'wide'), exist_ok=True)
    with open(os.path.join(out, 'wide', 'wide.yaml'), 'w') as f:
        f.write(header() + ''.join(stack(i) for i in range(stacks)))
    os.makedirs(os.path.join(out, 'chain'), exist_ok=True)
    with open(os.path.join(out, 'chain', 'chain.yaml'), 'w') as f:
        f.write(header())
        f.write("  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs '']}}\n")
        f.write("  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs '']}}\n")
        f.write("  Lb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref A, !Ref B]}}\n")
        f.write("  Tg: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Targets: [{Id: !Ref I0}]}}\n")
        f.write("  L: {Type: AWS::ElasticLoadBalancingV2::Listener, Properties: {LoadBalancerArn: !Ref Lb, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]}}\n")
        for i in range(chain):
            nxt = f", SecurityGroupIngress: [{{SourceSecurityGroupId: !Ref Sg{i - 1}}}]" if i > 0 else ""
            f.write(f"  Sg{i}: {{Type: AWS::EC2::SecurityGroup, Properties: {{GroupDescription: s{nxt}}}}}\n")
            f.write(f"  I{i}: {{Type: AWS::EC2::Instance, Properties: {{SubnetId: !Ref {'A' if i % 2 == 0 else 'B'}, SecurityGroupIds: [!Ref Sg{i}]}}}}\n")
    os.makedirs(os.path.join(out, 'mesh'), exist_ok=True)
    with open(os.path.join(out, 'mesh', 'mesh.yaml'), 'w') as f:
        # Layers of two ECS services, each admitted by both services of the layer before: 2^LAYERS paths.
        f.write(header())
        f.write("  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs '']}}\n")
        f.write("  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs '']}}\n")
        f.write("  Lb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref A, !Ref B]}}\n")
        f.write("  Tg: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Port: 80}}\n")
        f.write("  L: {Type: AWS::ElasticLoadBalancingV2::Listener, Properties: {LoadBalancerArn: !Ref Lb, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]}}\n")
        layers = 12
        for k in range(layers):
            for side in 'XY':
                ingress = '' if k == 0 else (", SecurityGroupIngress: [{SourceSecurityGroupId: !Ref Sg%dX}, {SourceSecurityGroupId: !Ref Sg%dY}]" % (k - 1, k - 1))
                lb = ", LoadBalancers: [{TargetGroupArn: !Ref Tg}]" if k == 0 else ''
                f.write(f"  Sg{k}{side}: {{Type: AWS::EC2::SecurityGroup, Properties: {{GroupDescription: s{ingress}}}}}\n")
                f.write(f"  S{k}{side}: {{Type: AWS::ECS::Service, Properties: {{TaskDefinition: td, DesiredCount: 2{lb}, "
                        f"NetworkConfiguration: {{AwsvpcConfiguration: {{Subnets: [!Ref A, !Ref B], SecurityGroups: [!Ref Sg{k}{side}]}}}}}}}}\n")
        f.write("  Db: {Type: AWS::DynamoDB::Table, Properties: {BillingMode: PAY_PER_REQUEST}}\n")

if __name__ == '__main__':
    main()
