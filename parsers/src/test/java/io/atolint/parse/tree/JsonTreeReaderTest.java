package io.atolint.parse.tree;

import io.atolint.parse.Limits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTreeReaderTest {
    private final JsonTreeReader reader = new JsonTreeReader(Limits.defaults());

    @Test
    void keepsPositionsAndTypes() throws Exception {
        TreeDocument doc = reader.read("{\n  \"Resources\": {\n    \"Db\": {\"Type\": \"AWS::RDS::DBInstance\",\n      \"Properties\": {\"MultiAZ\": false, \"AllocatedStorage\": 20}}}}");
        Node.MapNode db = (Node.MapNode) ((Node.MapNode) ((Node.MapNode) doc.root()).get("Resources").orElseThrow())
                .get("Db").orElseThrow();
        Node.Entry props = db.entry("Properties").orElseThrow();
        assertEquals(4, props.key().pos().line());
        assertEquals(7, props.key().pos().column());
        Node.MapNode p = (Node.MapNode) props.value();
        assertEquals(Boolean.FALSE, ((Node.ScalarNode) p.get("MultiAZ").orElseThrow()).value());
        // a value runs from its token to where the parser stood after it (Jackson reads a string's text later)
        Node type = db.get("Type").orElseThrow();
        assertEquals(List.of(3, 20, 3, 21), List.of(type.line(), type.column(), type.endLine(), type.endColumn()));
        assertEquals(List.of(3, 11, 4, 64), List.of(db.line(), db.column(), db.endLine(), db.endColumn()));
        assertEquals(new BigDecimal("20"), ((Node.ScalarNode) p.get("AllocatedStorage").orElseThrow()).value());
    }

    @Test
    void reportsDuplicateKeys() throws Exception {
        TreeDocument doc = reader.read("{\"a\": 1,\n \"a\": 2}");
        assertEquals(1, doc.duplicates().size());
        assertEquals(2, doc.duplicates().get(0).line());
    }

    @Test
    void positionsSyntaxErrors() {
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read("{\n  \"a\": [1, 2,,]\n}"));
        assertFalse(e.isLimit());
        assertEquals(2, e.line());
    }

    @Test
    void refusesDeepNesting() {
        TreeReadException e = assertThrows(TreeReadException.class,
                () -> reader.read("[".repeat(10_000) + "]".repeat(10_000)));
        assertTrue(e.isLimit(), e.getMessage());
    }

    @Test
    void refusesContentAfterTheDocument() {
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read("{}\n{}"));
        assertEquals(2, e.line());
    }

    @Test
    void reportsAnUnclosedDocument() {
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read("{\"a\": [1,\n"));
        assertTrue(e.getMessage().contains("end of input") || e.getMessage().contains("Unexpected end"), e.getMessage());
    }
}
