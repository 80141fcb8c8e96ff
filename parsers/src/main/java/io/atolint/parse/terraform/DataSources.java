package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.RegionAzs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What data sources give before plan time. {@code aws_availability_zones} is the one that decides
 * placement: its {@code names} are the region's AZs, symbolic (element {@code i} of a family of
 * provably distinct zones) or, with {@code --region} or a root module whose default aws provider names
 * its region, the names of the region table minus {@code exclude_names}. {@code aws_iam_policy_document}
 * is built locally by the provider ({@link IamPolicyDocuments}); {@code aws_iam_policy} named by ARN has
 * that ARN (and AdministratorAccess its document); {@code aws_region} is the default provider's known Region.
 * Every other data source is UNKNOWN: it is read from the cloud.
 */
final class DataSources {
    private DataSources() {
    }

    static Value value(TerraformRun run, ModuleInstance module, ModuleConfig.Decl d, String type,
                       ModuleInstance.Instance instance, SourceLocation at) {
        String addr = instance.address();
        if (type.equals("aws_iam_policy_document")) {
            return IamPolicyDocuments.value(run, module, d, instance, at);
        }
        if (type.equals("aws_region")) {
            return region(run, d, addr, at);
        }
        if (type.equals("aws_iam_policy")) {
            return managedPolicy(run, module, d, instance, at);
        }
        if (!type.equals("aws_availability_zones")) {
            return new Value.Unknown(addr + " is read from the cloud at plan time", addr, List.of(), at);
        }
        Env env = new Env(module, d.file(), addr).with(instance.bindings());
        List<String> excluded = new ArrayList<>();
        // a filter is a nested block; Terraform's JSON syntax writes it as an object or an array of them
        boolean filtered = !d.block().body().blocks("filter").isEmpty() || d.block().body().attribute("filter").isPresent()
                || d.block().body().attribute("exclude_zone_ids").isPresent()
                || d.block().body().attribute("all_availability_zones").isPresent();
        HclAttribute ex = d.block().body().attribute("exclude_names").orElse(null);
        if (ex != null) {
            Value v = run.evaluate(ex.value(), env);
            if (v instanceof Value.ListV l && Values.isKnown(l)) {
                l.items().forEach(i -> excluded.add(Values.asText(i)));
            } else {
                filtered = true;
            }
        }
        Map<String, Value> m = new LinkedHashMap<>();
        String region = run.region();
        if (region != null && RegionAzs.of(region).isPresent() && !filtered) {
            List<Value> names = new ArrayList<>();
            List<String> all = RegionAzs.of(region).get();
            int i = 0;
            for (String az : all) {
                if (excluded.contains(az)) {
                    continue;
                }
                names.add(new Value.Scalar(az, addr + ".names[" + i + "] of " + region
                        + (run.regionSource().equals("--region") ? "" : " (" + run.regionSource() + ")"), at));
                i++;
            }
            m.put("names", Values.list(names, at));
            // which zone ID a name has differs between accounts: the IDs stay symbolic, distinct all the same
            m.put("zone_ids", new Value.Symbol(addr + ".zone_ids", -1, true,
                    "a zone ID of " + region, at));
            m.put("id", Values.str(region, at));
        } else {
            String why = region == null ? "AZ names depend on the region (give --region)"
                    : "AZ names of " + region + " after its filters are not known";
            m.put("names", new Value.Symbol(addr + ".names", -1, true, why, at));
            m.put("zone_ids", new Value.Symbol(addr + ".zone_ids", -1, true, why, at));
            m.put("id", new Value.Unknown("region not given", addr + ".id", List.of(), at));
        }
        return Values.map(m, at);
    }

    /**
     * {@code data "aws_region"}: the Region of the provider that reads it, when that is the default provider and
     * its Region is known (the root module's {@code provider "aws"}, or {@code --region}); a block that names a
     * Region ({@code name}, {@code region}) or another provider is read from the cloud.
     */
    private static Value region(TerraformRun run, ModuleConfig.Decl d, String addr, SourceLocation at) {
        HclBody body = d.block().body();
        String region = run.region();
        if (region == null || body.attribute("provider").isPresent() || body.attribute("name").isPresent()
                || body.attribute("region").isPresent() || body.attribute("endpoint").isPresent()) {
            return new Value.Unknown(addr + " is read from the cloud at plan time", addr, List.of(), at);
        }
        String how = addr + " of the default provider (" + run.regionSource() + ")";
        Map<String, Value> m = new LinkedHashMap<>();
        for (String attr : List.of("name", "region", "id")) {
            m.put(attr, new Value.Scalar(region, how, at));
        }
        return Values.map(m, at);
    }

    /** The document of the AWS managed policy AdministratorAccess, which AWS publishes and does not change. */
    private static final String ADMINISTRATOR_ACCESS =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /** {@code data "aws_iam_policy"}: its {@code arn} is the one configured; the rest is read from the cloud. */
    private static Value managedPolicy(TerraformRun run, ModuleInstance module, ModuleConfig.Decl d,
                                       ModuleInstance.Instance instance, SourceLocation at) {
        String addr = instance.address();
        String why = addr + " is read from the cloud at plan time";
        Env env = new Env(module, d.file(), addr).with(instance.bindings());
        Map<String, Value> m = new LinkedHashMap<>();
        HclAttribute arn = d.block().body().attribute("arn").orElse(null);
        if (arn != null) {
            Value v = run.evaluate(arn.value(), env);
            m.put("arn", v);
            if (v.asString().isPresent()) {
                if (v.asString().get().matches("arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess")) {
                    m.put("policy", Values.str(ADMINISTRATOR_ACCESS, at));
                }
            }
        }
        return new Value.MapV(m, Map.of(), at).withUnknownRest(why);
    }
}
