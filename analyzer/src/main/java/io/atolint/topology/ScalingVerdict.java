package io.atolint.topology;

import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.RelationType;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a compute or data resource has a scaling mechanism (checklist TV-4.1, option 1).
 *
 * @param scales TRUE with a mechanism (or scaled by construction), FALSE when fixed, UNKNOWN when the
 *               files do not say (a setting from a parameter, a drawn resource whose configuration is
 *               not stated, an EKS node group whose autoscaler runs in the cluster)
 * @param why    the mechanism or the fact that makes it fixed
 * @param at     where the deciding setting is written
 */
public record ScalingVerdict(Tri scales, String why, SourceLocation at) {
    /** The database instances that may be members of a cluster. */
    private static final Set<Kind> MEMBERS = EnumSet.of(Kind.RDS_INSTANCE, Kind.DOCDB_INSTANCE, Kind.NEPTUNE_INSTANCE);

    static ScalingVerdict of(ResourceGraph graph, Resource r) {
        List<Resource> mechanisms = Scaling.mechanisms(graph, r);
        String named = mechanisms.isEmpty() ? "" : mechanisms.get(0).displayName()
                + (mechanisms.size() > 1 ? " and " + (mechanisms.size() - 1) + " more" : "");
        // A drawn resource may carry entries (an SVG image, UserObject attributes) yet states no
        // configuration: every setting it is asked for is UNKNOWN (PageInterpreter's withUnknownRest).
        boolean declared = r.attributes().unknownRest() == null;
        return switch (r.kind()) {
            case LAMBDA_FUNCTION -> yes("Lambda scales with requests", r);
            case APP_RUNNER_SERVICE -> yes("App Runner scales with requests", r);
            case EKS_FARGATE_PROFILE -> yes("Fargate pods are scheduled on demand", r);
            case EFS_FILE_SYSTEM -> yes("EFS storage grows and shrinks elastically", r);
            case S3_BUCKET -> yes("S3 scales by construction", r);
            case AUTOSCALING_GROUP -> group(r, mechanisms, named);
            case ECS_SERVICE -> {
                if (!mechanisms.isEmpty()) {
                    yield yes("Application Auto Scaling target " + named, r);
                }
                if (Setting.of(r, "SchedulingStrategy").string().filter("DAEMON"::equalsIgnoreCase).isPresent()) {
                    yield yes("a daemon service runs one task per container instance", r);
                }
                yield declared ? no("no Application Auto Scaling target names it", Setting.of(r, "DesiredCount").at())
                        : unstated(r);
            }
            case EKS_NODE_GROUP -> nodeGroup(r);
            case EC2_INSTANCE -> no("an EC2 instance outside an Auto Scaling group has a fixed size", r.location());
            case BATCH_COMPUTE_ENVIRONMENT -> yes("AWS Batch scales the environment between its vCPU bounds", r);
            case BEANSTALK_ENVIRONMENT -> {
                Setting options = Setting.of(r, "OptionSettings");
                boolean single = options.present() && options.value().toString().contains("SingleInstance");
                yield single ? no("a single-instance environment does not scale", options.at())
                        : yes("Elastic Beanstalk load-balanced environments scale with their Auto Scaling group", r);
            }
            case EMR_CLUSTER -> stated(first(Setting.of(r, "ManagedScalingPolicy"), Setting.of(r, "AutoScalingRole")))
                    ? yes("EMR managed scaling or automatic scaling", r)
                    : declared ? no("no managed scaling policy", r.location()) : unstated(r);
            case DYNAMODB_TABLE -> table(r, mechanisms, named);
            case AURORA_CLUSTER, NEPTUNE_CLUSTER, DOCDB_CLUSTER -> cluster(graph, r, mechanisms, named);
            case RDS_INSTANCE, DOCDB_INSTANCE, NEPTUNE_INSTANCE -> no("an RDS instance has a fixed instance class"
                    + (stated(Setting.of(r, "MaxAllocatedStorage"))
                    ? " (MaxAllocatedStorage scales its storage only)" : ""), Setting.of(r, "DBInstanceClass").at());
            case ELASTICACHE_CLUSTER, ELASTICACHE_REPLICATION_GROUP, MSK_CLUSTER -> !mechanisms.isEmpty()
                    ? yes("Application Auto Scaling target " + named, r)
                    : declared ? no("no Application Auto Scaling target names it", r.location()) : unstated(r);
            case OPENSEARCH_DOMAIN -> no("an OpenSearch domain has a fixed number of nodes", r.location());
            case REDSHIFT_CLUSTER -> no("a provisioned Redshift cluster has a fixed number of nodes", r.location());
            case FSX_FILE_SYSTEM -> no("an FSx file system has a fixed provisioned capacity", r.location());
            case ECS_CLUSTER, EKS_CLUSTER -> unstated(r);
            default -> yes("not a scaled resource", r);
        };
    }

    /** Present and resolved: an UNKNOWN value (a drawn resource's unstated configuration) is not a mechanism. */
    private static boolean stated(Setting s) {
        return s.present() && !s.value().isUnknown();
    }

    /** The first of two settings that is present (else the second). */
    private static Setting first(Setting a, Setting b) {
        return a.present() ? a : b;
    }

    private static ScalingVerdict yes(String why, Resource r) {
        return new ScalingVerdict(Tri.TRUE, why, r.location());
    }

    private static ScalingVerdict no(String why, SourceLocation at) {
        return new ScalingVerdict(Tri.FALSE, why, at);
    }

    private static ScalingVerdict unstated(Resource r) {
        return new ScalingVerdict(Tri.UNKNOWN, "its configuration is not stated in the files", r.location());
    }

