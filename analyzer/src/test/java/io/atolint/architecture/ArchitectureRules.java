package io.atolint.architecture;

import io.atolint.architecture.ClassDependencies.Edge;

import java.util.ArrayDeque;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The package graph atolint keeps (docs/architecture.md): it reads top-down, parse -> model -> graph ->
 * facts -> checks -> checklist -> reports, with the CLI around it. {@link #violations} names every class
 * edge that breaks a layering rule and every package cycle, so the test fails with the classes to change.
 */
final class ArchitectureRules {
    static final String ROOT = "io.atolint";

    /** A forbidden kind of edge between packages. */
    record Layering(String name, Predicate<String> from, Predicate<String> to) {
    }

    static final List<Layering> LAYERING = List.of(
            new Layering("a rule imports a parser (rules see the model, never a format)",
                    below("checks"), within("parse")),
            new Layering("a report imports a check (reports read findings and facts, not check internals)",
                    within("report"), below("checks")),
            new Layering("topology imports the rules (facts are derived beneath the rules that select from them)",
                    within("topology"), within("rule").or(within("checks"))),
            new Layering("the rule API imports a check (the list of checks lives beside the checks)",
                    within("rule"), within("checks")),
            new Layering("the parsers module imports the analyzer (parsers know nothing of checks or reports)",
                    parsersModule(), parsersModule().negate()));

    private ArchitectureRules() {
    }

    /** The packages of the parsers module. */
    static Predicate<String> parsersModule() {
        return within("model").or(within("parse")).or(within("resolve"));
    }

    /** {@code io.atolint.NAME} or a package below it. */
    static Predicate<String> within(String name) {
        String p = ROOT + "." + name;
        return pkg -> pkg.equals(p) || pkg.startsWith(p + ".");
    }

    /** A package strictly below {@code io.atolint.NAME} (not the package itself). */
    static Predicate<String> below(String name) {
        String p = ROOT + "." + name + ".";
        return pkg -> pkg.startsWith(p);
    }

    /** Every broken layering rule (one line per class edge) and every package cycle (one line per cycle). */
    static List<String> violations(Collection<Edge> edges) {
        List<String> out = new ArrayList<>();
        for (Layering rule : LAYERING) {
            for (Edge e : edges) {
                if (!e.fromPackage().equals(e.toPackage()) && rule.from().test(e.fromPackage())
                        && rule.to().test(e.toPackage())) {
                    out.add(rule.name() + ": " + e);
                }
            }
        }
        out.addAll(cycles(edges));
        return out;
    }

    /** The package dependencies, each with one class edge that makes it (the first in name order). */
    static Map<String, Map<String, Edge>> packageGraph(Collection<Edge> edges) {
        Map<String, Map<String, Edge>> g = new TreeMap<>();
        for (Edge e : edges) {
            g.computeIfAbsent(e.fromPackage(), k -> new TreeMap<>());
            g.computeIfAbsent(e.toPackage(), k -> new TreeMap<>());
            if (!e.fromPackage().equals(e.toPackage())) {
                g.get(e.fromPackage()).merge(e.toPackage(), e,
                        (a, b) -> a.toString().compareTo(b.toString()) <= 0 ? a : b);
            }
        }
        return g;
    }

    /**
     * Package cycles: the strongly connected components with more than one package (Tarjan, linear in
     * packages + dependencies), each shown as one shortest cycle through its first package, with the
     * class edge behind each step, and the other packages caught in the same tangle.
     */
    static List<String> cycles(Collection<Edge> edges) {
        Map<String, Map<String, Edge>> g = packageGraph(edges);
        List<String> out = new ArrayList<>();
        for (Set<String> scc : new Tarjan(g).components()) {
            if (scc.size() < 2) {
                continue;
            }
            String start = scc.iterator().next();
            List<String> cycle = shortestCycle(g, scc, start);
            StringBuilder b = new StringBuilder("package cycle of " + scc.size() + " packages " + scc + ": ");
            for (int i = 0; i + 1 < cycle.size(); i++) {
                b.append(i == 0 ? "" : "; ").append(g.get(cycle.get(i)).get(cycle.get(i + 1)));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Breadth-first from {@code start} back to it inside one component: start, ..., start. */
    private static List<String> shortestCycle(Map<String, Map<String, Edge>> g, Set<String> scc, String start) {
        Map<String, String> parent = new HashMap<>(); // start has none: the walk back ends there
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String p = queue.poll();
            for (String q : g.get(p).keySet()) {
                if (!scc.contains(q)) {
                    continue;
                }
                if (q.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String c = p; c != null; c = parent.get(c)) {
                        path.add(0, c);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(q) && !q.equals(start)) {
                    parent.put(q, p);
                    queue.add(q);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's strongly connected components, iterative so that a deep package graph cannot overflow. */
    private static final class Tarjan {
        private final Map<String, Map<String, Edge>> g;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> components = new ArrayList<>();
        private int next;

        Tarjan(Map<String, Map<String, Edge>> g) {
            this.g = g;
        }

        List<Set<String>> components() {
            for (String v : g.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return components;
        }

        private void visit(String root) {
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            open(root, work);
            while (!work.isEmpty()) {
                var top = work.peek();
                String v = top.getKey();
                if (top.getValue().hasNext()) {
                    String w = top.getValue().next();
                    if (!index.containsKey(w)) {
                        open(w, work);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> scc = new TreeSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (!w.equals(v));
                    components.add(scc);
                }
            }
        }

        private void open(String v, Deque<Map.Entry<String, Iterator<String>>> work) {
            index.put(v, next);
            low.put(v, next);
            next++;
            stack.push(v);
            onStack.add(v);
            work.push(new AbstractMap.SimpleEntry<>(v, g.get(v).keySet().iterator()));
        }
    }

    /** The package graph as text (one line per package and what it depends on), for the failure message. */
    static String describe(Collection<Edge> edges) {
        Map<String, Map<String, Edge>> g = packageGraph(edges);
        StringBuilder b = new StringBuilder();
        g.forEach((p, deps) -> b.append(p).append(" -> ").append(String.join(", ",
                deps.keySet().stream().map(d -> d.substring(ROOT.length() + 1)).toList())).append('\n'));
        return b.toString();
    }
}
