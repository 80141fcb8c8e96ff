package io.atolint.checks.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.model.Numbers;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON held in a string attribute (a policy in a Terraform heredoc or {@code jsonencode()}, ECS
 * {@code container_definitions}) read into plain {@link Value} trees, every node at the attribute's
 * location. Jackson builds only JSON trees (no type binding); nesting depth and string length are
 * bounded. A string still holding {@code ${...}} is UNKNOWN.
 */
public final class JsonValues {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
            .build());

    private JsonValues() {
    }

    /** The parsed value, or empty when the text is not JSON (the reason goes to {@code why} when given). */
    public static Optional<Value> parse(String text, SourceLocation at, StringBuilder why) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null) {
                if (why != null) {
                    why.append("empty JSON");
                }
                return Optional.empty();
            }
            return Optional.of(toValue(root, at));
        } catch (JsonProcessingException e) {
            if (why != null) {
                why.append(e.getOriginalMessage());
            }
            return Optional.empty();
        }
    }

    private static Value toValue(JsonNode n, SourceLocation at) {
        if (n.isObject()) {
            Map<String, Value> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), toValue(e.getValue(), at));
            }
            return new Value.MapV(m, at);
        }
        if (n.isArray()) {
            List<Value> items = new ArrayList<>();
            n.forEach(i -> items.add(toValue(i, at)));
            return new Value.ListV(items, at);
        }
        if (n.isBoolean()) {
            return new Value.Scalar(n.booleanValue(), "literal", at);
        }
        if (n.isNumber()) {
            BigDecimal d = Numbers.parse(n.asText());
            return new Value.Scalar(d == null ? n.asText() : d, "literal", at);
        }
        if (n.isNull()) {
            return new Value.Scalar(null, "literal", at);
        }
        String s = n.asText();
        if (s.contains("${")) {
            return new Value.Unknown("unresolved interpolation", s, at);
        }
        return new Value.Scalar(s, "literal", at);
    }
}
