package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A block of an override file merged into the block of the same type and labels, as Terraform merges them:
 * each argument the override sets replaces the original's, each nested block type it writes (a
 * {@code dynamic} block counting as the type it generates) replaces every nested block of that type, and
 * {@code lifecycle} is merged argument by argument. What comes from the override file keeps its positions
 * there, so that a finding about the merged value points at the line that set it.
 */
final class OverrideMerge {
    private OverrideMerge() {
    }

    static HclBlock merge(HclBlock base, HclBlock override, String overrideFile) {
        return new HclBlock(base.type(), base.labels(), mergeBody(base.body(), inFile(override.body(), overrideFile), true),
                base.pos());
    }

    private static HclBody mergeBody(HclBody base, HclBody override, boolean top) {
        Set<String> replacedNames = new HashSet<>();
        override.attributes().forEach(a -> replacedNames.add(a.name()));
        List<HclAttribute> attributes = new ArrayList<>();
        base.attributes().stream().filter(a -> !replacedNames.contains(a.name())).forEach(attributes::add);
        attributes.addAll(override.attributes());

        Set<String> replacedTypes = new HashSet<>();
        List<HclBlock> added = new ArrayList<>();
        HclBlock lifecycle = null;
        for (HclBlock b : override.blocks()) {
            if (top && b.type().equals("lifecycle")) {
                lifecycle = b;
            } else {
                replacedTypes.add(generated(b));
                added.add(b);
            }
        }
        List<HclBlock> blocks = new ArrayList<>();
        boolean lifecycleMerged = false;
        for (HclBlock b : base.blocks()) {
            if (lifecycle != null && b.type().equals("lifecycle")) {
                if (!lifecycleMerged) {
                    blocks.add(new HclBlock(b.type(), b.labels(), mergeBody(b.body(), lifecycle.body(), false), b.pos()));
                    lifecycleMerged = true;
                }
            } else if (!replacedTypes.contains(generated(b))) {
                blocks.add(b);
            }
        }
        if (lifecycle != null && !lifecycleMerged) {
            blocks.add(lifecycle);
        }
        blocks.addAll(added);
        return new HclBody(attributes, blocks);
    }

    /** The nested block type a block writes: its own, or for {@code dynamic "ingress"}, ingress. */
    private static String generated(HclBlock b) {
        return b.type().equals("dynamic") ? b.label(0) : b.type();
    }

    /** The body with every position in the override file. */
    static HclBody inFile(HclBody body, String file) {
        List<HclAttribute> attributes = new ArrayList<>();
        for (HclAttribute a : body.attributes()) {
            attributes.add(inFile(a, file));
        }
        List<HclBlock> blocks = new ArrayList<>();
        for (HclBlock b : body.blocks()) {
            blocks.add(new HclBlock(b.type(), b.labels(), inFile(b.body(), file), b.pos().in(file)));
        }
        return new HclBody(attributes, blocks);
    }

    static HclAttribute inFile(HclAttribute a, String file) {
        return new HclAttribute(a.name(), ExprRewriter.inFile(a.value(), file), a.pos().in(file));
    }
}
