package io.atolint.parse.tree;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a YAML or JSON file into a tree, turning every failure into a positioned finding. */
public final class Trees {
    private Trees() {
    }

    /** The tree, or null with a finding added to {@code problems}; duplicate keys are reported too. */
    public static TreeDocument read(SourceFile file, Limits limits, List<Finding> problems) {
        try {
            TreeDocument doc = JsonTreeReader.looksLikeJson(file.text())
                    ? new JsonTreeReader(limits).read(file.text())
                    : new YamlTreeReader(limits).read(file.text());
            for (DuplicateKey d : doc.duplicates()) {
                problems.add(ParseFindings.invalid(SourceLocation.at(file.path(), d.line(), d.column()),
                        "duplicate key '" + d.key() + "' (first at line " + d.firstLine() + "); the last value is used"));
            }
            return doc;
        } catch (TreeReadException e) {
            SourceLocation at = SourceLocation.at(file.path(), Math.max(1, e.line()), Math.max(1, e.column()));
            // A limit hit while reading leaves nothing to analyse: the file is not read, like a syntax error.
            problems.add(ParseFindings.invalid(at, e.isLimit() ? "not read: " + e.getMessage()
                    : (JsonTreeReader.looksLikeJson(file.text()) ? "invalid JSON: " : "invalid YAML: ") + e.getMessage()));
            return null;
        } catch (StackOverflowError e) {
            problems.add(ParseFindings.invalid(SourceLocation.at(file.path(), 1, 1), "not read: the document nests too deeply"));
            return null;
        }
    }

    public static TreeDocument read(SourceFile file, Limits limits) {
        return read(file, limits, new ArrayList<>());
    }

    /**
     * A node as a plain value, positioned, with no intrinsic function evaluated (for what is only data,
     * such as a template's top-level {@code Metadata}).
     */
    public static Value plain(Node n, String file, String path) {
        SourceLocation at = n.location(file, path);
        if (n instanceof Node.ScalarNode s) {
            return new Value.Scalar(s.value(), null, at);
        }
        if (n instanceof Node.SeqNode seq) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                items.add(plain(seq.items().get(i), file, path + "/" + i));
            }
            return new Value.ListV(items, at);
        }
        Node.MapNode map = (Node.MapNode) n;
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (Node.Entry e : map.entries()) {
            String k = e.key().text();
            entries.put(k, plain(e.value(), file, path + "/" + k));
            keys.put(k, e.key().location(file, path + "/" + k));
        }
        return new Value.MapV(entries, keys, at);
    }
}
