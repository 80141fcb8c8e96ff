package io.atolint.parse.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inside of a file or a block: attributes (in order; the last of duplicates wins) and nested blocks. */
public record HclBody(List<HclAttribute> attributes, List<HclBlock> blocks) {
    public HclBody {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    public static final HclBody EMPTY = new HclBody(List.of(), List.of());

    public Optional<HclAttribute> attribute(String name) {
        HclAttribute found = null;
        for (HclAttribute a : attributes) {
            if (a.name().equals(name)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    public Map<String, HclAttribute> attributeMap() {
        Map<String, HclAttribute> m = new LinkedHashMap<>();
        for (HclAttribute a : attributes) {
            m.put(a.name(), a);
        }
        return m;
    }

    public List<HclBlock> blocks(String type) {
        List<HclBlock> out = new ArrayList<>();
        for (HclBlock b : blocks) {
            if (b.type().equals(type)) {
                out.add(b);
            }
        }
        return out;
    }
}
