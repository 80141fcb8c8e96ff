package io.atolint.rule;

import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Value;

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
        String t = r.attr("Type", "load_balancer_type").flatMap(Value::asString).orElse("application")
                .toLowerCase(Locale.ROOT);
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
            default -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
        };
    }
}
