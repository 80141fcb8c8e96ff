package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code data "aws_iam_policy_document"} as the AWS provider builds it, from the configuration alone:
 * {@code source_json} and {@code source_policy_documents} first, then the {@code statement} blocks
 * (effect Allow by default; actions, resources and principal identifiers as sets; {@code &{var}} written
 * {@code ${var}}), then {@code override_policy_documents} and {@code override_json}, each merged by Sid (a
 * statement with the Sid of an earlier one replaces it, one without a Sid is added).
 *
 * <p>{@code json} and {@code minified_json} are the document kept structured, the evaluator's form for JSON
 * text (as {@code jsonencode} of a value with unresolved leaves): each statement keeps the place of its block,
 * and a part that is not resolved is UNKNOWN in place (a statement of a {@code dynamic} block over an unknown
 * collection, an unknown Sid that may replace another statement, a document merged in that is not known)
 * while the rest stays readable. Terraform errors (a duplicate Sid) make the whole document UNKNOWN.
 */
final class IamPolicyDocuments {
    static final String DEFAULT_VERSION = "2012-10-17";

    private IamPolicyDocuments() {
    }

    /** A document being merged: its statements (maps with the JSON keys, or UNKNOWN), Version and Id. */
    private static final class Doc {
        final List<Value> statements = new ArrayList<>();
        Value version;
        Value id;
    }

    /** Thrown for a document Terraform would refuse; the data source is then UNKNOWN. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    static Value value(TerraformRun run, ModuleInstance module, ModuleConfig.Decl d, ModuleInstance.Instance instance,
                       SourceLocation at) {
        String addr = instance.address();
        if (!run.enterData(addr)) {
            return new Value.Unknown(addr + " depends on itself", addr, List.of(), at);
        }
        try {
            Env env = new Env(module, d.file(), addr).with(instance.bindings());
            Value.MapV body = run.body(d.block().body(), env, addr, d.location(addr), true);
            Value document;
            try {
                document = document(body, d.location(addr));
            } catch (Refused r) {
                document = new Value.Unknown("Terraform would refuse " + addr + ": " + r.getMessage(), addr,
                        Values.refs(body), at);
            }
            Map<String, Value> out = new LinkedHashMap<>(body.entries());
            out.put("json", document);
            out.put("minified_json", document);
            out.put("id", new Value.Unknown("the id of " + addr + " is a hash of its JSON text", addr, List.of(), at));
            return Values.map(out, d.location(addr));
        } finally {
            run.exitData(addr);
        }
    }

    /** The merged document of one data source's evaluated arguments. */
    static Value document(Value.MapV body, SourceLocation at) {
        Doc merged = new Doc();
        Set<String> sourceSids = new HashSet<>();
        body.get("source_json").ifPresent(v -> mergeSource(merged, v, sourceSids));
        body.get("source_policy_documents").ifPresent(list -> {
            if (list instanceof Value.ListV l) {
                l.items().forEach(v -> mergeSource(merged, v, sourceSids));
            } else if (!Values.isNull(list)) {
                mergeSource(merged, list, sourceSids);
            }
        });
        Doc own = new Doc();
        Value version = body.get("version").orElse(Values.str(DEFAULT_VERSION, at));
        own.version = version;
        body.get("policy_id").ifPresent(v -> own.id = v);
        Set<String> ownSids = new HashSet<>();
        for (Value s : body.get("statement").map(Value::asList).orElse(List.of())) {
            Value st = s instanceof Value.MapV m ? statement(m, version) : s;
            String sid = st instanceof Value.MapV m ? m.get("Sid").flatMap(Value::asString).orElse("") : "";
            if (!sid.isEmpty() && !ownSids.add(sid)) {
                throw new Refused("duplicate Sid (" + sid + ")");
            }
            own.statements.add(st);
        }
        merge(merged, own, merged.statements.size());
        body.get("override_policy_documents").ifPresent(list -> {
            if (list instanceof Value.ListV l) {
                l.items().forEach(v -> mergeOverride(merged, v));
            } else if (!Values.isNull(list)) {
                mergeOverride(merged, list);
            }
        });
        body.get("override_json").ifPresent(v -> mergeOverride(merged, v));

        Map<String, Value> doc = new LinkedHashMap<>();
        doc.put("Version", merged.version == null ? Values.str(DEFAULT_VERSION, at) : merged.version);
        if (merged.id != null) {
            doc.put("Id", merged.id);
        }
        if (!merged.statements.isEmpty()) {
            doc.put("Statement", Values.list(merged.statements, at));
        }
        return Values.map(doc, at);
    }

    private static void mergeSource(Doc merged, Value v, Set<String> sids) {
        Doc d = parsed(v);
        if (d == null) {
            return;
        }
        for (Value s : d.statements) {
            String sid = s instanceof Value.MapV m ? m.get("Sid").flatMap(Value::asString).orElse("") : "";
            if (!sid.isEmpty() && !sids.add(sid)) {
                throw new Refused("duplicate Sid (" + sid + ") in source_policy_documents");
            }
        }
        merge(merged, d, 0);
    }

