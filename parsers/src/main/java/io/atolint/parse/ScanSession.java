package io.atolint.parse;

import io.atolint.model.Finding;
import io.atolint.model.Model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of one scan while the format handlers run over the tree. */
public final class ScanSession {
    private final SourceTree tree;
    private final ParseOptions options;
    private final Set<String> claimed = new LinkedHashSet<>();
    private final List<Model> models = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final ScanBudget budget;
    private final Map<String, ReadResult> handedOn = new java.util.concurrent.ConcurrentHashMap<>();

    public ScanSession(SourceTree tree, ParseOptions options) {
        this(tree, options, new ScanBudget(options.limits()));
    }

    /** A session whose models count against {@code budget}, shared by every tree of one scan. */
    public ScanSession(SourceTree tree, ParseOptions options, ScanBudget budget) {
        this.tree = tree;
        this.options = options;
        this.budget = budget;
    }

    public SourceTree tree() {
        return tree;
    }

    public ParseOptions options() {
        return options;
    }

    /**
     * What a handler read of a file it leaves to the next handlers (a {@code .json} file that is no Terraform
     * plan): the next to read it through {@link #readText} takes it instead of reading the file again.
     */
    public void handOn(String path, ReadResult read) {
        handedOn.put(path, read);
    }

    /** A file of the tree as text: what an earlier handler handed on (taken, not kept), else read now. */
    public ReadResult readText(String path) {
        ReadResult r = handedOn.remove(path);
        return r != null ? r : tree.readText(path);
    }

    /** Files no handler has claimed yet. */
    public List<String> unclaimed() {
        List<String> out = new ArrayList<>();
        for (String f : tree.files()) {
            if (!claimed.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    public boolean isClaimed(String path) {
        return claimed.contains(path);
    }

    public void claim(String path) {
        claimed.add(path);
        skipped.remove(path);
    }

    /** Adds a model, unless the scan already holds as many models or resources as its limits allow. */
    public void addModel(Model m) {
        if (budget.admit(m, findings::add)) {
            models.add(m);
        }
    }

    /** A finding that belongs to no model (a file that could not be read at all). */
    public void report(Finding f) {
        findings.add(f);
    }

    /** Records that a file was looked at and is not an input of any format, and why. */
    public void skip(String path, String reason) {
        if (!claimed.contains(path)) {
            skipped.putIfAbsent(path, reason);
        }
    }

    public ScanResult result() {
        Map<String, String> sk = new LinkedHashMap<>(skipped);
        sk.keySet().removeAll(claimed);
        return new ScanResult(List.copyOf(models), List.copyOf(findings), Collections.unmodifiableMap(sk),
                List.copyOf(claimed));
    }
}
