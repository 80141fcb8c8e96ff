package io.atolint.parse.cloudformation;

import io.atolint.model.Kind;
import io.atolint.model.KindTable;
import io.atolint.parse.tree.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a template's resources are read in: its nested stacks first, each after the nested stacks it names
 * (a {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} or {@code DependsOn} of a sibling: the stacks it takes
 * outputs from), in the order written where nothing orders them (and for stacks that name each other in a
 * cycle); then every other resource, in the order written.
 */
final class NestedStackOrder {
    /** Nodes of one stack resource looked at for the names of its siblings, at most. */
    private static final int MAX_VISITED = 100_000;

    private NestedStackOrder() {
    }

    static List<String> of(Node.MapNode resources) {
        List<String> stacks = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String key : resources.keys()) {
            boolean stack = resources.get(key).orElse(null) instanceof Node.MapNode rn
                    && rn.get("Type").orElse(null) instanceof Node.ScalarNode t && t.value() instanceof String type
                    && KindTable.kindOf(type) == Kind.NESTED_STACK;
            (stack ? stacks : others).add(key);
        }
        if (stacks.size() < 2) {
            stacks.addAll(others);
            return stacks;
        }
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (String s : stacks) {
            needs.put(s, siblingsNamed(resources.get(s).orElseThrow(), s, stacks));
        }
        List<String> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && done.size() < stacks.size()) {
            progress = false;
            for (String s : stacks) {
                if (!done.contains(s) && done.containsAll(needs.get(s))) {
                    done.add(s);
                    out.add(s);
                    progress = true;
                    break; // the first ready one in written order, then look again from the top
                }
            }
        }
        for (String s : stacks) {
            if (!done.contains(s)) {
                out.add(s); // in a cycle: as written
            }
        }
        out.addAll(others);
        return out;
    }

    /** The other stacks whose names a stack's text uses as a whole value, before a dot, or in ${...}. */
    private static Set<String> siblingsNamed(Node stack, String self, List<String> stacks) {
        Set<String> found = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(stack);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_VISITED) {
            Node n = todo.pop();
            if (n instanceof Node.ScalarNode sc) {
                String text = sc.text();
                for (String other : stacks) {
                    if (!other.equals(self) && (text.equals(other) || text.startsWith(other + ".")
                            || text.contains("${" + other + "}") || text.contains("${" + other + "."))) {
                        found.add(other);
                    }
                }
            } else if (n instanceof Node.SeqNode q) {
                q.items().forEach(todo::push);
            } else if (n instanceof Node.MapNode m) {
                for (Node.Entry e : m.entries()) {
                    todo.push(e.value());
                }
            }
        }
        return found;
    }
}
