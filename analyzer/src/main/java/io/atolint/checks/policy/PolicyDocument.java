package io.atolint.checks.policy;

import io.atolint.checks.support.JsonValues;
import io.atolint.graph.ResourceGraph;
import io.atolint.model.Kind;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An IAM policy document (identity, bucket, key or trust policy) read from whatever shape the input
 * gives it, into one statement model:
 * <ul>
 * <li>a structured value: CloudFormation's {@code PolicyDocument} map, a Terraform {@code jsonencode()}
 * argument kept as a map;</li>
 * <li>a JSON string: a Terraform heredoc or {@code jsonencode()} result, a JSON string property; parsed
 * with Jackson into plain trees (no type binding, nesting and length bounded);</li>
 * <li>a reference to a Terraform {@code aws_iam_policy_document} data source: its {@code statement}
 * blocks ({@code effect}, {@code actions}, {@code principals}, {@code condition}, ...).</li>
 * </ul>
 * Anything else is UNKNOWN, with the reason, so that a rule notes rather than fails.
 */
public final class PolicyDocument {
    private static final int MAX_STATEMENTS = 10_000;

    private final List<Statement> statements;
    private final String unknownReason;
    private final SourceLocation location;

    private PolicyDocument(List<Statement> statements, String unknownReason, SourceLocation location) {
        this.statements = List.copyOf(statements);
        this.unknownReason = unknownReason;
        this.location = location;
    }

    /** The statements read; for a partly unknown document, those that could be read. */
    public List<Statement> statements() {
        return statements;
    }

    /** Why (part of) the document is not known, or null when it is fully known. */
    public String unknownReason() {
        return unknownReason;
    }

    public boolean isKnown() {
        return unknownReason == null;
    }

    public SourceLocation location() {
        return location;
    }

    /** Reads a document from an attribute value; {@code graph} resolves data-source references. */
    public static PolicyDocument read(Value v, ResourceGraph graph) {
        SourceLocation at = v.location();
        if (v instanceof Value.MapV m) {
            return fromMap(m);
        }
        if (v instanceof Value.Scalar s && s.value() instanceof String text) {
            return fromJson(text, at);
        }
        Optional<Resource> source = dataSource(v, graph);
        if (source.isPresent()) {
            return fromDataSource(source.get());
        }
        if (v instanceof Value.Unknown u) {
            return unknown("policy unknown: " + u.reason(), at);
        }
        return unknown("policy is not a document: " + v.describe(), at);
    }

    private static PolicyDocument unknown(String reason, SourceLocation at) {
        return new PolicyDocument(List.of(), reason, at);
    }

