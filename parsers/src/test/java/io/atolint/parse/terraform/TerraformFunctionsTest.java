package io.atolint.parse.terraform;

import io.atolint.model.Model;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Terraform's built-in functions, checked against the examples of Terraform's own documentation: the
 * expected values below are the ones its function pages show.
 */
class TerraformFunctionsTest {

    /** The value of {@code expression}, with {@code locals} declared beside it. */
    private static Value eval(String expression, String locals) {
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", "locals {\n  " + locals + "\n}\n"
                + "resource \"aws_s3_bucket\" \"t\" {\n  v = " + expression + "\n}\n"), ParseOptions.defaults()));
        assertTrue(m.findings().stream().noneMatch(f -> f.ruleId().equals("PARSE001")), m.findings().toString());
        return Scans.resource(m, "aws_s3_bucket.t").attr("v").orElseThrow();
    }

    private static Value eval(String expression) {
        return eval(expression, "");
    }

    /** The value in HCL-ish text: strings quoted, numbers plain, lists and objects in brackets. */
    private static String show(Value v) {
        if (v instanceof Value.Scalar s && s.value() instanceof String str) {
            return "\"" + str + "\"";
        }
        if (v instanceof Value.Scalar s) {
            return v.asString().orElse(String.valueOf(s.value()));
        }
        if (v instanceof Value.ListV l) {
            return "[" + String.join(", ", l.items().stream().map(TerraformFunctionsTest::show).toList()) + "]";
        }
        if (v instanceof Value.MapV m) {
            return "{" + String.join(", ", m.entries().entrySet().stream().map(e -> e.getKey() + " = " + show(e.getValue())).toList()) + "}";
        }
        return v.toString();
    }

    private static void check(String expected, String expression) {
        assertEquals(expected, show(eval(expression)), expression);
    }

    private static void fails(String expression) {
        Value v = eval(expression);
        assertInstanceOf(Value.Unknown.class, v, expression);
        assertTrue(((Value.Unknown) v).reason().startsWith("cannot be evaluated"), expression + ": " + v);
    }

    @Test
    void regexAndRegexall() {
        check("\"aaabbbccc\"", "regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")");
        check("[\"2019\", \"02\", \"01\"]", "regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")");
        check("{scheme = \"https\", authority = \"terraform.io\"}",
                "regex(\"^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?\", \"https://terraform.io/docs/\")");
        fails("regex(\"[a-z]+\", \"53453453.34534523454\")");
        check("[\"abcd\", \"efgh\"]", "regexall(\"[a-z]+\", \"1234abcd5678efgh9\")");
        check("false", "length(regexall(\"[a-z]+\", \"123456789\")) > 0");
        check("true", "can(regex(\"^[a-z]{2}-\", \"us-east-1a\"))");
        check("false", "can(regex(\"^[a-z]{2}-\", \"use1-az1\"))");
        check("[\"us-east-1a\", \"use1-az1\"]", "[for az in [\"us-east-1a\", \"use1-az1\"] : az if length(regexall(\"[[:alpha:]]\", az)) > 0]");
        check("\"he<ll>o\"", "replace(\"hello\", \"/(l+)/\", \"<$1>\")");
        check("\"hello everybody\"", "replace(\"hello world\", \"/w.*d/\", \"everybody\")");
        check("\"1 - 2 - 3\"", "replace(\"1 + 2 + 3\", \"+\", \"-\")");
    }

    @Test
    void aPatternThatBacktracksForEverIsStopped() {
        Value v = eval("regex(\"(.*a){12}$\", \"" + "a".repeat(30) + "!\")");
        assertTrue(((Value.Unknown) v).reason().contains("takes too long"), v.toString());
    }

    @Test
    void stringFunctions() {
        check("\"hello\"", "chomp(\"hello\\n\\n\")");
        check("\"hello\"", "chomp(\"hello\\r\\n\")");
        check("\"hello\"", "chomp(\"hello\\n\\r\")");
        check("\"a\\nb\"".replace("\\n", "\n"), "chomp(\"a\\nb\\n\")");
        // 50,000 trailing breaks (the expression before overflowed the stack: a false 'nests too deeply')
        assertEquals("x", StringFunctions.chomp("x" + "\n".repeat(50_000)));
        check("\"[\\n    foo,\\n    bar,\\n  ]\\n  \"".replace("\\n", "\n"), "indent(2, \"[\\n  foo,\\n  bar,\\n]\\n\")");
        check("\"olleh\"", "strrev(\"hello\")");
        check("\"☃ a\"", "strrev(\"a ☃\")");
        check("\"ab   |\"", "format(\"%-5s|\", \"ab\")");
        check("\"00042\"", "format(\"%05d\", 42)");
        check("\"3.14\"", "format(\"%.2f\", 3.14159)");
        check("\"ff\"", "format(\"%x\", 255)");
        check("\"  5\"", "format(\"%3d\", 5)");
        check("\"\"a\\\"b\"\"", "format(\"%q\", \"a\\\"b\")");
        check("\"foo/bar\"", "dirname(\"foo/bar/baz.txt\")");
        check("\"baz.txt\"", "basename(\"foo/bar/baz.txt\")");
        check("\"ell\"", "substr(\"hello\", 1, 3)");
    }

    @Test
    void templatestringReadsTheTemplateWithItsVariablesOnly() {
        assertEquals("\"Hello, Alice! 1 2 \"", show(eval("templatestring(local.tpl, { name = \"Alice\", n = [1, 2] })",
                "tpl = \"Hello, $${name}! %%{ for i in n }$${i} %%{ endfor }\"")));
        Value v = eval("templatestring(local.tpl, {})", "tpl = \"Hello, $${var.name}\"");
        assertTrue(((Value.Unknown) v).reason().contains("refers to var"), v.toString());
    }

    @Test
    void collectionFunctions() {
        check("[[\"development\", \"app1\"], [\"development\", \"app2\"], [\"staging\", \"app1\"], [\"staging\", \"app2\"]]",
                "setproduct([\"development\", \"staging\"], [\"app1\", \"app2\"])");
        check("{1 = [\"a\"], 2 = [\"a\", \"b\"], 3 = [\"b\"]}", "transpose({ a = [\"1\", \"2\"], b = [\"2\", \"3\"] })");
        check("[\"i-abc\", \"i-def\"]", "matchkeys([\"i-123\", \"i-abc\", \"i-def\"], [\"us-west\", \"us-east\", \"us-east\"], [\"us-east\"])");
        check("{Name = \"web\", env = \"prod\"}", "\"${merge(map(\"Name\", \"web\"), map(\"env\", \"prod\"))}\"");
        check("[\"a\", \"b\"]", "\"${list(\"a\", \"b\")}\"");
    }

    @Test
    void encodingAndHashFunctions() {
        check("\"SGVsbG8gV29ybGQ=\"", "base64encode(\"Hello World\")");
        check("\"Hello World\"", "base64decode(\"SGVsbG8gV29ybGQ=\")");
        check("\"SABlAGwAbABvACAAVwBvAHIAbABkAA==\"", "textencodebase64(\"Hello World\", \"UTF-16LE\")");
        check("\"Hello World\"", "textdecodebase64(\"SABlAGwAbABvACAAVwBvAHIAbABkAA==\", \"UTF-16LE\")");
        check("\"Hello+World%21\"", "urlencode(\"Hello World!\")");
        check("\"%E2%98%83\"", "urlencode(\"☃\")");
        check("\"foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz\"", "urlencode(\"foo:bar@localhost?foo=bar&bar=baz\")");
        check("[{a = \"1\", b = \"2\", c = \"3\"}, {a = \"4\", b = \"5\", c = \"6\"}]", "csvdecode(\"a,b,c\\n1,2,3\\n4,5,6\")");
        check("{hello = \"world\"}", "yamldecode(\"hello: world\")");
        check("{a = [1, 2, 3], b = [1, 2, 3]}", "yamldecode(\"{a: &foo [1, 2, 3], b: *foo}\")");
        check("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"", "md5(\"hello world\")");
        check("\"2aae6c35c94fcfb415dbe95f408b9ce91ee846ed\"", "sha1(\"hello world\")");
        check("\"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"", "sha256(\"hello world\")");
        check("\"uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=\"", "base64sha256(\"hello world\")");
        check("\"a5008fae-b28c-5ba5-96cd-82b4c53552d6\"", "uuidv5(\"dns\", \"www.terraform.io\")");
        check("\"9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5\"", "uuidv5(\"url\", \"https://www.terraform.io/\")");
        check("\"af9d40a5-7a36-5c07-b23a-851cd99fbfa5\"", "uuidv5(\"oid\", \"1.3.6.1.4\")");
        check("\"84e09961-4aa4-57f8-95b7-03edb1073253\"", "uuidv5(\"x500\", \"CN=Example,C=GB\")");
        check("\"a5008fae-b28c-5ba5-96cd-82b4c53552d6\"", "uuidv5(\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\", \"www.terraform.io\")");
    }

    @Test
    void numericAndNetworkFunctions() {
        check("255", "parseint(\"FF\", 16)");
        check("-16", "parseint(\"-10\", 16)");
        check("48879", "parseint(\"1011111011101111\", 2)");
        check("656", "parseint(\"aA\", 62)");
        fails("parseint(\"12\", 2)");
        check("4", "log(16, 2)");
        check("1.698970004336019", "log(50, 10)");
        check("\"255.240.0.0\"", "cidrnetmask(\"172.16.0.0/12\")");
        check("\"10.1.2.0/24\"", "cidrsubnet(\"10.1.0.0/16\", 8, 2)");
    }

    @Test
    void dateFunctions() {
        check("\"02 Jan 2018 23:12 UTC\"", "formatdate(\"DD MMM YYYY hh:mm ZZZ\", \"2018-01-02T23:12:01Z\")");
        check("\"Tuesday, 02-Jan-18 23:12:01 UTC\"", "formatdate(\"EEEE, DD-MMM-YY hh:mm:ss ZZZ\", \"2018-01-02T23:12:01Z\")");
        check("\"Tue, 02 Jan 2018 23:12:01 -0800\"", "formatdate(\"EEE, DD MMM YYYY hh:mm:ss ZZZ\", \"2018-01-02T23:12:01-08:00\")");
        check("\"11:12pm\"", "formatdate(\"HH:mmaa\", \"2018-01-02T23:12:01Z\")");
        check("\"23h12\"", "formatdate(\"h'h'mm\", \"2018-01-02T23:12:01-08:00\")");
        check("\"2017-11-22T00:10:00Z\"", "timeadd(\"2017-11-22T00:00:00Z\", \"10m\")");
        check("\"2017-11-21T22:30:00-01:00\"", "timeadd(\"2017-11-22T00:00:00-01:00\", \"-1.5h\")");
        check("-1", "timecmp(\"2017-11-22T00:00:00Z\", \"2017-11-22T01:00:00Z\")");
        check("0", "timecmp(\"2017-11-22T01:00:00Z\", \"2017-11-22T00:00:00-01:00\")");
    }

    @Test
    void whatReadsTheMachineOrTheProviderStaysUnknownWithItsReason() {
        for (String call : new String[]{"file(\"x\")", "timestamp()", "uuid()", "templatefile(\"x.tpl\", {})",
                "abspath(\"x\")", "yamlencode({a = 1})"}) {
            Value v = eval(call);
            assertInstanceOf(Value.Unknown.class, v, call);
            assertTrue(((Value.Unknown) v).reason().contains("is not evaluated: "), call + ": " + v);
        }
        Value p = eval("provider::aws::arn_parse(\"arn:aws:s3:::b\")");
        assertTrue(((Value.Unknown) p).reason().startsWith("provider function provider::aws::arn_parse()"), p.toString());
    }

    @Test
    void everyFunctionOfTerraformIsEvaluatedOrListedWithItsReason() {
        // Terraform 1.10's built-in functions (terraform metadata functions -json)
        Set<String> terraform = new TreeSet<>(Set.of("abs", "abspath", "alltrue", "anytrue", "base64decode",
                "base64encode", "base64gzip", "base64sha256", "base64sha512", "basename", "bcrypt", "can", "ceil",
                "chomp", "chunklist", "cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets", "coalesce",
                "coalescelist", "compact", "concat", "contains", "csvdecode", "dirname", "distinct", "element",
                "endswith", "ephemeralasnull", "file", "filebase64", "filebase64sha256", "filebase64sha512",
                "fileexists", "filemd5", "fileset", "filesha1", "filesha256", "filesha512", "flatten", "floor",
                "format", "formatdate", "formatlist", "indent", "index", "issensitive", "join", "jsondecode",
                "jsonencode", "keys", "length", "log", "lookup", "lower", "matchkeys", "max", "md5", "merge", "min",
                "nonsensitive", "one", "parseint", "pathexpand", "plantimestamp", "pow", "range", "regex", "regexall",
                "replace", "reverse", "rsadecrypt", "sensitive", "setintersection", "setproduct", "setsubtract",
                "setunion", "sha1", "sha256", "sha512", "signum", "slice", "sort", "split", "startswith",
                "strcontains", "strrev", "substr", "sum", "templatefile", "templatestring", "textdecodebase64",
                "textencodebase64", "timeadd", "timecmp", "timestamp", "title", "tobool", "tolist", "tomap",
                "tonumber", "toset", "tostring", "transpose", "trim", "trimprefix", "trimspace", "trimsuffix", "try",
                "type", "upper", "urlencode", "uuid", "uuidv5", "values", "yamldecode", "yamlencode", "zipmap"));
        Set<String> covered = new TreeSet<>(Functions.evaluated());
        covered.addAll(Set.of("try", "can", "templatestring"));
        covered.addAll(Functions.NOT_EVALUATED.keySet());
        Set<String> missing = new TreeSet<>(terraform);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing);
    }
}
