package io.atolint.model;

import java.util.Locale;

/** How messages call resources: "ALB \"Web\"", "RDS instance \"OrdersDb\"". */
public final class Names {
    private Names() {
    }

    /** ALB, NLB, GWLB or CLB, from the raw type and its type attribute. */
    public static String loadBalancerFlavour(Resource r) {
        String raw = r.rawType();
        if (raw.equals("AWS::ElasticLoadBalancing::LoadBalancer") || raw.equals("aws_elb")) {
            return "CLB";
        }
        Setting type = Setting.of(r, "Type");
        String t = type.stringOrDefault().orElse("").toLowerCase(Locale.ROOT);
        return switch (t) {
            case "network" -> "NLB";
            case "gateway" -> "GWLB";
            default -> r.format().isDiagram() ? "Load balancer" : "ALB";
        };
    }

    /** A short label and the quoted name: {@code ALB "Web"}. */
    public static String of(Resource r) {
        String label = r.kind() == Kind.LOAD_BALANCER ? loadBalancerFlavour(r) : kindLabel(r.kind());
        return label + " \"" + r.displayName() + "\"";
    }

    public static String kindLabel(Kind k) {
        String s = k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (k) {
            case RDS_INSTANCE -> "RDS instance";
            case AURORA_CLUSTER -> "Aurora cluster";
            case EC2_INSTANCE -> "EC2 instance";
            case ECS_SERVICE -> "ECS service";
            case EKS_NODE_GROUP -> "EKS node group";
            case NAT_GATEWAY -> "NAT gateway";
            case AUTOSCALING_GROUP -> "Auto Scaling group";
            case LAMBDA_FUNCTION -> "Lambda function";
            case VPC -> "VPC";
            case DOCDB_CLUSTER -> "DocumentDB cluster";
            case DOCDB_INSTANCE -> "DocumentDB instance";
            case NEPTUNE_CLUSTER -> "Neptune cluster";
            case NEPTUNE_INSTANCE -> "Neptune instance";
            case EFS_FILE_SYSTEM -> "EFS file system";
            case FSX_FILE_SYSTEM -> "FSx file system";
            case ELASTICACHE_CLUSTER -> "ElastiCache cluster";
            case ELASTICACHE_REPLICATION_GROUP -> "ElastiCache replication group";
            case OPENSEARCH_DOMAIN -> "OpenSearch domain";
            case MSK_CLUSTER -> "MSK cluster";
            case DYNAMODB_TABLE -> "DynamoDB table";
            case REDSHIFT_CLUSTER -> "Redshift cluster";
            case S3_BUCKET -> "S3 bucket";
            case NAT_INSTANCE -> "NAT instance";
            case API_GATEWAY -> "API Gateway";
            case CLOUDFRONT_DISTRIBUTION -> "CloudFront distribution";
            case VPN_CONNECTION -> "VPN connection";
            case VPN_GATEWAY -> "VPN gateway";
            case DX_CONNECTION -> "Direct Connect connection";
            case ECS_CLUSTER -> "ECS cluster";
            case EKS_CLUSTER -> "EKS cluster";
            case EKS_FARGATE_PROFILE -> "EKS Fargate profile";
            case TRANSIT_GATEWAY_ATTACHMENT -> "Transit gateway attachment";
            case INTERNET_GATEWAY -> "Internet gateway";
            case CLOUDTRAIL_TRAIL -> "CloudTrail trail";
            case S3_BUCKET_POLICY -> "S3 bucket policy";
            case S3_PUBLIC_ACCESS_BLOCK -> "S3 public access block";
            case S3_BUCKET_ACL -> "S3 bucket ACL";
            case KMS_KEY -> "KMS key";
            case KMS_KEY_POLICY -> "KMS key policy";
            case IAM_ROLE -> "IAM role";
            case IAM_USER -> "IAM user";
            case IAM_GROUP -> "IAM group";
            case IAM_POLICY -> "IAM policy";
            case IAM_POLICY_ATTACHMENT -> "IAM policy attachment";
            case IAM_ACCESS_KEY -> "IAM access key";
            case IAM_PASSWORD_POLICY -> "IAM password policy";
            case SQS_QUEUE -> "SQS queue";
            case SNS_TOPIC -> "SNS topic";
            case EBS_VOLUME -> "EBS volume";
            case ECS_TASK_DEFINITION -> "ECS task definition";
            case KINESIS_STREAM -> "Kinesis stream";
            case BACKUP_PLAN -> "Backup plan";
            case BACKUP_SELECTION -> "Backup selection";
            case BACKUP_VAULT -> "Backup vault";
            case CLOUDWATCH_ALARM -> "CloudWatch alarm";
            case CONFIG_RULE -> "Config rule";
            case CONFIG_RECORDER_STATUS -> "Config recorder status";
            case GUARDDUTY_DETECTOR -> "GuardDuty detector";
            case SECURITY_GROUP_INGRESS -> "Security group rule";
            case SECURITY_GROUP_EGRESS -> "Security group egress rule";
            case SSM_PARAMETER -> "SSM parameter";
            case MACIE -> "Macie";
            case MEMORYDB_CLUSTER -> "MemoryDB cluster";
            case DAX_CLUSTER -> "DAX cluster";
            case EMR_CLUSTER -> "EMR cluster";
            case NETWORK_ACL -> "Network ACL";
            case RDS_GLOBAL_CLUSTER -> "Aurora global database";
            default -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
        };
    }
}