    /** A Terraform {@code data.aws_iam_policy_document.x.json}: a reference, or an unknown naming it. */
    private static Optional<Resource> dataSource(Value v, ResourceGraph graph) {
        if (graph == null) {
            return Optional.empty();
        }
        List<Value.Ref> refs = new ArrayList<>();
        if (v instanceof Value.Ref r) {
            refs.add(r);
        } else if (v instanceof Value.Unknown u) {
            refs.addAll(u.refs());
            if (u.raw() != null) {
                String raw = u.raw();
                int i = raw.indexOf("data.aws_iam_policy_document.");
                if (i >= 0) {
                    int end = i + "data.aws_iam_policy_document.".length();
                    while (end < raw.length() && (Character.isLetterOrDigit(raw.charAt(end)) || raw.charAt(end) == '_'
                            || raw.charAt(end) == '-')) {
                        end++;
                    }
                    // the whole address, module path included: a document of the same name in another module is another document
                    int start = i;
                    while (start > 0 && (Character.isLetterOrDigit(raw.charAt(start - 1)) || "._-[]\"".indexOf(raw.charAt(start - 1)) >= 0)) {
                        start--;
                    }
                    String name = raw.substring(start, end);
                    for (Resource r : graph.resources(Kind.IAM_POLICY_DOCUMENT)) {
                        if (r.name().equals(name)) {
                            return Optional.of(r);
                        }
                    }
                }
            }
        }
        for (Value.Ref r : refs) {
            Optional<Resource> t = graph.resource(r.targetId());
            if (t.isPresent() && t.get().kind() == Kind.IAM_POLICY_DOCUMENT) {
                return t;
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ structured (CloudFormation, jsonencode)

    private static PolicyDocument fromMap(Value.MapV m) {
        if (m.unknownRest() != null) {
            return unknown("policy document is " + m.unknownRest(), m.location());
        }
        Optional<Value> st = m.get("Statement");
        if (st.isEmpty()) {
            return new PolicyDocument(List.of(), null, m.location());
        }
        if (st.get() instanceof Value.Unknown u) {
            return unknown("Statement unknown: " + u.reason(), u.location());
        }
        List<Statement> out = new ArrayList<>();
        String unknown = null;
        for (Value s : st.get().asList()) {
            if (out.size() >= MAX_STATEMENTS) {
                break;
            }
            if (s instanceof Value.MapV sm && sm.unknownRest() == null) {
                out.add(statement(sm));
            } else {
                unknown = s instanceof Value.Unknown u ? "a statement unknown: " + u.reason() : "a statement is not a mapping";
            }
        }
        return new PolicyDocument(out, unknown, m.location());
    }

    private static Statement statement(Value.MapV s) {
        Effect effect = Effect.of(s.get("Effect").orElse(null));
        List<Principal> principals = new ArrayList<>();
        boolean notPrincipal = false;
        Optional<Value> p = s.get("Principal");
        if (p.isEmpty()) {
            p = s.get("NotPrincipal");
            notPrincipal = p.isPresent();
        }
        p.ifPresent(v -> principals.addAll(principals(v)));
        List<Condition> conditions = new ArrayList<>();
        s.get("Condition").ifPresent(c -> conditions.addAll(conditions(c)));
        return new Statement(s.get("Sid").flatMap(Value::asString).orElse(null), effect,
                list(s.get("Action")), list(s.get("NotAction")), list(s.get("Resource")), list(s.get("NotResource")),
                p.isPresent(), notPrincipal, principals, conditions, s.location());
    }

    /** The block of Terraform's {@code aws_iam_policy_document} a statement is read from. */
    private static final String STATEMENT = "@PolicyDocumentStatement";

    private static List<Value> statementList(Resource doc, Value.MapV statement, String property) {
        return list(Optional.ofNullable(Setting.in(doc, STATEMENT, statement, property).value()));
    }

    private static List<Value> list(Optional<Value> v) {
        return v.map(Value::asList).orElse(List.of());
    }

    private static List<Principal> principals(Value v) {
        List<Principal> out = new ArrayList<>();
        if (v instanceof Value.MapV m) {
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                for (Value id : e.getValue().asList()) {
                    out.add(new Principal(e.getKey(), id));
                }
            }
        } else {
            // "Principal": "*" is everyone; anything else that is not a map is unresolved.
            out.add(new Principal(v.asString().filter("*"::equals).isPresent() ? "*" : "?", v));
        }
        return out;
    }

    private static List<Condition> conditions(Value v) {
        List<Condition> out = new ArrayList<>();
        if (!(v instanceof Value.MapV ops)) {
            out.add(new Condition("?", "?", List.of(v)));
            return out;
        }
        for (Map.Entry<String, Value> op : ops.entries().entrySet()) {
            if (op.getValue() instanceof Value.MapV keys) {
                for (Map.Entry<String, Value> k : keys.entries().entrySet()) {
                    out.add(new Condition(op.getKey(), k.getKey(), k.getValue().asList()));
                }
            } else {
                out.add(new Condition(op.getKey(), "?", List.of(op.getValue())));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ JSON text

    private static PolicyDocument fromJson(String text, SourceLocation at) {
        String t = text.strip();
        if (t.isEmpty() || t.charAt(0) != '{') {
            return unknown("policy is a string that is not a JSON document", at);
        }
        StringBuilder why = new StringBuilder();
        Optional<Value> v = JsonValues.parse(t, at, why);
        if (v.isEmpty()) {
            return unknown("policy JSON does not parse: " + why, at);
        }
        return v.get() instanceof Value.MapV m ? fromMap(m) : unknown("policy JSON is not an object", at);
    }

    // ------------------------------------------------------------------ Terraform aws_iam_policy_document

    private static PolicyDocument fromDataSource(Resource doc) {
        List<Statement> out = new ArrayList<>();
        String unknown = null;
        if (Setting.of(doc, "MergedDocuments").present()) {
            unknown = doc.name() + " merges other documents, which are not read";
        }
        for (Value s : Setting.of(doc, "Statements").items()) {
            if (!(s instanceof Value.MapV m) || m.unknownRest() != null) {
                unknown = "a statement of " + doc.name() + " is not known";
                continue;
            }
            Setting effectSetting = Setting.in(doc, STATEMENT, m, "Effect");
            Effect effect = effectSetting.present() ? Effect.of(effectSetting.value()) : Effect.ALLOW;
            List<Principal> principals = new ArrayList<>();
            boolean hasPrincipal = false;
            boolean notPrincipal = false;
            for (String key : new String[]{"Principals", "NotPrincipals"}) {
                for (Value p : Setting.in(doc, STATEMENT, m, key).items()) {
                    hasPrincipal = true;
                    notPrincipal = key.startsWith("Not");
                    String type = Setting.in(doc, "@PolicyDocumentPrincipal", p, "Type").string().orElse("?");
                    for (Value id : Setting.in(doc, "@PolicyDocumentPrincipal", p, "Identifiers").items()) {
                        principals.add(new Principal(type, id));
                    }
                }
            }
            List<Condition> conditions = new ArrayList<>();
            for (Value c : Setting.in(doc, STATEMENT, m, "Conditions").items()) {
                conditions.add(new Condition(Setting.in(doc, "@PolicyDocumentCondition", c, "Test").string().orElse("?"),
                        Setting.in(doc, "@PolicyDocumentCondition", c, "Variable").string().orElse("?"),
                        Setting.in(doc, "@PolicyDocumentCondition", c, "Values").items()));
            }
            out.add(new Statement(Setting.in(doc, STATEMENT, m, "Sid").string().orElse(null), effect,
                    statementList(doc, m, "Actions"), statementList(doc, m, "NotActions"), statementList(doc, m, "Resources"),
                    statementList(doc, m, "NotResources"), hasPrincipal, notPrincipal, principals, conditions, m.location()));
        }
        return new PolicyDocument(out, unknown, doc.location());
    }

    // ------------------------------------------------------------------ model

    public enum Effect {
        ALLOW, DENY, UNKNOWN;

        static Effect of(Value v) {
            if (v == null) {
                return UNKNOWN;
            }
            String s = v.asString().orElse("").toLowerCase(Locale.ROOT);
            return s.equals("allow") ? ALLOW : s.equals("deny") ? DENY : UNKNOWN;
        }
    }

    /** One principal: {@code type} is {@code AWS}, {@code Service}, {@code Federated}, ... or {@code *} for the bare wildcard. */
    public record Principal(String type, Value id) {
        /** Anyone: {@code "*"}, {@code {"AWS": "*"}}, or every account's root ({@code arn:aws:iam::*:root}). */
        public boolean isEveryone() {
            if (type.equals("*")) {
                return true;
            }
            if (!type.equalsIgnoreCase("AWS")) {
                return false;
            }
            String s = id.asString().orElse("");
            return s.equals("*") || s.matches("arn:aws[a-z-]*:iam::\\*:root");
        }

        /**
         * Not decidable: a parameter without default, or an unresolved value whose written text could be
         * a wildcard. {@code !Sub "arn:aws:iam::${AWS::AccountId}:root"} names an account and is decided.
         */
        public boolean isUnknown() {
            if (type.equals("?") || id instanceof Value.Symbol) {
                return true;
            }
            if (id instanceof Value.Unknown u) {
                return u.raw() == null || u.raw().contains("*");
            }
            return false;
        }
    }

    /** One condition key test: {@code StringEquals aws:SourceVpc [vpc-1]}. */
    public record Condition(String operator, String key, List<Value> values) {
    }

    public record Statement(String sid, Effect effect, List<Value> actions, List<Value> notActions,
                            List<Value> resources, List<Value> notResources, boolean hasPrincipal,
                            boolean notPrincipal, List<Principal> principals, List<Condition> conditions,
                            SourceLocation location) {

        /** Action strings that are known (lower-cased); unknown elements are left out. */
        public List<String> knownActions() {
            return known(actions);
        }

        public boolean hasUnknownAction() {
            return actions.stream().anyMatch(a -> a.asString().isEmpty());
        }

        public List<String> knownResources() {
            return known(resources);
        }

        private static List<String> known(List<Value> vs) {
            List<String> out = new ArrayList<>();
            for (Value v : vs) {
                v.asString().ifPresent(s -> out.add(s.trim().toLowerCase(Locale.ROOT)));
            }
            return out;
        }

        /** A human label: the Sid, or the position. */
        public String label(int index) {
            return sid != null && !sid.isBlank() ? "statement \"" + sid + "\"" : "statement " + (index + 1);
        }
    }
}
