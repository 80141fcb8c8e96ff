package io.atolint.parse.cloudformation;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.Model;
import io.atolint.model.SourceLocation;
import io.atolint.parse.FormatHandler;
import io.atolint.parse.Parallel;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.ScanSession;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;

import java.util.ArrayList;
import java.util.HashMap;
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
        // parent (with its parameter values) and not a second time on their own. Files are read and
        // parsed on every core, with what each template exports and imports (its sites, for the links
        // between templates); what each read means for the session is applied in file order.
        List<String> paths = new ArrayList<>();
        for (String path : session.unclaimed()) {
            if (EXTENSIONS.contains(extension(path))) {
                paths.add(path);
            }
        }
        List<Read> reads = Parallel.map(paths, path -> {
            try {
                return read(session, path, extension(path).equals("template"));
            } catch (RuntimeException | StackOverflowError e) {
                return new Read(null, List.of(ParseFindings.internalError(SourceLocation.ofFile(path), "while reading", e)),
                        true, null);
            }
        });
        Map<String, Candidate> templates = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            Read r = reads.get(i);
            if (r.claim()) {
                session.claim(paths.get(i));
            }
            r.report().forEach(session::report);
            if (r.skip() != null) {
                session.skip(paths.get(i), r.skip());
            }
            if (r.candidate() != null) {
                templates.put(paths.get(i), r.candidate());
            }
        }
        List<StackLinks.Template> all = new ArrayList<>();
        List<TemplateSites> sites = new ArrayList<>();
        for (Candidate c : templates.values()) {
            all.add(c.sites().template());
            sites.add(c.sites());
        }
        StackLinks links = StackLinks.ofSites(sites, session.options(), p -> relative(session.tree().root(), p));
        Set<String> nestedChildren = new HashSet<>(links.nestedChildren());
        Map<String, Integer> uses = new HashMap<>();
        links.nestedUses().forEach((child, by) -> uses.merge(child, by.size(), Integer::sum));
        for (Candidate c : templates.values()) {
            List<String> local = localNestedPaths(c);
            nestedChildren.addAll(local);
            local.forEach(child -> uses.merge(child, 1, Integer::sum));
        }
        Set<String> sharedNested = new HashSet<>();
        uses.forEach((child, n) -> {
            if (n > 1) {
                sharedNested.add(child);
            }
        });
        List<StackLinks.Template> tops = new ArrayList<>();
        for (StackLinks.Template t : all) {
            if (!nestedChildren.contains(t.file().path()) && !session.isClaimed(t.file().path())) {
                session.claim(t.file().path());
                tops.add(t);
            }
        }
        // Each group (a template, or the templates linked by their exports) is read on every core; what
        // each read means for the session is applied in group order.
        List<Parsed> parsed = Parallel.map(links.groups(tops), group -> read(session, group, templates, links, sharedNested));
        Set<String> readAsNested = new HashSet<>();
        for (Parsed p : parsed) {
            if (readAsNested.containsAll(p.tops())) {
                continue; // templates an earlier one read as its nested stacks (through a file that is no candidate)
            }
            readAsNested.addAll(p.nestedRead());
            apply(session, p);
        }
        for (String child : nestedChildren) {
            if (templates.containsKey(child) && !session.isClaimed(child)) {
                // A template used only by templates in a cycle (or by itself): read it, and the cycle is reported.
                Candidate c = templates.get(child);
                session.claim(child);
                apply(session, read(session, List.of(new StackLinks.Template(c.file(), c.doc(), StackInfo.of(child))),
                        templates, links, sharedNested));
            }
        }
    }

    private static void apply(ScanSession session, Parsed p) {
        p.nestedRead().forEach(session::claim);
        if (p.model() != null) {
            session.addModel(p.model());
        } else {
            session.report(p.failure());
        }
    }

    /**
     * One model: a template, or the templates linked by their exports, with their nested stacks (the
     * paths of those go to the result, for the session to claim once the parallel reading is over).
     */
    private static Parsed read(ScanSession session, List<StackLinks.Template> group, Map<String, Candidate> templates,
                               StackLinks links, Set<String> sharedNested) {
        List<String> paths = group.stream().map(t -> t.file().path()).toList();
        List<String> nestedRead = new ArrayList<>();
        try {
            CloudFormationParser parser = new CloudFormationParser(session.options(), Format.CLOUDFORMATION,
                    (parent, logicalId, node) -> localNestedTemplate(session, parent, node, nestedRead)
                            .or(() -> links.nested(parent.path(), logicalId).map(f -> {
                                nestedRead.add(f.path());
                                return f;
                            })))
                    .withStacks(links::info).withSharedNested(sharedNested);
            Model model = new Model(String.join(" + ", paths), Format.CLOUDFORMATION, paths);
            for (StackLinks.Template t : group) {
                parser.parseInto(model, t.file(), t.doc(), Map.of(), t.file().path() + "#", "", 0);
                templates.get(t.file().path()).problems().forEach(model::report);
                links.notes(t.file().path()).forEach(model::report);
            }
            return new Parsed(paths, model, null, nestedRead);
        } catch (RuntimeException | StackOverflowError e) {
            return new Parsed(paths, null, ParseFindings.internalError(SourceLocation.ofFile(paths.get(0)), "while reading", e),
                    nestedRead);
        }
    }

    /** A path relative to the scanned root (what a nested stack's URL may end with). */
    private static String relative(String root, String path) {
        if (root.equals(".") || root.isEmpty()) {
            return path;
        }
        return path.startsWith(root + "/") ? path.substring(root.length() + 1) : path.substring(path.lastIndexOf('/') + 1);
    }

    private record Candidate(SourceFile file, TreeDocument doc, List<Finding> problems, TemplateSites sites) {
    }

    /** What reading one file means for the session: a template to parse, or findings, a claim, a skip. */
    private record Read(Candidate candidate, List<Finding> report, boolean claim, String skip) {
    }

    /** Templates read into one model (or the defect that stopped it), and the nested templates they read. */
    private record Parsed(List<String> tops, Model model, Finding failure, List<String> nestedRead) {
    }

    /** A template to read, or why the file is not one (skipped, or reported when it was meant to be). */
    private static Read read(ScanSession session, String path, boolean mustBeTemplate) {
        ReadResult read = session.readText(path);
        if (read instanceof ReadResult.Failure fail) {
            return new Read(null, List.of(ParseFindings.invalid(fail.location(), fail.message())), true, null);
        }
        if (!(read instanceof ReadResult.Text text)) {
            return new Read(null, List.of(), false, null);
        }
        SourceFile file = text.file();
        List<Finding> problems = new ArrayList<>();
        TreeDocument doc = Trees.read(file, session.options().limits(), problems);
        boolean meantAsTemplate = mustBeTemplate || file.text().contains("AWSTemplateFormatVersion")
                || file.text().contains("AWS::");
        if (doc == null) {
            if (meantAsTemplate) {
                return new Read(null, problems, true, null);
            }
            return new Read(null, List.of(), false, "not YAML/JSON that atolint reads: " + problems.get(0).message());
        }
        String why = doc.root() == null ? "empty document" : CloudFormationParser.whyNotATemplate(doc.root());
        if (why != null) {
            if (mustBeTemplate) {
                return new Read(null, List.of(ParseFindings.invalid(SourceLocation.at(path, 1, 1),
                        "not a CloudFormation template: " + why)), true, null);
            }
            return new Read(null, List.of(), false, "not a CloudFormation template: " + why);
        }
        StackLinks.Template template = new StackLinks.Template(file, doc, StackInfo.of(file.path()));
        return new Read(new Candidate(file, doc, problems, TemplateSites.of(template, session.options())), List.of(), false, null);
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

    /**
     * A nested stack whose {@code TemplateURL} is a relative path to a template in the scanned tree; the
     * path goes to {@code read}, for the session to claim once the parallel parse is over.
     */
    private static Optional<SourceFile> localNestedTemplate(ScanSession session, SourceFile parent, Node.MapNode node,
                                                            List<String> read) {
        String resolved = localUrl(node).map(u -> SourceTree.resolve(parent.directory(), u)).orElse(null);
        if (resolved == null) {
            return Optional.empty();
        }
        ReadResult r = session.tree().readText(resolved);
        if (r instanceof ReadResult.Text t) {
            read.add(resolved);
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