    private static void mergeOverride(Doc merged, Value v) {
        Doc d = parsed(v);
        if (d != null) {
            merge(merged, d, Integer.MAX_VALUE);
        }
    }

    /** A source or override document: JSON text, a structured document, null (skipped) or UNKNOWN. */
    private static Doc parsed(Value v) {
        if (Values.isNull(v)) {
            return null;
        }
        Value m = v;
        if (v instanceof Value.Scalar s && s.value() instanceof String text) {
            try {
                m = Functions.call("jsondecode", List.of(v), v.location(), text);
            } catch (Functions.EvalError e) {
                throw new Refused("a merged document is not JSON");
            }
        }
        Doc d = new Doc();
        if (!(m instanceof Value.MapV map)) {
            String why = Values.reasonOf(m);
            d.statements.add(new Value.Unknown("a merged policy document is not known"
                    + (why == null ? "" : ": " + why), null, Values.refs(m), v.location()));
            d.id = d.statements.get(0);
            return d;
        }
        d.version = map.get("Version").orElse(null);
        d.id = map.get("Id").orElse(null);
        Value st = map.get("Statement").orElse(null);
        if (st instanceof Value.ListV l) {
            d.statements.addAll(l.items());
        } else if (st instanceof Value.Unknown || st instanceof Value.Symbol) {
            d.statements.add(Values.unknownFrom(null, st.location(), st));
        } else if (st != null && !Values.isNull(st)) {
            throw new Refused("a merged document's Statement is not a list");
        }
        return d;
    }

    /**
     * The provider's merge: the newer Id and the higher Version win; a statement replaces the one with its
     * Sid or is added. A statement whose Sid is not known (or that is not known at all) may replace any
     * statement with a Sid among the first {@code replaceable} (none for source documents, whose Sids are
     * distinct; those before the data source's own statements, which Terraform keeps distinct): those are then UNKNOWN.
     */
    private static void merge(Doc into, Doc d, int replaceable) {
        if (d.id != null && !(d.id.asString().filter(String::isEmpty).isPresent())) {
            into.id = d.id;
        }
        if (d.version != null) {
            String a = into.version == null ? "" : into.version.asString().orElse(null);
            String b = d.version.asString().orElse(null);
            if (a == null || b == null) {
                into.version = Values.unknownFrom(null, d.version.location(), into.version, d.version);
            } else if (b.compareTo(a) > 0) {
                into.version = d.version;
            }
        }
        for (Value s : d.statements) {
            Value sidValue = s instanceof Value.MapV m ? m.get("Sid").orElse(Values.str("", s.location())) : null;
            String sid = sidValue == null ? null : sidValue.asString().orElse(null);
            if (sid != null && sid.isEmpty()) {
                into.statements.add(s);
                continue;
            }
            if (sid != null) {
                boolean seen = false;
                for (int i = 0; i < into.statements.size() && !seen; i++) {
                    if (into.statements.get(i) instanceof Value.MapV e
                            && e.get("Sid").flatMap(Value::asString).filter(sid::equals).isPresent()) {
                        into.statements.set(i, s);
                        seen = true;
                    }
                }
                if (!seen) {
                    into.statements.add(s);
                }
                continue;
            }
            if (replaceable > 0) {
                String why = s instanceof Value.Unknown u ? u.reason()
                        : "its Sid is " + sidValue.describe();
                for (int i = 0; i < Math.min(replaceable, into.statements.size()); i++) {
                    if (into.statements.get(i) instanceof Value.MapV e
                            && e.get("Sid").flatMap(Value::asString).filter(x -> !x.isEmpty()).isPresent()) {
                        into.statements.set(i, new Value.Unknown("may be replaced by a statement merged after it ("
                                + why + ")", null, Values.refs(e, s), e.location()));
                    }
                }
            }
            into.statements.add(s);
        }
    }

    // ---------------------------------------------------------------- one statement block

    private static Value.MapV statement(Value.MapV block, Value version) {
        boolean v2012 = version.asString().filter(DEFAULT_VERSION::equals).isPresent();
        Map<String, Value> out = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        put(out, keys, block, "sid", "Sid", v -> v.asString().filter(String::isEmpty).isPresent() ? null : v);
        Value effect = block.get("effect").orElse(Values.str("Allow", block.location()));
        out.put("Effect", effect);
        keys.put("Effect", block.keyLocation("effect"));
        put(out, keys, block, "actions", "Action", v -> set(v, false));
        put(out, keys, block, "not_actions", "NotAction", v -> set(v, false));
        put(out, keys, block, "resources", "Resource", v -> set(v, v2012));
        put(out, keys, block, "not_resources", "NotResource", v -> set(v, v2012));
        put(out, keys, block, "principals", "Principal", v -> principals(v, v2012));
        put(out, keys, block, "not_principals", "NotPrincipal", v -> principals(v, v2012));
        put(out, keys, block, "condition", "Condition", v -> conditions(v, v2012));
        return new Value.MapV(out, keys, block.location());
    }

