package io.atolint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one unit of input deploys or draws: a CloudFormation template, a CDK stack (with its nested
 * stacks), a Terraform root module (with its child modules), a diagram page. Resources, relations
 * between them, and the problems met while reading (positioned {@code PARSE} findings).
 */
public final class Model {
    private final String unit;
    private final Format format;
    private final List<String> files;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    /**
     * A snapshot of the resources, rebuilt after an addition: iterating it while adding is safe. Volatile,
     * as is the index by kind: checks run on several threads, and the first to ask builds it.
     */
    private volatile List<Resource> snapshot = List.of();
    /** The resources by kind, built on first use after an addition (rules ask per kind, many times). */
    private volatile Map<Kind, List<Resource>> byKind;
    private final List<Relation> relations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final List<Input> inputs = new ArrayList<>();
    /** Each template file's own top-level {@code Metadata} (CloudFormation and CDK), by file. */
    private final Map<String, Value.MapV> fileMetadata = new LinkedHashMap<>();

    public Model(String unit, Format format, List<String> files) {
        this.unit = unit;
        this.format = format;
        this.files = List.copyOf(files);
    }

    /** A display name for the unit: the template path, {@code cdk.out/Stack}, the module directory. */
    public String unit() {
        return unit;
    }

    public Format format() {
        return format;
    }

    /** The files this model was read from (relative to the scanned root). */
    public List<String> files() {
        return files;
    }

    public Model add(Resource r) {
        Resource prev = resources.putIfAbsent(r.id(), r);
        if (prev != null) {
            throw new IllegalStateException("duplicate resource id " + r.id());
        }
        snapshot = null;
        byKind = null;
        return this;
    }

    public boolean contains(String resourceId) {
        return resources.containsKey(resourceId);
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /** The resources in the order they were read (an immutable snapshot). */
    public List<Resource> resources() {
        List<Resource> s = snapshot;
        if (s == null) {
            s = List.copyOf(resources.values());
            snapshot = s;
        }
        return s;
    }

    public int resourceCount() {
        return resources.size();
    }

    /** The resources of one kind in the order they were read (a copy the caller may change). */
    public List<Resource> resources(Kind kind) {
        Map<Kind, List<Resource>> index = byKind;
        if (index == null) {
            index = new java.util.EnumMap<>(Kind.class);
            for (Resource r : resources.values()) {
                index.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
            }
            byKind = index;
        }
        return new ArrayList<>(index.getOrDefault(kind, List.of()));
    }

    public Model relate(Relation rel) {
        relations.add(rel);
        return this;
    }

    public List<Relation> relations() {
        return Collections.unmodifiableList(relations);
    }

    public Model report(Finding f) {
        findings.add(f);
        return this;
    }

    /** Problems met while reading (parse errors, limits, resolution notes). */
    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    public Model addInput(Input input) {
        inputs.add(input);
        return this;
    }

    /** Parameters and variables of the unit, as declared (see {@link Input}). */
    public List<Input> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** The key of {@link #meta()} giving the AZ of a subnet the files name only by id, looked up at synth (CDK). */
    public static final String LOOKED_UP_SUBNET = "looked-up subnet ";

    /** Unit-level facts (template description, stack name, page name). */
    public Map<String, String> meta() {
        return meta;
    }

    /** Records the top-level {@code Metadata} of one of the model's template files. */
    public Model putFileMetadata(String file, Value.MapV metadata) {
        fileMetadata.put(file, metadata);
        return this;
    }

    /** The top-level {@code Metadata} of the model's template files that have one, by file, in reading order. */
    public Map<String, Value.MapV> fileMetadata() {
        return Collections.unmodifiableMap(fileMetadata);
    }
}
