package io.atolint.parse.tree;

import io.atolint.parse.Limits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTreeReaderTest {
    private final YamlTreeReader reader = new YamlTreeReader(Limits.defaults());

    @Test
    void tagsWithEscapesReadOnManyThreadsAtOnce() throws Exception {
        // snakeyaml-engine decodes a tag's %-escapes with a decoder shared by all threads; files are read in parallel
        String good = "A: !a%C3%A9 x\n";
        String bad = "A: !a%FF x\n";
        String expected = reader.read(good).root().toString();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 3000 && failure.get() == null; i++) {
                    try {
                        if (!reader.read(good).root().toString().equals(expected)) {
                            wrong.incrementAndGet();
                        }
                        assertThrows(TreeReadException.class, () -> reader.read(bad));
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
        assertEquals(0, wrong.get(), "a tag decoded wrong");
    }

    @Test
    void keepsPositionsAndShortFormTags() throws Exception {
        String yaml = """
                Resources:
                  Subnet:
                    Type: AWS::EC2::Subnet
                    Properties:
                      AvailabilityZone: !Select [0, !GetAZs '']
                """;
        Node.MapNode root = (Node.MapNode) reader.read(yaml).root();
        Node.MapNode subnet = (Node.MapNode) ((Node.MapNode) root.get("Resources").orElseThrow()).get("Subnet").orElseThrow();
        Node.Entry props = subnet.entry("Properties").orElseThrow();
        assertEquals(4, props.key().pos().line());
        assertEquals(5, props.key().pos().column());
        Node az = ((Node.MapNode) props.value()).get("AvailabilityZone").orElseThrow();
        assertEquals("!Select", az.tag());
        assertEquals(5, az.pos().line());
        assertEquals(25, az.pos().column());
        Node.SeqNode args = (Node.SeqNode) az;
        assertEquals("!GetAZs", args.items().get(1).tag());
        assertEquals("", ((Node.ScalarNode) args.items().get(1)).text());
    }

    @Test
    void typesPlainScalarsWithTheCoreSchemaOnly() throws Exception {
        Node.MapNode root = (Node.MapNode) reader.read("""
                v: 2010-09-09
                n: 42
                f: 1.5
                b: true
                q: 'true'
                z: ~
                y: yes
                """).root();
        assertEquals("2010-09-09", ((Node.ScalarNode) root.get("v").orElseThrow()).value());
        assertEquals(new BigDecimal("42"), ((Node.ScalarNode) root.get("n").orElseThrow()).value());
        assertEquals(new BigDecimal("1.5"), ((Node.ScalarNode) root.get("f").orElseThrow()).value());
        assertEquals(Boolean.TRUE, ((Node.ScalarNode) root.get("b").orElseThrow()).value());
        assertEquals("true", ((Node.ScalarNode) root.get("q").orElseThrow()).value());
        assertNull(((Node.ScalarNode) root.get("z").orElseThrow()).value());
        assertEquals("yes", ((Node.ScalarNode) root.get("y").orElseThrow()).value());
    }

    @Test
    void reportsDuplicateKeysWithBothLinesAndKeepsTheLast() throws Exception {
        TreeDocument doc = reader.read("""
                a: 1
                b: 2
                a: 3
                """);
        assertEquals(1, doc.duplicates().size());
        DuplicateKey d = doc.duplicates().get(0);
        assertEquals("a", d.key());
        assertEquals(3, d.line());
        assertEquals(1, d.firstLine());
        assertEquals(new BigDecimal("3"), ((Node.ScalarNode) ((Node.MapNode) doc.root()).get("a").orElseThrow()).value());
    }

    @Test
    void reportsDuplicateKeysOfLargeMappingsToo() throws Exception {
        // a mapping with many keys is checked through a table: duplicates before and after it is made
        StringBuilder y = new StringBuilder();
        for (String k : List.of("a", "b", "a", "c", "d", "e", "f", "g", "h", "i", "j", "c", "k", "j", "a")) {
            y.append(k).append(": 1\n");
        }
        TreeDocument doc = reader.read(y.toString());
        assertEquals(List.of("a@3 first 1", "c@12 first 4", "j@14 first 11", "a@15 first 1"), doc.duplicates().stream()
                .map(d -> d.key() + "@" + d.line() + " first " + d.firstLine()).toList());
        assertEquals(11, ((Node.MapNode) doc.root()).keys().size());
    }

    @Test
    void stopsBillionLaughsAtTheAliasLimit() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (int i = 0; i < 12; i++) {
            String name = "l" + i;
            y.append(name).append(": &").append(name).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append('*').append(prev);
            }
            y.append("]\n");
            prev = name;
        }
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read(y.toString()));
        assertTrue(e.isLimit(), e.getMessage());
        assertTrue(e.line() > 1, "positioned at the alias that crosses the limit");
    }

    @Test
    void refusesNestingBeyondTheLimitWithoutOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read(deep));
        assertTrue(e.isLimit());
        assertEquals(1, e.line());
        assertEquals(Limits.defaults().maxNestingDepth() + 1, e.column());
    }

    @Test
    void positionsSyntaxErrors() {
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read("a: [1, 2\nb: 3\n"));
        assertFalse(e.isLimit());
        assertTrue(e.line() >= 1);
    }

    @Test
    void anUndefinedAliasIsAnError() {
        TreeReadException e = assertThrows(TreeReadException.class, () -> reader.read("a: *nowhere\n"));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void findsTagEscapesAsTheRegularExpressionDidInOnePass() {
        // the one-pass scan agrees with the expression it replaced on short texts of the characters that matter
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("![^\\s]*%");
        char[] alphabet = {'!', '%', 'a', ' ', '\n', '\t', '\u000B', '\f', '\r'};
        java.util.Random random = new java.util.Random(31);
        int escapes = 0;
        for (int i = 0; i < 20_000; i++) {
            char[] t = new char[random.nextInt(9)];
            for (int k = 0; k < t.length; k++) {
                t[k] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(t);
            boolean expected = regex.matcher(text).find();
            assertEquals(expected, YamlTreeReader.hasTagEscape(text), () -> "'" + text + "'");
            escapes += expected ? 1 : 0;
        }
        assertTrue(escapes > 500, "the sample holds escapes: " + escapes);
        // a run of '!' a megabyte long is scanned once (the expression rescanned it from each '!')
        String bangs = "a: '" + "!".repeat(1_000_000) + "'\n";
        assertFalse(YamlTreeReader.hasTagEscape(bangs));
        assertTrue(YamlTreeReader.hasTagEscape(bangs + "b: !x%41 y\n"));
    }
}
