package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HCL adapter: trees with positions and unevaluated expressions, hcl4j's gaps worked around. */
class HclReaderTest {

    private static HclFile read(String text) {
        return HclReader.read("main.tf", text, Limits.defaults());
    }

    private static Expr attr(String text) {
        HclFile f = read("x = " + text + "\n");
        assertTrue(f.isValid(), f.problems().toString());
        return f.body().attribute("x").orElseThrow().value();
    }

    private static String printed(String text) {
        return HclPrinter.print(attr(text));
    }

    @Test
    void blocksAndAttributesKeepOneBasedPositions() {
        HclFile f = read("""
                # a comment
                resource "aws_subnet" "a" {
                  cidr_block = "10.0.0.0/24"

                  tags {
                    Name = "a"
                  }
                }
                """);
        HclBlock r = f.body().blocks().get(0);
        assertEquals("resource", r.type());
        assertEquals(List.of("aws_subnet", "a"), r.labels());
        assertEquals(new HclPos(2, 1), r.pos());
        HclAttribute cidr = r.body().attribute("cidr_block").orElseThrow();
        assertEquals(new HclPos(3, 3), cidr.pos());
        assertEquals("10.0.0.0/24", ((Expr.Literal) cidr.value()).value());
        assertEquals(new HclPos(5, 3), r.body().blocks("tags").get(0).pos());
    }

    @Test
    void expressionsKeepTheirStructureAndPrecedence() {
        assertEquals("var.a + 1 * 2", printed("var.a + 1 * 2"));
        Expr.Binary sum = (Expr.Binary) attr("var.a + 1 * 2");
        assertEquals("+", sum.op());
        assertInstanceOf(Expr.Binary.class, sum.right());
        assertEquals("var.env == \"prod\" ? true : false", printed("var.env == \"prod\" ? true : false"));
        assertInstanceOf(Expr.Conditional.class, attr("var.env == \"prod\" ? true : false"));
        assertEquals("!var.a && var.b || var.c", printed("!var.a && var.b || var.c"));
        assertEquals("(var.a + 1) * 2", printed("(var.a + 1) * 2"));
        assertEquals("var.m[\"k\"].a[0]", printed("var.m[\"k\"].a[0]"));
        assertEquals("aws_subnet.a[*].id", printed("aws_subnet.a[*].id"));
        assertEquals("element(var.azs, count.index)", printed("element(var.azs, count.index)"));
        assertEquals("\"${var.name}-${count.index}\"", printed("\"${var.name}-${count.index}\""));
        assertEquals(new BigDecimal("1500"), ((BigDecimal) ((Expr.Literal) attr("1.5e3")).value()).stripTrailingZeros()
                .setScale(0));
    }

    @Test
    void theLexersMinusQuirksAreUndone() {
        assertEquals("var.x - 1", printed("var.x - 1"));
        assertEquals("var.x - 1", printed("var.x -1"));
        assertEquals("-var.x", printed("-var.x"));
        assertEquals("[a, -1]", printed("[a, -1]"));
        assertEquals("f(a, -1)", printed("f(a, -1)"));
    }

    @Test
    void forExpressionsKeepKeyValueAndCondition() {
        Expr.For f = (Expr.For) attr("{ for k, v in var.m : k => v.id if v.on }");
        assertEquals("k", f.keyVar());
        assertEquals("v", f.valueVar());
        assertEquals("k", HclPrinter.print(f.keyExpr()));
        assertEquals("v.id", HclPrinter.print(f.valueExpr()));
        assertEquals("v.on", HclPrinter.print(f.condition()));
        assertEquals("{for v in var.l : \"${v.a}_${v.b}\" => v...}", printed("{ for v in var.l : \"${v.a}_${v.b}\" => v... }"));
        assertEquals("[for i, az in var.azs : cidrsubnet(var.cidr, 8, i)]",
                printed("[\n  for i, az in var.azs :\n  cidrsubnet(var.cidr, 8, i)\n]"));
    }

    @Test
    void templatesHeredocsAndDirectivesAreParsed() {
        Expr t = attr("<<-EOT\n    hello ${var.name}\n    %{ if var.on }on%{ else }off%{ endif }\n    EOT");
        assertEquals("\"hello ${var.name}\\n%{if var.on}on%{else}off%{endif}\\n\"", HclPrinter.print(t));
        Expr escaped = attr("\"a$${b}\"");
        assertInstanceOf(Expr.Literal.class, escaped, "$${ is an escape, not an interpolation");
        assertEquals("a${b}", ((Expr.Literal) escaped).value());
        assertEquals("{(var.k) = 1, b = 2}", printed("{ (var.k) = 1, b = 2 }"));
        assertEquals("{(format(\"%s-x\", var.k)) = 1, b = 2}", printed("{ (format(\"%s-x\", var.k)) = 1, b = 2 }"),
                "a parenthesised key that holds strings is an expression too");
        assertEquals("{(\"a\") = [\"b\"], (lower(\"C\")) = 2}", printed("{\n  (\"a\") = [\"b\"]\n  (lower(\"C\")) = 2\n}"));
        assertEquals("{(\"a\") = 1}", printed("{(\"a\")=1}"), "a key no longer than its placeholder");
        assertEquals("concat(var.a, var.b...)", printed("concat(var.a, var.b...)"));
        assertEquals("aws_instance.web.*.id", printed("aws_instance.web.*.id"));
    }

