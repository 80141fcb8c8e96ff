package io.atolint.parse.terraform;

import io.atolint.model.Model;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CIDR functions take address literals only: a host name is an error, never a DNS lookup. */
class CidrFunctionsTest {

    private static Value cidr(String expression) {
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                resource "aws_subnet" "s" {
                  cidr_block = %s
                }
                """.formatted(expression)), ParseOptions.defaults()));
        return Scans.resource(m, "aws_subnet.s").attr("cidr_block").orElseThrow();
    }

    @Test
    void addressLiteralsAreComputed() {
        assertEquals("10.1.2.0/24", cidr("cidrsubnet(\"10.1.0.0/16\", 8, 2)").asString().orElseThrow());
        assertEquals("fd00:0:0:1::/64", cidr("cidrsubnet(\"fd00::/56\", 8, 1)").asString().orElseThrow());
    }

    @Test
    void textThatIsNotALiteralIsUnknownWithoutALookup() {
        // InetAddress would look "dead.beef", "cafe" and "999.1.1.1" up in DNS, and read "1.2.3" as 1.2.0.3;
        // Terraform rejects all of them.
        for (String prefix : new String[]{"dead.beef/16", "999.1.1.1/16", "localhost/8", "cafe/16", "1.2.3/16"}) {
            Value v = cidr("cidrsubnet(\"" + prefix + "\", 8, 1)");
            assertInstanceOf(Value.Unknown.class, v, prefix);
            assertTrue(((Value.Unknown) v).reason().contains("not an IP address"), prefix + ": " + v);
        }
    }
}
