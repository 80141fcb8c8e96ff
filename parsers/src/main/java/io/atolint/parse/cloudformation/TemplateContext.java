package io.atolint.parse.cloudformation;

import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.tree.Node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One template being read: its sections, the options of the scan, the values a parent stack passes
 * to its parameters, how logical ids become resource ids, and who the template is among the stacks of
 * the scan ({@link StackInfo}). {@code resourceIds}: each logical id of {@code Resources} and its resource id,
 * made once (every {@code Ref} and {@code Fn::GetAtt} to a resource shares it, and the model keeps them).
 */
record TemplateContext(String file, ParseOptions options, Map<String, Node.MapNode> parameters,
                       Node.MapNode mappings, Map<String, Node> conditions, Map<String, String> resourceIds,
                       Map<String, Value> externalParameters, String idPrefix, StackInfo stack) {

    static TemplateContext of(String file, Node.MapNode root, ParseOptions options,
                              Map<String, Value> externalParameters, String idPrefix) {
        return of(file, root, options, externalParameters, idPrefix, StackInfo.of(file));
    }

    static TemplateContext of(String file, Node.MapNode root, ParseOptions options,
                              Map<String, Value> externalParameters, String idPrefix, StackInfo stack) {
        Map<String, Node.MapNode> params = new LinkedHashMap<>();
        root.get("Parameters").filter(Node.MapNode.class::isInstance).ifPresent(p -> {
            for (Node.Entry e : ((Node.MapNode) p).entries()) {
                if (e.value() instanceof Node.MapNode m) {
                    params.put(e.key().text(), m);
                }
            }
        });
        Node.MapNode mappings = root.get("Mappings").filter(Node.MapNode.class::isInstance)
                .map(Node.MapNode.class::cast).orElse(null);
        Map<String, Node> conds = new LinkedHashMap<>();
        root.get("Conditions").filter(Node.MapNode.class::isInstance).ifPresent(c -> {
            for (Node.Entry e : ((Node.MapNode) c).entries()) {
                conds.put(e.key().text(), e.value());
            }
        });
        Map<String, String> res = new LinkedHashMap<>();
        root.get("Resources").filter(Node.MapNode.class::isInstance).ifPresent(r -> {
            for (Node.Entry e : ((Node.MapNode) r).entries()) {
                res.computeIfAbsent(e.key().text(), k -> idPrefix + k);
            }
        });
        return new TemplateContext(file, options, params, mappings, conds, res, externalParameters, idPrefix, stack);
    }

    /** The logical ids of {@code Resources}. */
    Set<String> resources() {
        return resourceIds.keySet();
    }

    String idOf(String logicalId) {
        String id = resourceIds.get(logicalId);
        return id != null ? id : idPrefix + logicalId;
    }

    Optional<Node.MapNode> mapping(String name) {
        if (mappings == null) {
            return Optional.empty();
        }
        return mappings.get(name).filter(Node.MapNode.class::isInstance).map(Node.MapNode.class::cast);
    }
}