    private static ScalingVerdict group(Resource r, List<Resource> mechanisms, String named) {
        Setting minSize = Setting.of(r, "MinSize");
        Setting maxSize = Setting.of(r, "MaxSize");
        Optional<BigDecimal> min = minSize.number();
        Optional<BigDecimal> max = maxSize.number();
        if (!minSize.written() && !maxSize.written()) {
            // Sizes are required in IaC; an Auto Scaling group without them is drawn, and the drawn
            // group is the mechanism the drawing shows.
            return yes("an Auto Scaling group", r);
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) == 0) {
            return no(minSize.name() + " = " + maxSize.name() + " = " + max.get().toPlainString()
                    + ": nothing can change its size", maxSize.at());
        }
        if (!mechanisms.isEmpty()) {
            return yes("scaling policy or scheduled action " + named, r);
        }
        if (isKubernetesNodeGroup(r)) {
            return new ScalingVerdict(Tri.UNKNOWN, "a self-managed EKS node group (tagged " + CLUSTER_TAG
                    + "...) scales between its bounds with Cluster Autoscaler or Karpenter, which run in the cluster"
                    + " and are not in the files", maxSize.at());
        }
        return no("no scaling policy or scheduled action names it", maxSize.at());
    }

    private static final String CLUSTER_TAG = "kubernetes.io/cluster/";

    /** A group whose tags name a Kubernetes cluster ({@code kubernetes.io/cluster/NAME}): the cluster's nodes. */
    private static boolean isKubernetesNodeGroup(Resource r) {
        for (String name : List.of("Tags", "tag", "tags")) {
            Optional<io.atolint.model.Value> tags = r.attr(name);
            if (tags.isPresent() && namesCluster(tags.get())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesCluster(io.atolint.model.Value v) {
        if (v instanceof io.atolint.model.Value.Unknown u) {
            // tags whose keys are not known (dynamic "tag" over merge({"kubernetes.io/cluster/${var.name}" = ...}))
            return u.raw() != null && u.raw().contains(CLUSTER_TAG);
        }
        if (v instanceof io.atolint.model.Value.ListV l) {
            return l.items().stream().anyMatch(ScalingVerdict::namesCluster);
        }
        if (v instanceof io.atolint.model.Value.MapV m) {
            Optional<io.atolint.model.Value> key = m.get("Key");
            if (key.isPresent()) {
                return isClusterTag(key.get());
            }
            return m.entries().keySet().stream().anyMatch(k -> k.startsWith(CLUSTER_TAG));
        }
        return false;
    }

    private static boolean isClusterTag(io.atolint.model.Value key) {
        if (key instanceof io.atolint.model.Value.Scalar s && s.value() instanceof String text) {
            return text.startsWith(CLUSTER_TAG);
        }
        // kubernetes.io/cluster/${var.cluster_name}: the name is not known, the prefix is written
        return key instanceof io.atolint.model.Value.Unknown u && u.raw() != null && u.raw().contains(CLUSTER_TAG);
    }

    private static ScalingVerdict nodeGroup(Resource r) {
        Setting config = Setting.of(r, "ScalingConfig");
        Setting minSize = Setting.in(r, "@ScalingConfig", config.value(), "MinSize");
        Setting maxSize = Setting.in(r, "@ScalingConfig", config.value(), "MaxSize");
        Optional<BigDecimal> min = minSize.number();
        Optional<BigDecimal> max = maxSize.number();
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) == 0) {
            return no(minSize.name() + " = " + maxSize.name() + " = " + max.get().toPlainString(), config.at());
        }
        return new ScalingVerdict(Tri.UNKNOWN, "a node group scales between its bounds only with Cluster Autoscaler "
                + "or Karpenter, which run in the cluster and are not in the files", config.at());
    }

    private static ScalingVerdict table(Resource r, List<Resource> mechanisms, String named) {
        Setting billing = Setting.of(r, "BillingMode");
        Optional<String> mode = billing.string().map(s -> s.toUpperCase(Locale.ROOT));
        if (mode.isPresent() && mode.get().equals("PAY_PER_REQUEST")) {
            return yes("on-demand capacity", r);
        }
        if (!mechanisms.isEmpty()) {
            return yes("Application Auto Scaling target " + named, r);
        }
        if (Values.hasKey(r.attributes(), "WriteCapacityAutoScalingSettings")
                || Values.hasKey(r.attributes(), "ReadCapacityAutoScalingSettings")) {
            return yes("capacity auto scaling settings", r);
        }
        if (billing.present() && billing.string().isEmpty()) {
            return new ScalingVerdict(Tri.UNKNOWN, billing.name() + " is " + billing.value().describe(), billing.at());
        }
        Setting throughput = Setting.of(r, "ProvisionedThroughput");
        if (mode.isPresent() || throughput.present()) {
            return no("provisioned capacity and no Application Auto Scaling target",
                    billing.written() ? billing.at() : throughput.at());
        }
        return unstated(r);
    }

    private static ScalingVerdict cluster(ResourceGraph graph, Resource r, List<Resource> mechanisms, String named) {
        if (!mechanisms.isEmpty()) {
            return yes("replica auto scaling (" + named + ")", r);
        }
        if (stated(Setting.of(r, "ServerlessScaling"))
                || Setting.of(r, "EngineMode").string().filter("serverless"::equalsIgnoreCase).isPresent()) {
            return yes("serverless capacity", r);
        }
        for (Resource m : graph.sources(r, RelationType.REFERENCES)) {
            if (MEMBERS.contains(m.kind()) && Setting.of(m, "DBInstanceClass").string().filter("db.serverless"::equals).isPresent()) {
                return yes("Aurora Serverless v2 instance " + m.displayName(), r);
            }
        }
        if (r.attributes().unknownRest() != null) {
            return unstated(r);
        }
        return no("no replica auto scaling target and not serverless", r.location());
    }
}
