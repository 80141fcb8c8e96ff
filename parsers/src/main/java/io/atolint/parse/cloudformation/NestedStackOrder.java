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
        Set<String> names = new java.util.HashSet<>(stacks);
        for (String s : stacks) {
            needs.put(s, siblingsNamed(resources.get(s).orElseThrow(), s, names));
        }
        // Kahn's order, the first ready stack in written order each time
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < stacks.size(); i++) {
            index.put(stacks.get(i), i);
        }
        Map<String, List<String>> dependents = new java.util.HashMap<>();
        Map<String, Integer> waiting = new java.util.HashMap<>();
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (String s : stacks) {
            waiting.put(s, needs.get(s).size());
            for (String n : needs.get(s)) {
                dependents.computeIfAbsent(n, k -> new ArrayList<>()).add(s);
            }
            if (needs.get(s).isEmpty()) {
                ready.add(index.get(s));
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        while (!ready.isEmpty()) {
            String s = stacks.get(ready.poll());
            done.add(s);
            out.add(s);
            for (String d : dependents.getOrDefault(s, List.of())) {
                if (waiting.merge(d, -1, Integer::sum) == 0) {
                    ready.add(index.get(d));
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
    private static Set<String> siblingsNamed(Node stack, String self, Set<String> stacks) {
        Set<String> found = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(stack);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_VISITED) {
            Node n = todo.pop();
            if (n instanceof Node.ScalarNode sc) {
                String text = sc.text();
                int dot = text.indexOf('.');
                name(text, self, stacks, found);
                name(dot < 0 ? text : text.substring(0, dot), self, stacks, found);
                for (int i = text.indexOf("${"); i >= 0; i = text.indexOf("${", i + 2)) {
                    int end = i + 2;
                    while (end < text.length() && text.charAt(end) != '}' && text.charAt(end) != '.') {
                        end++;
                    }
                    name(text.substring(i + 2, end), self, stacks, found);
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

    private static void name(String candidate, String self, Set<String> stacks, Set<String> found) {
        if (!candidate.equals(self) && stacks.contains(candidate)) {
            found.add(candidate);
        }
    }
}
