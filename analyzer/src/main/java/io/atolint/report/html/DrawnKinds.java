package io.atolint.report.html;

import io.atolint.model.Kind;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which resources the architecture picture draws, and in which family (colour). Supporting resources
 * (security groups, route tables, policies, listeners, launch templates...) are counted, not drawn: the
 * picture shows what runs and how traffic flows, the tables show the rest.
 */
final class DrawnKinds {
    /** A colour family of the picture. */
    enum Family { NETWORK, LOAD_BALANCING, COMPUTE, DATA, EDGE, OUTSIDE, OTHER }

    private static final Map<Kind, Family> FAMILY = new EnumMap<>(Kind.class);

    static {
        for (Kind k : new Kind[]{Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NAT_INSTANCE, Kind.EGRESS_ONLY_GATEWAY,
            Kind.VPN_GATEWAY, Kind.VPN_CONNECTION, Kind.DX_GATEWAY, Kind.DX_VIRTUAL_INTERFACE, Kind.TRANSIT_GATEWAY,
            Kind.VPC_PEERING, Kind.VPC_ENDPOINT, Kind.NETWORK_FIREWALL, Kind.GLOBAL_ACCELERATOR, Kind.ROUTE53_ZONE}) {
            FAMILY.put(k, Family.NETWORK);
        }
        FAMILY.put(Kind.LOAD_BALANCER, Family.LOAD_BALANCING);
        for (Kind k : new Kind[]{Kind.AUTOSCALING_GROUP, Kind.EC2_INSTANCE, Kind.ECS_SERVICE, Kind.EKS_CLUSTER,
            Kind.EKS_NODE_GROUP, Kind.EKS_FARGATE_PROFILE, Kind.LAMBDA_FUNCTION, Kind.BEANSTALK_ENVIRONMENT,
            Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.APP_RUNNER_SERVICE, Kind.EMR_CLUSTER}) {
            FAMILY.put(k, Family.COMPUTE);
        }
        for (Kind k : new Kind[]{Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.DYNAMODB_TABLE, Kind.ELASTICACHE_CLUSTER,
            Kind.ELASTICACHE_REPLICATION_GROUP, Kind.EFS_FILE_SYSTEM, Kind.FSX_FILE_SYSTEM, Kind.OPENSEARCH_DOMAIN,
            Kind.REDSHIFT_CLUSTER, Kind.DOCDB_CLUSTER, Kind.DOCDB_INSTANCE, Kind.NEPTUNE_CLUSTER, Kind.NEPTUNE_INSTANCE,
            Kind.MSK_CLUSTER, Kind.S3_BUCKET, Kind.SQS_QUEUE, Kind.SNS_TOPIC, Kind.KINESIS_STREAM, Kind.FIREHOSE_STREAM,
            Kind.GLACIER_VAULT}) {
            FAMILY.put(k, Family.DATA);
        }
        for (Kind k : new Kind[]{Kind.CLOUDFRONT_DISTRIBUTION, Kind.API_GATEWAY, Kind.WAF_WEB_ACL, Kind.COGNITO_USER_POOL}) {
            FAMILY.put(k, Family.EDGE);
        }
        for (Kind k : new Kind[]{Kind.USERS, Kind.CLIENT_DEVICE, Kind.ON_PREMISES, Kind.EXTERNAL_SYSTEM,
            Kind.CUSTOMER_GATEWAY, Kind.DX_CONNECTION}) {
            FAMILY.put(k, Family.OUTSIDE);
        }
        FAMILY.put(Kind.GENERIC_AWS_SERVICE, Family.OTHER);
    }

    private DrawnKinds() {
    }

    /** Whether a resource of this kind is drawn; unknown kinds only when a diagram drew them. */
    static boolean drawn(Kind k, boolean fromDiagram) {
        return FAMILY.containsKey(k) || (fromDiagram && k == Kind.UNKNOWN);
    }

    static Family family(Kind k) {
        return FAMILY.getOrDefault(k, Family.OTHER);
    }
}
