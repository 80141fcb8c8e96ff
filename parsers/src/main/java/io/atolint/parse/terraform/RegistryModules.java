package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology of the terraform-aws-modules registry modules most used in practice, modelled from
 * their inputs when their source is not on disk (no {@code terraform init}): which module a source names,
 * and the model of each ({@link VpcModule}, {@link DatabaseModules} for {@code rds} and {@code rds-aurora},
 * {@link AlbModule}, {@link AutoscalingModule}, {@link Ec2InstanceModule}, {@link EksModule}, {@link EcsModule}
 * for {@code ecs} and its {@code //modules/service}, {@link SecurityGroupModule}, {@link S3BucketModule},
 * {@link VpnGatewayModule}), on the inputs as {@link ModelledCall} reads them. A call with {@code count} or
 * {@code for_each} is modelled once per instance. Outputs the rules need are provided, others are UNKNOWN.
 */
final class RegistryModules {
    private static final String PREFIX = "terraform-aws-modules/";

    /** A modelled module call: its outputs. */
    record Modelled(String module, Map<String, Value> outputs) {
        Value output(String name, SourceLocation at) {
            Value v = outputs.get(name);
            return v != null ? v : new Value.Unknown("output " + name + " of the modelled registry module " + module
                    + " is not modelled", null, List.of(), at);
        }
    }

    /** A modelled call with {@code count} or {@code for_each}: each instance's outputs, by the instance's address. */
    record ModelledCalls(ModuleInstance.Expansion expansion, Map<String, Modelled> byAddress) {
    }

    /** terraform-aws-modules' GitHub repositories, by any of Terraform's ways of writing a Git source. */
    private static final java.util.regex.Pattern GITHUB = java.util.regex.Pattern.compile(
            "(?:git::)?(?:https://|ssh://git@|git@)?github\\.com[/:]terraform-aws-modules/terraform-aws-([a-z0-9-]+?)(?:\\.git)?(?:\\?.*)?");

    /**
     * The module's name in the registry ({@code vpc}), or null when the source is not one modelled here: a
     * registry address, or the module's GitHub repository at its root ({@code
     * git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.1.0}; a {@code //subdirectory},
     * in either form, is another module).
     */
    static String moduleOf(String source) {
        java.util.regex.Matcher git = GITHUB.matcher(source);
        if (git.matches()) {
            return moduleOf(PREFIX + git.group(1) + "/aws");
        }
        String s = source.startsWith("registry.terraform.io/") ? source.substring("registry.terraform.io/".length()) : source;
        if (s.equals(PREFIX + "ecs/aws//modules/service")) {
            return "ecs-service";
        }
        String presets = PREFIX + "security-group/aws//modules/";
        if (s.startsWith(presets) && NamedSecurityGroupRules.presetIngress(s.substring(presets.length())) != null) {
            return "security-group//" + s.substring(presets.length());
        }
        if (s.equals(PREFIX + "vpc/aws//modules/vpc-endpoints")) {
            return "vpc-endpoints";
        }
        // any other submodule ("terraform-aws-modules/rds/aws//modules/db_instance") is another module than the one modelled
        if (!s.startsWith(PREFIX) || s.contains("//")) {
            return null;
        }
        String[] parts = s.substring(PREFIX.length()).split("/");
        if (parts.length < 2 || !parts[1].startsWith("aws")) {
            return null;
        }
        return switch (parts[0]) {
            case "vpc", "rds", "rds-aurora", "alb", "autoscaling", "ec2-instance", "eks", "ecs", "security-group",
                 "vpn-gateway", "s3-bucket", "lambda", "dynamodb-table", "kms", "cloudfront" -> parts[0];
            default -> null;
        };
    }

    /**
     * Models the call, once per instance of its {@code count} or {@code for_each}: a {@link Modelled} for a
     * single call, {@link ModelledCalls} otherwise; null when the module is not one modelled here or its
     * instances are not known (then it is read as an opaque node, as any module not on disk).
     */
    static Object model(TerraformRun run, ModuleInstance parent, String name, ModuleConfig.Decl d, String source,
                        SourceLocation at) {
        String module = moduleOf(source);
        if (module == null) {
            return null;
        }
        ModuleInstance.Expansion x = parent.expansion("module", name, d);
        if (!x.isKnown()) {
            return null;
        }
        Map<String, Modelled> byAddress = new LinkedHashMap<>();
        for (ModuleInstance.Instance i : x.instances()) {
            byAddress.put(i.address(), build(module, run, parent, d, i, at));
        }
        run.note(at, "module " + name + " (source " + source + ") is not in the scanned files: the topology of the "
                + module + " module is modelled from its inputs");
        return x.mode().equals("single") ? byAddress.values().iterator().next() : new ModelledCalls(x, byAddress);
    }

    private static Modelled build(String module, TerraformRun run, ModuleInstance parent, ModuleConfig.Decl d,
                                  ModuleInstance.Instance i, SourceLocation at) {
        return switch (module) {
            case "vpc" -> new VpcModule(run, parent, d, i, at).vpc();
            case "rds" -> new DatabaseModules(run, parent, d, i, at).rds();
            case "rds-aurora" -> new DatabaseModules(run, parent, d, i, at).rdsAurora();
            case "alb" -> new AlbModule(run, parent, d, i, at).alb();
            case "autoscaling" -> new AutoscalingModule(run, parent, d, i, at).autoscaling();
            case "ec2-instance" -> new Ec2InstanceModule(run, parent, d, i, at).ec2Instance();
            case "eks" -> new EksModule(run, parent, d, i, at).eks();
            case "ecs" -> new EcsModule(run, parent, d, i, at).ecs();
            case "ecs-service" -> new EcsModule(run, parent, d, i, at).ecsService();
            case "security-group" -> new SecurityGroupModule(run, parent, d, i, at).securityGroup(null);
            case "vpn-gateway" -> new VpnGatewayModule(run, parent, d, i, at).vpnGateway();
            case "s3-bucket" -> new S3BucketModule(run, parent, d, i, at).s3Bucket();
            case "lambda" -> new LambdaModule(run, parent, d, i, at).lambda();
            case "dynamodb-table" -> new DynamoDbTableModule(run, parent, d, i, at).dynamodbTable();
            case "kms" -> new KmsModule(run, parent, d, i, at).kms();
            case "cloudfront" -> new CloudFrontModule(run, parent, d, i, at).cloudfront();
            case "vpc-endpoints" -> new VpcEndpointsModule(run, parent, d, i, at).vpcEndpoints();
            default -> new SecurityGroupModule(run, parent, d, i, at)
                    .securityGroup(module.substring("security-group//".length()));
        };
    }

    /**
     * Whether a module call's {@code version} constraint ({@code text}) allows only major versions from {@code major}
     * on (TRUE), only below it (FALSE), or both (UNKNOWN; also without a version). {@code "~> 4.0"} and
     * {@code "4.1.2"} are major 4, {@code ">= 3.0"} any major from 3, {@code ">= 3.0, < 5.0"} 3 or 4.
     */
    static Tri versionAtLeast(String text, int major) {
        if (text == null) {
            return Tri.UNKNOWN;
        }
        int lo = 0;
        int hi = Integer.MAX_VALUE;
        for (String part : text.split(",")) {
            java.util.regex.Matcher m = VERSION.matcher(part.strip());
            if (!m.matches()) {
                return Tri.UNKNOWN;
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            int x = Integer.parseInt(m.group(2));
            boolean zeroRest = (m.group(3) == null || Integer.parseInt(m.group(3)) == 0)
                    && (m.group(4) == null || Integer.parseInt(m.group(4)) == 0);
            switch (op) {
                case "=" -> {
                    lo = Math.max(lo, x);
                    hi = Math.min(hi, x);
                }
                case "~>" -> {
                    lo = Math.max(lo, x);
                    if (m.group(3) != null) {
                        hi = Math.min(hi, x);
                    }
                }
                case ">=", ">" -> lo = Math.max(lo, x);
                case "<" -> hi = Math.min(hi, zeroRest ? x - 1 : x);
                case "<=" -> hi = Math.min(hi, x);
                default -> {
                    // != leaves the range as it is
                }
            }
        }
        return lo >= major ? Tri.TRUE : hi < major ? Tri.FALSE : Tri.UNKNOWN;
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile(
            "(=|!=|~>|>=|<=|>|<)?\\s*v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?(?:[-+][0-9A-Za-z.-]{0,64})?");
}