    private static void put(Map<String, Value> out, Map<String, SourceLocation> keys, Value.MapV block, String arg,
                            String key, java.util.function.UnaryOperator<Value> f) {
        Value v = block.entries().get(arg);
        if (v == null || Values.isNull(v)) {
            return;
        }
        Value x = f.apply(v);
        if (x != null) {
            out.put(key, x);
            keys.put(key, block.keyLocation(arg));
        }
    }

    /**
     * A set of strings as the provider writes it: duplicates dropped, one element as a string, several in
     * reverse order; unresolved elements stay in place. Empty is omitted (null).
     */
    private static Value set(Value v, boolean vars) {
        if (!(v instanceof Value.ListV l)) {
            return vars ? vars(v) : v;
        }
        List<Value> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean allKnown = true;
        for (Value i : l.items()) {
            Value x = vars ? vars(i) : i;
            String s = x instanceof Value.Scalar sc && sc.value() instanceof String str ? str : null;
            if (s == null) {
                allKnown = false;
                items.add(x);
            } else if (seen.add(s)) {
                items.add(x);
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        if (allKnown) {
            items.sort(Comparator.comparing((Value x) -> (String) ((Value.Scalar) x).value()).reversed());
        }
        return items.size() == 1 ? items.get(0) : Values.list(items, v.location());
    }

    /** {@code &{aws:username}} is written {@code ${aws:username}} in a 2012-10-17 document. */
    private static Value vars(Value v) {
        if (v instanceof Value.Scalar s && s.value() instanceof String str && str.contains("&{")) {
            return new Value.Scalar(str.replace("&{", "${"), s.how(), s.location());
        }
        return v;
    }

    /** {@code principals} blocks as the Principal element; a block whose type is not known makes it UNKNOWN. */
    private static Value principals(Value v, boolean vars) {
        Map<String, List<Value>> byType = new TreeMap<>();
        for (Value p : v.asList()) {
            if (!(p instanceof Value.MapV m) || m.get("type").flatMap(Value::asString).isEmpty()) {
                return Values.unknownFrom(null, p.location(), p instanceof Value.MapV m ? m.get("type").orElse(p) : p);
            }
            String type = m.get("type").flatMap(Value::asString).get();
            Value ids = m.get("identifiers").orElse(Values.list(List.of(), m.location()));
            List<Value> list = byType.computeIfAbsent(type, k -> new ArrayList<>());
            Value s = set(ids, vars);
            if (s != null) {
                list.addAll(s.asList());
            }
        }
        if (byType.isEmpty()) {
            return null;
        }
        if (byType.size() == 1 && byType.containsKey("*") && byType.get("*").size() == 1
                && byType.get("*").get(0).asString().filter("*"::equals).isPresent()) {
            return Values.str("*", v.location());
        }
        Map<String, Value> out = new LinkedHashMap<>();
        byType.forEach((k, ids) -> out.put(k, ids.size() == 1 ? ids.get(0) : Values.list(ids, v.location())));
        return Values.map(out, v.location());
    }

    /** {@code condition} blocks as the Condition element, test then variable; an unknown test or variable makes it UNKNOWN. */
    private static Value conditions(Value v, boolean vars) {
        Map<String, Map<String, List<Value>>> byTest = new TreeMap<>();
        for (Value c : v.asList()) {
            if (!(c instanceof Value.MapV m) || m.get("test").flatMap(Value::asString).isEmpty()
                    || m.get("variable").flatMap(Value::asString).isEmpty()) {
                return Values.unknownFrom(null, c.location(), c);
            }
            Value values = m.get("values").orElse(Values.list(List.of(), m.location()));
            List<Value> list = byTest.computeIfAbsent(m.get("test").flatMap(Value::asString).get(), k -> new TreeMap<>())
                    .computeIfAbsent(m.get("variable").flatMap(Value::asString).get(), k -> new ArrayList<>());
            if (values instanceof Value.ListV l) {
                l.items().forEach(x -> list.add(vars ? vars(x) : x));
            } else {
                list.add(values);
            }
        }
        if (byTest.isEmpty()) {
            return null;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        byTest.forEach((test, byVar) -> {
            Map<String, Value> m = new LinkedHashMap<>();
            byVar.forEach((var, vals) -> m.put(var, vals.size() == 1 ? vals.get(0) : Values.list(vals, v.location())));
            out.put(test, Values.map(m, v.location()));
        });
        return Values.map(out, v.location());
    }
}
