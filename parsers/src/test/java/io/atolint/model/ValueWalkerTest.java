package io.atolint.model;

import io.atolint.parse.Limits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueWalkerTest {
    private static final SourceLocation AT = SourceLocation.at("t.yaml", 1, 1);

    private static Value s(Object v) {
        return new Value.Scalar(v, "literal", AT);
    }

    private static Value.MapV map(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Value) kv[i + 1]);
        }
        return new Value.MapV(m, AT);
    }

    private static Value.ListV list(Value... items) {
        return new Value.ListV(List.of(items), AT);
    }

    /** Properties: {Name: a, Tags: [{Key: k, Value: v}], Sub: {Ref: Db}} */
    private static final Value.Ref DB = new Value.Ref("Db", null, AT);
    private static final Value.Ref KEY = new Value.Ref("Key", "Arn", AT);
    private static final Value.MapV TREE = map("Name", s("a"),
            "Tags", list(map("Key", s("k"), "Value", s("v"))),
            "Sub", map("Ref", DB, "Joined", new Value.Unknown("Fn::Join of a parameter", null, List.of(KEY), AT)));

    @Test
    void nodesComeRootFirstInDocumentOrderWithTheirPaths() {
        List<String> seen = ValueWalker.standard().nodes(TREE).map(n -> n.depth() + ":" + n.path()).toList();
        assertEquals(List.of("0:", "1:Name", "1:Tags", "2:Tags[0]", "3:Tags[0].Key", "3:Tags[0].Value", "1:Sub",
                "2:Sub.Ref", "2:Sub.Joined"), seen);
        ValueWalker.Node value = ValueWalker.standard().nodes(TREE).filter(n -> "Value".equals(n.key())).findFirst().orElseThrow();
        assertEquals("Tags/0/Value", value.path("/", true));
        assertEquals("Tags/Value", value.path("/", false));
        assertEquals("k", value.parentMap().get("Key").flatMap(Value::asString).orElseThrow());
    }

    @Test
    void refsAreTheRefsAndWhatUnknownValuesWereBuiltFrom() {
        assertEquals(List.of(DB, KEY), ValueWalker.standard().refs(TREE));
        assertEquals(List.of(), ValueWalker.standard().refs(null));
    }

    @Test
    void anyMatchStopsAtTheFirstMatch() {
        List<String> tested = new ArrayList<>();
        assertTrue(ValueWalker.standard().anyMatch(TREE, n -> {
            tested.add(n.path());
            return "Tags[0].Key".equals(n.path());
        }));
        assertEquals(List.of("", "Name", "Tags", "Tags[0]", "Tags[0].Key"), tested);
        assertFalse(ValueWalker.standard().anyMatch(TREE, n -> n.value() instanceof Value.Symbol));
        assertTrue(ValueWalker.standard().anyMatch(s("x"), n -> n.parent() == null), "a leaf root is tested too");
    }

    @Test
    void theVisitorDecidesWhetherToGoIntoANode() {
        List<String> seen = new ArrayList<>();
        ValueWalker.standard().walk(TREE, n -> {
            seen.add(n.path());
            return !"Tags".equals(n.key());
        });
        assertEquals(List.of("", "Name", "Tags", "Sub", "Sub.Ref", "Sub.Joined"), seen);
    }

    @Test
    void nothingDeeperThanTheBoundIsVisitedAndTheCutIsMarked() {
        List<ValueWalker.Node> nodes = ValueWalker.bounded(1).nodes(TREE).toList();
        assertEquals(List.of("", "Name", "Tags", "Sub"), nodes.stream().map(ValueWalker.Node::path).toList());
        assertTrue(nodes.get(2).cut() && nodes.get(3).cut(), "Tags and Sub have parts below the bound");
        assertFalse(nodes.get(1).cut(), "a scalar is never cut");
        assertEquals(List.of(), ValueWalker.bounded(1).refs(TREE), "the refs sit at depth 2");
        assertEquals(List.of(DB, KEY), ValueWalker.bounded(2).refs(TREE));
    }

    @Test
    void aTreeFarDeeperThanTheBoundCostsNoStack() {
        Value deep = s("leaf");
        for (int i = 0; i < 100_000; i++) {
            deep = list(deep);
        }
        List<ValueWalker.Node> nodes = ValueWalker.standard().nodes(deep).toList();
        assertEquals(ValueWalker.DEFAULT_MAX_DEPTH + 1, nodes.size());
        assertTrue(nodes.get(nodes.size() - 1).cut());
        assertEquals(100_001, ValueWalker.bounded(Integer.MAX_VALUE).nodes(deep).count());
    }

    @Test
    void theDefaultBoundIsTheNestingDepthLimit() {
        assertEquals(Limits.defaults().maxNestingDepth(), ValueWalker.standard().maxDepth());
        assertEquals(Limits.defaults().get("nesting-depth"), ValueWalker.DEFAULT_MAX_DEPTH);
    }
}