    @Test
    void stepsAfterCollectionsLiteralsAndParenthesesAreTraversals() {
        Expr.Index picked = (Expr.Index) attr("[for az in var.azs : az][count.index]");
        assertInstanceOf(Expr.For.class, picked.target());
        assertEquals("count.index", HclPrinter.print(picked.key()));
        assertEquals("{for k, v in var.m : k => v}[\"a\"]", printed("{ for k, v in var.m : k => v }[\"a\"]"));
        assertEquals("[for i in var.l : i][0]", printed("[for i in var.l : i].0"));
        assertEquals("[for i in var.l : i][*].id", printed("[for i in var.l : i][*].id"));
        assertEquals("[\"a\", \"b\"][count.index]", printed("[\"a\", \"b\"][count.index]"));
        assertEquals("{a = {b = 1}}.a.b", printed("{a = {b = 1}}.a.b"));
        assertEquals("(var.a)[0].b", printed("(var.a)[0].b"));
        assertEquals("\"ab\"[0]", printed("\"ab\"[0]"));
        Expr.Tuple nested = (Expr.Tuple) attr("[[\"a\"], [\"b\"]]");
        assertEquals(2, nested.items().size(), "a comma between two tuples keeps them apart");
        assertEquals("[aws_eip.nat.*, 1]", printed("[aws_eip.nat.*, 1]"));
    }

    @Test
    void aLegacySplatTakesAttributesAndAnIndexEndsIt() {
        Expr.Index first = (Expr.Index) attr("aws_instance.web.*.private_ip[0]");
        Expr.Splat splat = (Expr.Splat) first.target();
        assertTrue(splat.legacy());
        assertEquals("*.private_ip", HclPrinter.print(splat.each()));
        assertEquals("aws_instance.web.*.private_ip[0]", printed("aws_instance.web.*.private_ip[0]"));
        assertEquals("aws_eip.nat.*.id[count.index]", printed("aws_eip.nat.*.id[count.index]"));
        Expr.Splat full = (Expr.Splat) attr("aws_instance.web[*].private_ip[0]");
        assertTrue(!full.legacy());
        assertEquals("*.private_ip[0]", HclPrinter.print(full.each()), "a full splat applies the index to each element");
    }

    @Test
    void brokenFilesArePositionedInvalidFindings() {
        assertInvalid("resource \"a\" \"b\" {\n  x = \"unterminated\n}\n", 2, 7, "unterminated string");
        assertInvalid("resource \"a\" \"b\" {\n  x = 1\n\nresource \"c\" \"d\" {\n  y = 2\n}\n", 1, 18, "never closed");
        assertInvalid("resource \"a\" \"b\" {\n  x = 1\n}\n}\n", 4, 1, "unexpected '}'");
        assertInvalid("x = [1, 2)\n", 1, 10, "expected ']'");
        assertInvalid("x = <<EOT\nabc\n", 1, 5, "heredoc <<EOT is never terminated");
        assertInvalid("/* open\nx = 1\n", 1, 1, "unterminated comment");
        assertInvalid("resource \"a\" \"b\" {\n  x =\n}\n", 2, 3, "has no value");
    }

    private static void assertInvalid(String text, int line, int column, String what) {
        HclFile f = read(text);
        assertEquals(1, f.problems().size(), f.problems().toString());
        Finding p = f.problems().get(0);
        assertEquals(ParseFindings.INVALID, p.ruleId());
        assertTrue(p.message().contains(what), p.message());
        assertEquals(line, p.location().startLine(), p.toString());
        assertEquals(column, p.location().startColumn(), p.toString());
        assertTrue(f.body().blocks().isEmpty() && f.body().attributes().isEmpty(), "nothing half-read is kept");
    }

    @Test
    void deepNestingAndHugeFilesStopAtTheLimits() {
        HclFile deep = read("x = " + "[".repeat(500) + "]".repeat(500) + "\n");
        assertEquals(ParseFindings.INVALID, deep.problems().get(0).ruleId());
        assertTrue(deep.problems().get(0).message().contains("nested more than 200"), deep.problems().toString());

        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 300_000; i++) {
            big.append("resource \"aws_subnet\" \"s").append(i).append("\" {\n  cidr_block = \"10.0.0.0/24\"\n}\n");
        }
        HclFile f = HclReader.read("big.tf", big.toString(), Limits.defaults().withMaxResolutionSteps(5_000));
        assertEquals(ParseFindings.LIMIT, f.problems().get(0).ruleId(), f.problems().toString());
        assertTrue(f.problems().get(0).location().startLine() > 1);
    }

    @Test
    void nothingReachesStandardOutput() {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            read("locals {\n  a = [for s in var.l : s.id if s.id != \"\"]\n  b = { for k, v in var.m : k => v }\n}\n");
            read("x = \"broken\n");
        } finally {
            System.setOut(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
