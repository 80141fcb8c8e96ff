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
        for (String path : session.unclaimed()) {
            String ext = extension(path);
            if (!EXTENSIONS.contains(ext) || session.isClaimed(path)) {
                continue;
            }
            ReadResult read = session.tree().readText(path);
            if (read instanceof ReadResult.Failure fail) {
                session.claim(path);
                session.report(ParseFindings.invalid(fail.location(), fail.message()));
                continue;
            }
            if (!(read instanceof ReadResult.Text text)) {
                continue;
            }
            try {
                scanFile(session, text.file(), ext.equals("template"));
            } catch (RuntimeException | StackOverflowError e) {
                session.claim(path);
                session.report(ParseFindings.invalid(SourceLocation.ofFile(path), "internal error while reading: " + e));
            }
        }
    }

    private void scanFile(ScanSession session, SourceFile file, boolean mustBeTemplate) {
        List<Finding> problems = new ArrayList<>();
        TreeDocument doc = Trees.read(file, session.options().limits(), problems);
        boolean meantAsTemplate = mustBeTemplate || file.text().contains("AWSTemplateFormatVersion")
                || file.text().contains("AWS::");
        if (doc == null) {
            if (meantAsTemplate) {
                session.claim(file.path());
                problems.forEach(session::report);
            } else {
                session.skip(file.path(), "not YAML/JSON that atolint reads: " + problems.get(0).message());
            }
            return;
        }
        String why = doc.root() == null ? "empty document" : CloudFormationParser.whyNotATemplate(doc.root());
        if (why != null) {
            if (mustBeTemplate) {
                session.claim(file.path());
                session.report(ParseFindings.invalid(SourceLocation.at(file.path(), 1, 1),
                        "not a CloudFormation template: " + why));
            } else {
                session.skip(file.path(), "not a CloudFormation template: " + why);
            }
            return;
        }
        session.claim(file.path());
        CloudFormationParser parser = new CloudFormationParser(session.options(), Format.CLOUDFORMATION,
                (parent, logicalId, node) -> localNestedTemplate(session, parent, node));
        Model model = parser.parse(file, doc, file.path());
        problems.forEach(model::report);
        session.addModel(model);
    }

    /** A nested stack whose {@code TemplateURL} is a relative path to a template in the scanned tree. */
    private static Optional<SourceFile> localNestedTemplate(ScanSession session, SourceFile parent, Node.MapNode node) {
        Optional<Node> url = node.get("Properties").filter(Node.MapNode.class::isInstance)
                .flatMap(p -> ((Node.MapNode) p).get("TemplateURL"));
        if (url.isEmpty() || !(url.get() instanceof Node.ScalarNode s) || !(s.value() instanceof String u)
                || u.contains("://") || u.startsWith("/")) {
            return Optional.empty();
        }
        String resolved = SourceTree.resolve(parent.directory(), u);
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
