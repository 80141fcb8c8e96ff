package io.atolint.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The one walk over {@link Value} trees: depth first, a node before its children, list items and map
 * entries in their order, and nothing nested deeper than {@link #maxDepth()} (the root is at depth 0).
 * Iterative, so a deep tree costs heap, never stack.
 *
 * <p>The bound is the nesting-depth safety limit ({@code --limit nesting-depth=N}, default
 * {@value #DEFAULT_MAX_DEPTH}, which {@code Limits.defaults()} takes from here): the readers refuse
 * YAML, JSON, HCL and XML nested deeper than that, so the standard walker sees the whole of every value
 * read under the default limits. Code that holds the scan's limits may pass them ({@link #bounded});
 * a caller that wants less on purpose passes its own bound and says why.
 */
public final class ValueWalker {
    public static final int DEFAULT_MAX_DEPTH = 200;

    private static final ValueWalker STANDARD = new ValueWalker(DEFAULT_MAX_DEPTH);

    private final int maxDepth;

    private ValueWalker(int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth bound must not be negative: " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /** Bounded by the default of the nesting-depth limit. */
    public static ValueWalker standard() {
        return STANDARD;
    }

    /** Bounded by {@code maxDepth} levels below the root. */
    public static ValueWalker bounded(int maxDepth) {
        return maxDepth == DEFAULT_MAX_DEPTH ? STANDARD : new ValueWalker(maxDepth);
    }

    public int maxDepth() {
        return maxDepth;
    }

    /**
     * One node met on a walk: its value, the node it sits in (null for the root), and its place there: the
     * map key, or the list index (-1 for a map entry and the root).
     */
    public record Node(Value value, Node parent, String key, int index, int depth, boolean cut) {

        /** A list or a map. */
        public boolean isCollection() {
            return value instanceof Value.ListV || value instanceof Value.MapV;
        }

        /** The map that holds this node as an entry, or null. */
        public Value.MapV parentMap() {
            return parent != null && parent.value() instanceof Value.MapV m ? m : null;
        }

        /** Where the node sits below the root, as {@code Properties.Tags[0].Value} (empty for the root). */
        public String path() {
            StringBuilder b = new StringBuilder();
            appendPath(b);
            return b.toString();
        }

        private void appendPath(StringBuilder b) {
            if (parent == null) {
                return;
            }
            parent.appendPath(b);
            if (key != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(key);
            } else {
                b.append('[').append(index).append(']');
            }
        }

        /**
         * Where the node sits below the root, its steps joined by {@code separator}: map keys, and list
         * indexes when {@code withIndexes} ({@code Properties/Tags/0/Value}, or {@code Properties/Tags/Value}).
         */
        public String path(String separator, boolean withIndexes) {
            List<String> steps = new ArrayList<>();
            for (Node n = this; n.parent() != null; n = n.parent()) {
                if (n.key() != null) {
                    steps.add(0, n.key());
                } else if (withIndexes) {
                    steps.add(0, Integer.toString(n.index()));
                }
            }
            return String.join(separator, steps);
        }
    }

    /**
     * Every node, root first. A collection at the depth bound is a node with {@link Node#cut()} true:
     * its children are not visited.
     */
    public Stream<Node> nodes(Value root) {
        if (root == null) {
            return Stream.empty();
        }
        if (!(root instanceof Value.ListV || root instanceof Value.MapV)) {
            return Stream.of(node(root, null, null, -1, 0)); // most values are leaves: no stack for them
        }
        Iterator<Node> it = new Iterator<>() {
            private final Deque<Node> stack = new ArrayDeque<>(List.of(node(root, null, null, -1, 0)));

            @Override
            public boolean hasNext() {
                return !stack.isEmpty();
            }

            @Override
            public Node next() {
                if (stack.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Node n = stack.pop();
                pushChildren(n, stack);
                return n;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Every value, root first (the values of {@link #nodes}). */
    public Stream<Value> values(Value root) {
        return nodes(root).map(Node::value);
    }

    /**
     * Visits the nodes root first; {@code visitor} answers whether to go into the node's children (a
     * leaf's answer does not matter). Children of a node at the depth bound are never visited.
     */
    public void walk(Value root, Predicate<Node> visitor) {
        if (root == null) {
            return;
        }
        Node first = node(root, null, null, -1, 0);
        if (!(root instanceof Value.ListV || root instanceof Value.MapV)) {
            visitor.test(first);
            return;
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(first);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (visitor.test(n)) {
                pushChildren(n, stack);
            }
        }
    }

    /** True when some node answers {@code test}, looking no further than the first that does. */
    public boolean anyMatch(Value root, Predicate<Node> test) {
        if (root == null) {
            return false;
        }
        Node first = node(root, null, null, -1, 0);
        if (!(root instanceof Value.ListV || root instanceof Value.MapV)) {
            return test.test(first);
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(first);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (test.test(n)) {
                return true;
            }
            pushChildren(n, stack);
        }
        return false;
    }

    /**
     * The resource references a value was built from, in walk order: every {@link Value.Ref}, and the
     * references an {@link Value.Unknown} keeps of its inputs.
     */
    public List<Value.Ref> refs(Value root) {
        List<Value.Ref> out = new ArrayList<>();
        walk(root, n -> {
            addRefs(n.value(), out);
            return true;
        });
        return out;
    }

    /** Adds the references of one node (not of its children): the Ref itself, or an Unknown's inputs. */
    public static void addRefs(Value v, java.util.Collection<Value.Ref> out) {
        out.addAll(refsOf(v));
    }

    /**
     * The references of one node (not of its children): the Ref itself, or an Unknown's inputs; the empty
     * list, made once, for the many values that are neither.
     */
    public static List<Value.Ref> refsOf(Value v) {
        if (v instanceof Value.Ref r) {
            return List.of(r);
        }
        if (v instanceof Value.Unknown u) {
            return u.refs();
        }
        return List.of();
    }

    private Node node(Value v, Node parent, String key, int index, int depth) {
        boolean cut = depth >= maxDepth && (v instanceof Value.ListV l && !l.items().isEmpty()
                || v instanceof Value.MapV m && !m.entries().isEmpty());
        return new Node(v, parent, key, index, depth, cut);
    }

    /** Pushes the children in reverse, so that they pop in their order. */
    private void pushChildren(Node n, Deque<Node> stack) {
        if (n.cut() || n.depth() >= maxDepth) {
            return;
        }
        if (n.value() instanceof Value.ListV l) {
            for (int i = l.items().size() - 1; i >= 0; i--) {
                Value child = l.items().get(i);
                if (child != null) {
                    stack.push(node(child, n, null, i, n.depth() + 1));
                }
            }
        } else if (n.value() instanceof Value.MapV m) {
            for (int i = m.size() - 1; i >= 0; i--) {
                Value child = m.valueAt(i);
                if (child != null) {
                    stack.push(node(child, n, m.keyAt(i), -1, n.depth() + 1));
                }
            }
        }
    }
}
