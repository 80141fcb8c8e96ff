package io.atolint.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployed (or drawn) thing. {@code id} is unique in a scan (origin plus logical name) and is the
 * only input to equals/hashCode; {@code name} is what the user wrote (CloudFormation logical id,
 * Terraform address, diagram cell id). Attributes are resolved, three-valued {@link Value}s whose map
 * keys are looked up format-blind.
 *
 * <p>Placement is computed after parsing (see {@code PlacementResolver}); until then it is
 * {@link Placement#NONE}.
 */
public final class Resource {
    private final String id;
    private final String name;
    private final String rawType;
    private final Kind kind;
    private final Value.MapV attributes;
    private final SourceLocation location;
    private final Format format;
    private final Map<String, String> meta;
    private final Value.MapV metadata;
    private volatile Placement placement = Placement.NONE;

    public Resource(String id, String name, String rawType, Kind kind, Value.MapV attributes,
                    SourceLocation location, Format format, Map<String, String> meta) {
        this(id, name, rawType, kind, attributes, location, format, meta, Value.MapV.empty(location));
    }

    public Resource(String id, String name, String rawType, Kind kind, Value.MapV attributes,
                    SourceLocation location, Format format, Map<String, String> meta, Value.MapV metadata) {
        this.metadata = Objects.requireNonNull(metadata);
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.rawType = Objects.requireNonNull(rawType);
        this.kind = Objects.requireNonNull(kind);
        this.attributes = Objects.requireNonNull(attributes);
        this.location = Objects.requireNonNull(location);
        this.format = Objects.requireNonNull(format);
        this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String rawType() {
        return rawType;
    }

    public Kind kind() {
        return kind;
    }

    public Value.MapV attributes() {
        return attributes;
    }

    public SourceLocation location() {
        return location;
    }

    public Format format() {
        return format;
    }

    /**
     * Format-specific facts that reports show: {@code cdkPath} (CDK construct path), {@code label}
     * (diagram label), {@code condition} (CloudFormation condition name), {@code page}, ...
     */
    public Map<String, String> meta() {
        return meta;
    }

    /**
     * Structured annotations that are not properties: CloudFormation's resource {@code Metadata}
     * (where suppressions for atolint, checkov, cfn_nag and cfn-lint live), diagram cell attributes.
     */
    public Value.MapV metadata() {
        return metadata;
    }

    public Optional<String> meta(String key) {
        return Optional.ofNullable(meta.get(key));
    }

    public Placement placement() {
        return placement;
    }

    public void setPlacement(Placement placement) {
        this.placement = Objects.requireNonNull(placement);
    }

    /** Format-blind attribute lookup: {@code attr("MultiAZ")} also finds {@code multi_az}. */
    public Optional<Value> attr(String... namesOfTheSameProperty) {
        return attributes.first(namesOfTheSameProperty);
    }

    /**
     * How a message names a property: the key as the file writes it ({@code multi_az}), else as the
     * resource's format spells it ({@code terraform} for Terraform and plans, {@code cloudFormation} for
     * the others: a drawn resource's attributes come from its labels, named as the template would).
     */
    public String spelling(String cloudFormation, String terraform) {
        for (String n : new String[] {cloudFormation, terraform}) {
            if (attributes.has(n)) {
                for (String k : attributes.entries().keySet()) {
                    if (Value.key(k).equals(Value.key(n))) {
                        return k;
                    }
                }
            }
        }
        return format == Format.TERRAFORM || format == Format.TERRAFORM_PLAN ? terraform : cloudFormation;
    }

    /** Where an attribute is written, or the resource itself when it is omitted. */
    public SourceLocation locationOf(String... names) {
        for (String n : names) {
            if (attributes.has(n)) {
                return attributes.keyLocation(n);
            }
        }
        return location;
    }

    /**
     * How to call the resource in a message: its name, or for CDK the construct path users know
     * ({@code Stack/Alb/Resource}), with the logical id when the path does not already end with it;
     * for a diagram shape its label and cell id ({@code Web ALB (cell 7)}); for a resource of a Terraform
     * module that several root modules instantiate, the root it was read from
     * ({@code examples/complete: module.vpc.aws_vpc.this[0]}); for a resource of a template read with
     * the stacks it exports to or imports from, the template ({@code network.yaml: PublicSubnet1}).
     */
    public String displayName() {
        if (format.isDiagram()) {
            // a person points at a drawn thing by its label, or by what and where it is; the cell id is
            // in the location (SARIF logical location), not in the name
            String label = meta.getOrDefault("label", "");
            return !label.isEmpty() ? label : meta.getOrDefault("name", "cell " + name);
        }
        String cdk = meta.get("cdkPath");
        if (cdk != null) {
            return cdk.endsWith("/" + name) ? cdk : cdk + " [" + name + "]";
        }
        String root = meta.containsKey("root") ? meta.get("root") : meta.get("template");
        return root == null ? name : root + ": " + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource r && r.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return name + " [" + rawType + "]";
    }
}
