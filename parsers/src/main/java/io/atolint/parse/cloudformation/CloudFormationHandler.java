package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.SourceLocation;
import io.atolint.parse.FormatHandler;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.ScanSession;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plain CloudFormation templates, YAML or JSON, recognised by content: a {@code Resources} mapping of
 * {@code Type: AWS::...} entries (or {@code AWSTemplateFormatVersion}). Other YAML/JSON is skipped
 * with the reason; a file named {@code .template} that is not a template is an error, and so is a
 * broken file that names AWS types (it was meant to be a template).
 */
public final class CloudFormationHandler implements FormatHandler {
    private static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "json", "template");

    @Override
    public String name() {
        return "cloudformation";
    }

    @Override
    public void scan(ScanSession session) {
        // First read every candidate, so that templates used as nested stacks are read through their
        // parent (with its parameter values) and not a second time on their own.
        Map<String, Candidate> templates = new LinkedHashMap<>();
        for (String path : session.unclaimed()) {
            String ext = extension(path);
            if (!EXTENSIONS.contains(ext)) {
                continue;
            }
            try {
                Candidate c = read(session, path, ext.equals("template"));
                if (c != null) {
                    templates.put(path, c);
                }
            } catch (RuntimeException | StackOverflowError e) {
                session.claim(path);
                session.report(ParseFindings.internalError(SourceLocation.ofFile(path), "while reading", e));
            }
        }
        List<StackLinks.Template> all = new ArrayList<>();
        templates.values().forEach(c -> all.add(new StackLinks.Template(c.file(), c.doc(), StackInfo.of(c.file().path()))));
        StackLinks links = StackLinks.of(all, session.options(), p -> relative(session.tree().root(), p));
        Set<String> nestedChildren = new HashSet<>(links.nestedChildren());
        for (Candidate c : templates.values()) {
            nestedChildren.addAll(localNestedPaths(c));
        }
        List<StackLinks.Template> tops = new ArrayList<>();
        for (StackLinks.Template t : all) {
            if (!nestedChildren.contains(t.file().path()) && !session.isClaimed(t.file().path())) {
                tops.add(t);
            }
        }
        for (List<StackLinks.Template> group : links.groups(tops)) {
            read(session, group, templates, links);
        }
        for (String child : nestedChildren) {
            if (templates.containsKey(child) && !session.isClaimed(child)) {
                // A template used only by templates in a cycle (or by itself): read it, and the cycle is reported.
                Candidate c = templates.get(child);
                read(session, List.of(new StackLinks.Template(c.file(), c.doc(), StackInfo.of(child))), templates, links);
            }
        }
    }

    /** One model: a template, or the templates linked by their exports, with their nested stacks. */
    private void read(ScanSession session, List<StackLinks.Template> group, Map<String, Candidate> templates, StackLinks links) {
        List<String> paths = group.stream().map(t -> t.file().path()).toList();
        try {
            paths.forEach(session::claim);
            CloudFormationParser parser = new CloudFormationParser(session.options(), Format.CLOUDFORMATION,
                    (parent, logicalId, node) -> localNestedTemplate(session, parent, node)
                            .or(() -> links.nested(parent.path(), logicalId).map(f -> {
                                session.claim(f.path());
                                return f;
                            })))
                    .withStacks(links::info);
            Model model = new Model(String.join(" + ", paths), Format.CLOUDFORMATION, paths);
            for (StackLinks.Template t : group) {
                parser.parseInto(model, t.file(), t.doc(), Map.of(), t.file().path() + "#", "", 0);
                templates.get(t.file().path()).problems().forEach(model::report);
                links.notes(t.file().path()).forEach(model::report);
            }
            session.addModel(model);
        } catch (RuntimeException | StackOverflowError e) {
            session.report(ParseFindings.internalError(SourceLocation.ofFile(paths.get(0)), "while reading", e));
        }
    }

    /** A path relative to the scanned root (what a nested stack's URL may end with). */
    private static String relative(String root, String path) {
        if (root.equals(".") || root.isEmpty()) {
            return path;
        }
        return path.startsWith(root + "/") ? path.substring(root.length() + 1) : path.substring(path.lastIndexOf('/') + 1);
    }

    private record Candidate(SourceFile file, TreeDocument doc, List<Finding> problems) {
    }

    /** A template to read, or null when the file is not one (skipped, or reported when it was meant to be). */
    private Candidate read(ScanSession session, String path, boolean mustBeTemplate) {
        ReadResult read = session.tree().readText(path);
        if (read instanceof ReadResult.Failure fail) {
            session.claim(path);
            session.report(ParseFindings.invalid(fail.location(), fail.message()));
            return null;
        }
        if (!(read instanceof ReadResult.Text text)) {
            return null;
        }
        SourceFile file = text.file();
        List<Finding> problems = new ArrayList<>();
        TreeDocument doc = Trees.read(file, session.options().limits(), problems);
        boolean meantAsTemplate = mustBeTemplate || file.text().contains("AWSTemplateFormatVersion")
                || file.text().contains("AWS::");
        if (doc == null) {
            if (meantAsTemplate) {
                session.claim(path);
                problems.forEach(session::report);
            } else {
                session.skip(path, "not YAML/JSON that atolint reads: " + problems.get(0).message());
            }
            return null;
        }
        String why = doc.root() == null ? "empty document" : CloudFormationParser.whyNotATemplate(doc.root());
        if (why != null) {
            if (mustBeTemplate) {
                session.claim(path);
                session.report(ParseFindings.invalid(SourceLocation.at(path, 1, 1), "not a CloudFormation template: " + why));
            } else {
                session.skip(path, "not a CloudFormation template: " + why);
            }
            return null;
        }
        return new Candidate(file, doc, problems);
    }

    /** Paths of the local templates a template uses as nested stacks. */
    private static List<String> localNestedPaths(Candidate c) {
        List<String> out = new ArrayList<>();
        Node res = ((Node.MapNode) c.doc().root()).get("Resources").orElse(null);
        if (!(res instanceof Node.MapNode resources)) {
            return out;
        }
        for (Node.Entry e : resources.entries()) {
            if (e.value() instanceof Node.MapNode r && r.get("Type").orElse(null) instanceof Node.ScalarNode t
                    && "AWS::CloudFormation::Stack".equals(t.value())) {
                localUrl(r).map(u -> SourceTree.resolve(c.file().directory(), u)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<String> localUrl(Node.MapNode stack) {
        Optional<Node> url = stack.get("Properties").filter(Node.MapNode.class::isInstance)
                .flatMap(p -> ((Node.MapNode) p).get("TemplateURL"));
        if (url.isEmpty() || !(url.get() instanceof Node.ScalarNode s) || !(s.value() instanceof String u)
                || u.contains("://") || u.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(u);
    }

    /** A nested stack whose {@code TemplateURL} is a relative path to a template in the scanned tree. */
    private static Optional<SourceFile> localNestedTemplate(ScanSession session, SourceFile parent, Node.MapNode node) {
        String resolved = localUrl(node).map(u -> SourceTree.resolve(parent.directory(), u)).orElse(null);
        if (resolved == null) {
            return Optional.empty();
        }
        ReadResult r = session.tree().readText(resolved);
        if (r instanceof ReadResult.Text t) {
            session.claim(resolved);
            return Optional.of(t.file());
        }
        return Optional.empty();
    }

    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
