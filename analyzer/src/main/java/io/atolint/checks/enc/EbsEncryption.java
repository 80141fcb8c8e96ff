package io.atolint.checks.enc;

import io.atolint.checks.support.Setting;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Names;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EBS volumes, and the volumes that launch templates, launch configurations and instances declare, are
 * encrypted. A volume is unencrypted unless it says {@code Encrypted: true}, is created from an
 * encrypted snapshot (a note: the files do not say), or the account turns on EBS encryption by
 * default ({@code aws_ebs_encryption_by_default} in the scanned files: then everything passes; turned
 * off there, it is a finding itself). Root
 * volumes an instance takes from its AMI without a block device mapping are not judged: the AMI decides.
 */
@Rule(id = "ENC002", title = "EBS volumes are encrypted", severity = Severity.HIGH,
        tags = {"encryption", "data-protection"})
public final class EbsEncryption implements Check {

    /** One declared volume: the map holding {@code Encrypted}/{@code encrypted}, and how to call it. */
    private record Volume(Value spec, String label) {
    }

    @Override
    public void check(RuleContext ctx) {
        for (Resource d : ctx.inScope(Kind.EBS_DEFAULT_ENCRYPTION)) {
            Setting enabled = Setting.of(d, "enabled");
            if (enabled.unknown()) {
                ctx.note(d, enabled.at(), "EBS encryption by default (" + d.displayName() + "): cannot tell whether it is on: "
                        + enabled.name() + " is " + enabled.shown(), List.of());
            } else if (enabled.bool() == Tri.FALSE) {
                ctx.report(d, enabled.at(), "EBS encryption by default (" + d.displayName() + ") is turned off: "
                        + enabled.name() + " is " + enabled.shown() + "; new volumes are unencrypted unless each asks", List.of());
            }
        }
        Optional<Resource> byDefault = accountDefault(ctx);
        for (Resource r : ctx.graph().resources()) {
            List<Volume> volumes = volumes(r);
            if (volumes.isEmpty()) {
                continue;
            }
            ctx.examined(r);
            if (byDefault.isPresent()) {
                continue;
            }
            for (Volume v : volumes) {
                judge(ctx, r, v);
            }
        }
    }

    private static Optional<Resource> accountDefault(RuleContext ctx) {
        for (Resource d : ctx.graph().resources(Kind.EBS_DEFAULT_ENCRYPTION)) {
            if (Setting.of(d, "enabled").boolOr(true) == Tri.TRUE) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static List<Volume> volumes(Resource r) {
        List<Volume> out = new ArrayList<>();
        switch (r.kind()) {
            case EBS_VOLUME -> out.add(new Volume(r.attributes(), ""));
            case LAUNCH_TEMPLATE -> {
                mappings(r.attributes().at("LaunchTemplateData", "BlockDeviceMappings"), "Ebs", out);
                mappings(r.attr("block_device_mappings"), "ebs", out);
            }
            case LAUNCH_CONFIGURATION, EC2_INSTANCE -> {
                mappings(r.attr("BlockDeviceMappings"), "Ebs", out);
                for (String block : new String[]{"root_block_device", "ebs_block_device"}) {
                    for (Value b : r.attr(block).map(Value::asList).orElse(List.of())) {
                        out.add(new Volume(b, block.replace('_', ' ')));
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static void mappings(Optional<Value> list, String ebsKey, List<Volume> out) {
        for (Value m : list.map(Value::asList).orElse(List.of())) {
            Optional<Value> ebs = m.at(ebsKey);
            if (ebs.isEmpty()) {
                continue; // instance store or NoDevice
            }
            String device = m.at("DeviceName").or(() -> m.at("device_name")).flatMap(Value::asString).orElse("?");
            out.add(new Volume(ebs.get(), "volume " + device));
        }
    }

    private static void judge(RuleContext ctx, Resource r, Volume v) {
        String name = Names.of(r) + (v.label().isEmpty() ? "" : " " + v.label());
        SourceLocation fallback = v.spec().location();
        Setting enc = Setting.at(v.spec(), fallback, "Encrypted");
        String key = enc.omitted() ? Setting.spelling(r.format() == io.atolint.model.Format.TERRAFORM, "Encrypted") : enc.name();
        if (enc.omitted()) {
            Setting snap = Setting.at(v.spec(), fallback, "SnapshotId");
            if (!snap.omitted()) {
                ctx.note(r, snap.at(), name + " is created from snapshot " + snap.shown()
                        + ": it is encrypted only if the snapshot is, which the files do not say", List.of());
            } else {
                ctx.report(r, v.label().isEmpty() ? r.location() : fallback, name
                        + " is not encrypted: " + key + " is omitted (default: unencrypted unless EBS encryption by default is on)", List.of());
            }
            return;
        }
        Tri on = enc.bool();
        if (on == Tri.FALSE) {
            ctx.report(r, enc.at(), name + " is not encrypted: " + key + " is " + enc.shown(), List.of());
        } else if (on == Tri.UNKNOWN) {
            ctx.note(r, enc.at(), name + ": cannot prove it is encrypted: " + key + " is " + enc.shown(), List.of());
        }
    }
}
