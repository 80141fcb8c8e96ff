package io.atolint.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which kinds serve requests, and in what role: the vocabulary that traffic derivation (parsers) and
 * the topology engine (analyzer) share, so that both agree on what a compute or a data resource is.
 */
public final class Workloads {
    private Workloads() {
    }

    /** Where traffic enters from outside the VPC or outside AWS. */
    public static final Set<Kind> INGRESS = unmodifiable(EnumSet.of(Kind.INTERNET_GATEWAY,
            Kind.CLOUDFRONT_DISTRIBUTION, Kind.API_GATEWAY, Kind.GLOBAL_ACCELERATOR, Kind.USERS, Kind.CLIENT_DEVICE,
            Kind.ON_PREMISES, Kind.EXTERNAL_SYSTEM, Kind.VPN_CONNECTION, Kind.DX_CONNECTION));

    public static final Set<Kind> LOAD_BALANCING = unmodifiable(EnumSet.of(Kind.LOAD_BALANCER));

    /** What runs application code. Clusters count only when traffic reaches them (diagrams draw them). */
    public static final Set<Kind> COMPUTE = unmodifiable(EnumSet.of(Kind.AUTOSCALING_GROUP, Kind.EC2_INSTANCE,
            Kind.ECS_SERVICE, Kind.EKS_NODE_GROUP, Kind.EKS_FARGATE_PROFILE, Kind.LAMBDA_FUNCTION,
            Kind.BEANSTALK_ENVIRONMENT, Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.APP_RUNNER_SERVICE, Kind.EMR_CLUSTER));

    /** Compute kinds that are logical groupings in IaC: compute only when a traffic relation reaches them. */
    public static final Set<Kind> COMPUTE_CLUSTERS = unmodifiable(EnumSet.of(Kind.ECS_CLUSTER, Kind.EKS_CLUSTER));

    /** Where state lives. Instances of a cluster are folded into the cluster ({@link #DATA_MEMBERS}). */
    public static final Set<Kind> DATA = unmodifiable(EnumSet.of(Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER,
            Kind.DYNAMODB_TABLE, Kind.ELASTICACHE_CLUSTER, Kind.ELASTICACHE_REPLICATION_GROUP, Kind.EFS_FILE_SYSTEM,
            Kind.FSX_FILE_SYSTEM, Kind.OPENSEARCH_DOMAIN, Kind.REDSHIFT_CLUSTER, Kind.DOCDB_CLUSTER, Kind.DOCDB_INSTANCE,
            Kind.NEPTUNE_CLUSTER, Kind.NEPTUNE_INSTANCE, Kind.MSK_CLUSTER, Kind.S3_BUCKET));

    public static final Set<Kind> EGRESS = unmodifiable(EnumSet.of(Kind.NAT_GATEWAY, Kind.NAT_INSTANCE));

    /** The services at the edge of AWS that the internet reaches (a line to one of them is the internet). */
    public static final Set<Kind> PUBLIC_EDGE = unmodifiable(EnumSet.of(Kind.INTERNET_GATEWAY,
            Kind.CLOUDFRONT_DISTRIBUTION, Kind.API_GATEWAY, Kind.ROUTE53_ZONE, Kind.ROUTE53_RECORD,
            Kind.GLOBAL_ACCELERATOR, Kind.WAF_WEB_ACL));

    public static boolean isCompute(Kind k) {
        return COMPUTE.contains(k);
    }

    public static boolean isData(Kind k) {
        return DATA.contains(k);
    }

    private static Set<Kind> unmodifiable(EnumSet<Kind> s) {
        return Collections.unmodifiableSet(s);
    }
}
