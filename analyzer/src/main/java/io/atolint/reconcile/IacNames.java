package io.atolint.reconcile;

import io.atolint.model.Resource;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names a person may have written on the diagram for an IaC resource: its CloudFormation logical id
 * or Terraform address (the resource name and the module names, without the type), its {@code Name} tag,
 * the name it gives the cloud resource ({@code BucketName}, {@code function_name}, {@code identifier}...)
 * and its CDK construct path.
 */
final class IacNames {
    private IacNames() {
    }

    /** Each name with where it comes from ({@code logical id}, {@code Name tag}, {@code BucketName}...). */
    static Map<String, String> of(Resource r) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<String> cdk = r.meta("cdkPath");
        if (cdk.isPresent()) {
            // the construct path is what people know; the logical id adds a hash of it
            out.put(cdkName(cdk.get()), "construct path");
            out.putIfAbsent(r.name().replaceAll("[0-9A-F]{8}$", ""), "logical id");
        } else {
            out.put(ownName(r), r.format().name().startsWith("TERRAFORM") ? "address" : "logical id");
        }
        String block = r.meta().get("block");
        if (block != null) {
            out.putIfAbsent(addressName(block), "block");
        }
        tag(r, "Name").ifPresent(n -> out.putIfAbsent(n, "Name tag"));
        String type = Value.key(r.rawType().replace(":", ""));
        for (Map.Entry<String, Value> e : r.attributes().entries().entrySet()) {
            if (isOwnName(Value.key(e.getKey()), type)) {
                e.getValue().asString().filter(v -> !v.isBlank() && v.length() <= 200)
                        .ifPresent(v -> out.putIfAbsent(v, e.getKey()));
            }
        }
        return out;
    }

    /**
     * A name attribute names the resource itself when it is {@code name}/{@code bucket}/{@code identifier},
     * or {@code <word>Name}/{@code <word>Identifier} where the word belongs to its own type
     * ({@code BucketName} of a bucket, {@code DBInstanceIdentifier} of a DB instance), not to something it
     * refers to ({@code KeyName}, {@code DBSubnetGroupName}).
     */
    static boolean isOwnName(String key, String type) {
        if (key.equals("name") || key.equals("bucket") || key.equals("identifier") || key.equals("functionname")) {
            return true;
        }
        for (String suffix : new String[]{"name", "identifier"}) {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                String word = key.substring(0, key.length() - suffix.length());
                return type.contains(word) && !word.equals("domain");
            }
        }
        return false;
    }

    /**
     * The part of the logical id or address a person names: {@code WebAlb}, {@code web[0]} for
     * {@code aws_instance.web[0]}, {@code app web} for {@code module.app.aws_lb.web}.
     */
    static String ownName(Resource r) {
        return r.format().name().startsWith("TERRAFORM") ? addressName(r.name()) : r.name();
    }

    /** A Terraform address without its types and keywords: {@code module.app.aws_lb.web[0]} is {@code app web[0]}. */
    static String addressName(String n) {
        List<String> parts = new ArrayList<>();
        String[] segs = n.split("\\.");
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            if (s.equals("module") || s.equals("data")) {
                continue;
            }
            if (s.startsWith("aws_") || s.startsWith("google_") || s.startsWith("azurerm_")) {
                continue; // the type, already compared as a kind
            }
            parts.add(s.replaceAll("\\[\"([^\"]*)\"]", " $1").replace('"', ' '));
        }
        return String.join(" ", parts);
    }

    /** {@code Stack/Web/Alb/Resource} -> {@code Web Alb}. */
    static String cdkName(String path) {
        String[] segs = path.split("/");
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < segs.length; i++) {
            String s = segs[i];
            if (s.equals("Resource") || s.equals("Default") || s.isBlank()) {
                continue;
            }
            parts.add(s);
        }
        return String.join(" ", parts);
    }

    /** A tag value: CloudFormation {@code Tags: [{Key, Value}]} or Terraform {@code tags = {Name = ...}}. */
    static java.util.Optional<String> tag(Resource r, String key) {
        java.util.Optional<Value> tags = r.attr("Tags");
        if (tags.isEmpty()) {
            return java.util.Optional.empty();
        }
        Value t = tags.get();
        if (t instanceof Value.MapV m) {
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return e.getValue().asString();
                }
            }
            return java.util.Optional.empty();
        }
        for (Value item : t.asList()) {
            java.util.Optional<String> k = item.at("Key").flatMap(Value::asString);
            if (k.isPresent() && k.get().equalsIgnoreCase(key)) {
                return item.at("Value").flatMap(Value::asString);
            }
        }
        return java.util.Optional.empty();
    }
}
