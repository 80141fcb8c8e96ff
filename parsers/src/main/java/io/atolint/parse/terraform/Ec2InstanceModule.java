package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code ec2-instance} module: the instance, or the spot instance request of {@code create_spot_instance}. */
final class Ec2InstanceModule extends ModelledCall {
    Ec2InstanceModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                      SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled ec2Instance() {
        Map<String, Value> out = new LinkedHashMap<>();
        Tri create = bool("create", true);
        if (create.isFalse()) {
            return new Modelled("ec2-instance", out);
        }
        Map<String, Value> inst = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = passThrough(inst, Map.of());
        blocksAsLists(inst, "root_block_device", "ebs_block_device");
        boolean spot = bool("create_spot_instance", false).isTrue();
        String type = spot ? "aws_spot_instance_request" : "aws_instance";
        String name = !spot && bool("ignore_ami_changes", false).isTrue() ? "ignore_ami" : "this";
        Value.Ref ref = addIn("", type, name, 0, inst, keys, where("subnet_id", "availability_zone", "instance_type"),
                maybe(create, "create"));
        out.put("id", id(ref));
        out.put("arn", attr(ref, "arn"));
        out.put("availability_zone", in("availability_zone").orElse(attr(ref, "availability_zone")));
        out.put("private_ip", attr(ref, "private_ip"));
        out.put("public_ip", attr(ref, "public_ip"));
        out.put("primary_network_interface_id", attr(ref, "primary_network_interface_id"));
        return new Modelled("ec2-instance", out);
    }
}
