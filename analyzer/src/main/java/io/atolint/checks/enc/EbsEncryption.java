package io.atolint.checks.enc;

import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.rule.Check;
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
            Setting enabled = Setting.of(d, "Enabled");
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
            if (Setting.of(d, "Enabled").boolOrDefault() == Tri.TRUE) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static List<Volume> volumes(Resource r) {
        List<Volume> out = new ArrayList<>();
        switch (r.kind()) {
            case EBS_VOLUME -> out.add(new Volume(r.attributes(), ""));
            case LAUNCH_TEMPLATE -> mappings(r, out);
            case LAUNCH_CONFIGURATION, EC2_INSTANCE -> {
                mappings(r, out);
                for (String[] block : new String[][]{{"RootBlockDevice", "root block device"}, {"EbsBlockDevices", "ebs block device"}}) {
                    for (Value b : Setting.of(r, block[0]).items()) {
                        out.add(new Volume(b, block[1]));
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static void mappings(Resource r, List<Volume> out) {
        for (Value m : Setting.of(r, "BlockDeviceMappings").blocks()) {
            Setting ebs = Setting.in(r, "@BlockDeviceMapping", m, "Ebs");
            if (ebs.omitted()) {
                continue; // instance store or NoDevice
            }
            String device = Setting.in(r, "@BlockDeviceMapping", m, "DeviceName").string().orElse("?");
            out.add(new Volume(ebs.value(), "volume " + device));
        }
    }

    private static void judge(RuleContext ctx, Resource r, Volume v) {
        String name = Names.of(r) + (v.label().isEmpty() ? "" : " " + v.label());
        SourceLocation fallback = v.spec().location();
        Setting enc = Setting.in(r, "@EbsVolume", v.spec(), "Encrypted");
        String key = enc.name();
        if (enc.omitted()) {
            Setting snap = Setting.in(r, "@EbsVolume", v.spec(), "SnapshotId");
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
