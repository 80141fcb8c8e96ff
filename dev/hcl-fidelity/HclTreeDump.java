import io.atolint.parse.Limits;
import io.atolint.parse.terraform.Expr;
import io.atolint.parse.terraform.HclAttribute;
import io.atolint.parse.terraform.HclBlock;
import io.atolint.parse.terraform.HclBody;
import io.atolint.parse.terraform.HclFile;
import io.atolint.parse.terraform.HclPrinter;
import io.atolint.parse.terraform.HclReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Dev tool: reads every .tf file under a directory with atolint's HCL reader and prints one JSON
 * object per file, {file, ok, problems, body}, where body has the shape @cdktf/hcl2json gives
 * (labels nest as keys, blocks are arrays of bodies, literals are JSON, other expressions "${...}").
 */
public class HclTreeDump {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        ObjectMapper m = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        for (Path p : files) {
            ObjectNode out = F.objectNode();
            out.put("file", root.relativize(p).toString());
            HclFile f = HclReader.read(p.toString(), Files.readString(p), Limits.defaults());
            out.put("ok", f.isValid());
            ArrayNode probs = out.putArray("problems");
            f.problems().forEach(x -> probs.add(x.location().display() + ": " + x.message()));
            out.set("body", body(f.body()));
            System.out.println(m.writeValueAsString(out));
        }
    }

    static ObjectNode body(HclBody b) {
        ObjectNode o = F.objectNode();
        for (HclAttribute a : b.attributes()) {
            o.set(a.name(), value(a.value()));
        }
        for (HclBlock blk : b.blocks()) {
            ObjectNode parent = o;
            String key = blk.type();
            for (String label : blk.labels()) {
                JsonNode next = parent.get(key);
                if (!(next instanceof ObjectNode)) {
                    next = F.objectNode();
                    parent.set(key, next);
                }
                parent = (ObjectNode) next;
                key = label;
            }
            JsonNode arr = parent.get(key);
            if (!(arr instanceof ArrayNode)) {
                arr = F.arrayNode();
                parent.set(key, arr);
            }
            ((ArrayNode) arr).add(body(blk.body()));
        }
        return o;
    }

    static JsonNode value(Expr e) {
        if (e instanceof Expr.Literal l) {
            Object v = l.value();
            if (v == null) return F.nullNode();
            if (v instanceof String s) return F.textNode(s.replace("${", "$${").replace("%{", "%%{"));
            if (v instanceof Boolean bo) return F.booleanNode(bo);
            if (v instanceof BigDecimal d) return F.numberNode(d);
        }
        if (e instanceof Expr.Tuple t) {
            ArrayNode a = F.arrayNode();
            t.items().forEach(i -> a.add(value(i)));
            return a;
        }
        if (e instanceof Expr.ObjectCons oc) {
            ObjectNode o = F.objectNode();
            for (Expr.ObjectItem it : oc.items()) {
                JsonNode kv = value(it.key());
                String k = kv.isTextual() ? kv.asText() : kv.toString();
                o.set(k, value(it.value()));
            }
            return o;
        }
        if (e instanceof Expr.Template t) {
            String p = HclPrinter.print(t);
            return F.textNode(p.substring(1, p.length() - 1).replace("\\\"", "\"").replace("\\n", "\n")
                    .replace("\\\\", "\\"));
        }
        return F.textNode("${" + HclPrinter.print(e) + "}");
    }
}
