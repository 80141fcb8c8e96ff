package io.atolint.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * How the JSON reports build and print their trees: nodes from Jackson's node factory, written indented
 * by its default pretty printer, the bytes an {@code ObjectMapper} with {@code INDENT_OUTPUT} writes. No
 * ObjectMapper is made: building one, with its serializer lookup, costs a one-template scan about a tenth
 * of its start-up, and printing a tree of nodes needs none of it.
 */
final class PrettyJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory FACTORY = new JsonFactory();

    private PrettyJson() {
    }

    /** Writes the tree (UTF-8, no trailing newline) and closes {@code out}, as ObjectMapper.writeValue does. */
    static void write(OutputStream out, JsonNode tree) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, tree);
        }
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject(n, n.size());
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray(n, n.size());
            for (JsonNode x : n) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (n.isTextual()) {
            g.writeString(n.textValue());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else if (n.isNull()) {
            g.writeNull();
        } else if (n.isNumber()) {
            switch (n.numberType()) {
                case INT -> g.writeNumber(n.intValue());
                case LONG -> g.writeNumber(n.longValue());
                case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                case FLOAT -> g.writeNumber(n.floatValue());
                case DOUBLE -> g.writeNumber(n.doubleValue());
                default -> g.writeNumber(n.decimalValue());
            }
        } else if (n.isBinary()) {
            g.writeBinary(n.binaryValue());
        } else {
            throw new IllegalArgumentException("a report tree holds a " + n.getNodeType() + " node");
        }
    }
}
