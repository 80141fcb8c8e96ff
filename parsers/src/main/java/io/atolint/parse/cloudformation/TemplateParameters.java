package io.atolint.parse.cloudformation;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.tree.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a template's parameters, each worked out once: given by the user, passed by a parent
 * stack, read from SSM at deploy time (UNKNOWN), the default, or a symbol standing for the value no
 * one gave. List-typed parameters become lists.
 */
final class TemplateParameters {
    private final TemplateContext ctx;
    private final Map<String, Value> parameterMemo = new HashMap<>();

    TemplateParameters(TemplateContext ctx) {
        this.ctx = ctx;
    }

    private SourceLocation loc(Node n, String path) {
        return n.location(ctx.file(), path);
    }

    /** A parameter's value: given on the command line, passed by a parent stack, or its default. */
    Value value(String name) {
        Value memo = parameterMemo.get(name);
        if (memo != null) {
            return memo;
        }
        Node.MapNode decl = ctx.parameters().get(name);
        String type = decl == null ? "" : decl.get("Type").filter(Node.ScalarNode.class::isInstance)
                .map(t -> ((Node.ScalarNode) t).text()).orElse("");
        boolean listType = type.startsWith("List<") || type.equals("CommaDelimitedList")
                || type.startsWith("AWS::SSM::Parameter::Value<List<");
        SourceLocation declAt = decl == null ? SourceLocation.ofFile(ctx.file()) : loc(decl, "Parameters/" + name);
        Value v;
        String given = ctx.stack().given(ctx.options(), name).orElse(null);
        if (given != null) {
            v = parameterValue(given, listType, "parameter " + name + " (given " + given + ")", declAt);
        } else if (ctx.externalParameters().containsKey(name)) {
            v = passed(ctx.externalParameters().get(name), listType, name);
        } else if (type.startsWith("AWS::SSM::Parameter::Value")) {
            v = new Value.Unknown("parameter " + name + " is read from SSM at deploy time", declAt);
        } else if (decl != null && decl.get("Default").isPresent()) {
            Node d = decl.get("Default").get();
            String text = d instanceof Node.ScalarNode s ? s.text() : null;
            if (text == null) {
                v = new Value.Unknown("parameter " + name + " has a non-scalar default", declAt);
            } else {
                v = parameterValue(d instanceof Node.ScalarNode s && s.value() != null && !(s.value() instanceof String)
                        ? s.value() : text, listType, "parameter " + name + " (default " + text + ")", declAt);
            }
        } else {
            v = new Value.Symbol("parameter " + name, -1, false, "parameter " + name + " has no default", declAt);
        }
        parameterMemo.put(name, v);
        return v;
    }

    /**
     * What a parent stack passes to a list parameter: CloudFormation splits a string at its commas
     * ({@code !Join [",", [!Ref SubnetA, !Ref SubnetB]]}, an output of a sibling stack made so, or a literal).
     */
    private static Value passed(Value v, boolean listType, String name) {
        if (!listType) {
            return v;
        }
        if (v instanceof Value.Scalar s && s.value() instanceof String) {
            return parameterValue(s.value(), true, "parameter " + name + " (passed " + s.value() + ")", s.location());
        }
        if (v instanceof Value.Unknown u) {
            Optional<List<Value>> items = IntrinsicFunctions.joinedItems(u, ",");
            if (items.isPresent()) {
                return new Value.ListV(items.get(), u.location());
            }
        }
        return v;
    }

    private static Value parameterValue(Object raw, boolean listType, String how, SourceLocation at) {
        if (listType && raw instanceof String s) {
            List<Value> items = new ArrayList<>();
            int i = 0;
            for (String part : s.split(",", -1)) {
                items.add(new Value.Scalar(part.trim(), how + "[" + i++ + "]", at));
            }
            return new Value.ListV(items, at);
        }
        return new Value.Scalar(raw, how, at);
    }
}
