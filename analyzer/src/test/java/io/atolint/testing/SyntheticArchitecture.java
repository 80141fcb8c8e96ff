package io.atolint.testing;

/**
 * Generates a large CloudFormation template for tests and benchmarks of the architecture picture:
 * {@code vpcs} VPCs of three AZs each (public, app and data subnet per AZ, a NAT gateway per public
 * subnet), and per VPC {@code services} services of seven drawn resources each (internet-facing ALB,
 * Auto Scaling group, Multi-AZ RDS instance, Lambda in the VPC, SQS queue, DynamoDB table, S3 bucket)
 * with their supporting resources (target group, listener, launch template, subnet group), plus one
 * bastion instance per app subnet. {@code of(2, 14)} draws 210 resources.
 */
public final class SyntheticArchitecture {
    private SyntheticArchitecture() {
    }

    /** How many resources the picture draws for these sizes. */
    public static int drawn(int vpcs, int services) {
        return vpcs * (1 + 3 + 3 + services * 7);
    }

    public static String of(int vpcs, int services) {
        StringBuilder b = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nDescription: generated, "
                + vpcs + " VPCs x " + services + " services\nResources:\n");
        for (int v = 0; v < vpcs; v++) {
            String vpc = "Vpc" + v;
            b.append("  ").append(vpc).append(":\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.").append(v)
                    .append(".0.0/16\n");
            b.append("  Igw").append(v).append(":\n    Type: AWS::EC2::InternetGateway\n");
            b.append("  IgwAttach").append(v).append(":\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n")
                    .append("      VpcId: !Ref ").append(vpc).append("\n      InternetGatewayId: !Ref Igw").append(v).append('\n');
            for (int az = 0; az < 3; az++) {
                for (String tier : new String[]{"Public", "App", "Data"}) {
                    int third = tier.equals("Public") ? 0 : tier.equals("App") ? 1 : 2;
                    b.append("  ").append(tier).append("Subnet").append(v).append(az).append(":\n    Type: AWS::EC2::Subnet\n")
                            .append("    Properties:\n      VpcId: !Ref ").append(vpc).append("\n      CidrBlock: 10.").append(v)
                            .append('.').append(third * 10 + az).append(".0/24\n      AvailabilityZone: !Select [").append(az)
                            .append(", !GetAZs '']\n");
                    if (third == 0) {
                        b.append("      MapPublicIpOnLaunch: true\n");
                    }
                }
                b.append("  NatEip").append(v).append(az).append(":\n    Type: AWS::EC2::EIP\n");
                b.append("  Nat").append(v).append(az).append(":\n    Type: AWS::EC2::NatGateway\n    Properties:\n")
                        .append("      AllocationId: !GetAtt NatEip").append(v).append(az).append(".AllocationId\n")
                        .append("      SubnetId: !Ref PublicSubnet").append(v).append(az).append('\n');
                b.append("  Bastion").append(v).append(az).append(":\n    Type: AWS::EC2::Instance\n    Properties:\n")
                        .append("      ImageId: ami-0abcdef1234567890\n      InstanceType: t3.micro\n")
                        .append("      SubnetId: !Ref AppSubnet").append(v).append(az).append('\n');
            }
            for (int s = 0; s < services; s++) {
                service(b, v, s);
            }
        }
        return b.toString();
    }

    private static void service(StringBuilder b, int v, int s) {
        String id = v + "x" + s;
        String subnets = "[!Ref %1$s0, !Ref %1$s1, !Ref %1$s2]";
        b.append("  Alb").append(id).append(":\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n")
                .append("      Subnets: ").append(String.format(subnets, "PublicSubnet" + v)).append('\n');
        b.append("  Tg").append(id).append(":\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n")
                .append("      VpcId: !Ref Vpc").append(v).append("\n      Port: 8080\n      Protocol: HTTP\n");
        b.append("  Listener").append(id).append(":\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n")
                .append("      LoadBalancerArn: !Ref Alb").append(id).append("\n      Port: 443\n      Protocol: HTTPS\n")
                .append("      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref Tg").append(id).append('\n');
        b.append("  Lt").append(id).append(":\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n")
                .append("        ImageId: ami-0abcdef1234567890\n        UserData:\n          Fn::Base64: !Sub 'DB=${Db")
                .append(id).append(".Endpoint.Address}'\n");
        b.append("  Asg").append(id).append(":\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n")
                .append("      MinSize: '2'\n      MaxSize: '4'\n      VPCZoneIdentifier: ").append(String.format(subnets, "AppSubnet" + v))
                .append("\n      TargetGroupARNs: [!Ref Tg").append(id).append("]\n      LaunchTemplate:\n        LaunchTemplateId: !Ref Lt")
                .append(id).append("\n        Version: '1'\n");
        b.append("  DbSubnets").append(id).append(":\n    Type: AWS::RDS::DBSubnetGroup\n    Properties:\n")
                .append("      DBSubnetGroupDescription: data\n      SubnetIds: ").append(String.format(subnets, "DataSubnet" + v)).append('\n');
        b.append("  Db").append(id).append(":\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n")
                .append("      DBInstanceClass: db.t3.medium\n      AllocatedStorage: '20'\n      MultiAZ: true\n")
                .append("      StorageEncrypted: true\n      DBSubnetGroupName: !Ref DbSubnets").append(id).append('\n');
        b.append("  Fn").append(id).append(":\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n")
                .append("      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/fn\n      Code: {ZipFile: 'x'}\n")
                .append("      VpcConfig:\n        SubnetIds: ").append(String.format(subnets, "AppSubnet" + v))
                .append("\n      Environment:\n        Variables:\n          QUEUE: !Ref Queue").append(id)
                .append("\n          TABLE: !Ref Table").append(id).append('\n');
        b.append("  Queue").append(id).append(":\n    Type: AWS::SQS::Queue\n");
        b.append("  Table").append(id).append(":\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n")
                .append("      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n");
        b.append("  Bucket").append(id).append(":\n    Type: AWS::S3::Bucket\n");
    }
}
