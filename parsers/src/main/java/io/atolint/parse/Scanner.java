package io.atolint.parse;

import io.atolint.model.Model;
import io.atolint.resolve.PlacementResolver;
import io.atolint.resolve.RelationDeriver;

import java.util.List;

/**
 * Reads a tree of files into models: each format handler in turn claims the files it reads (more
 * specific formats first, so that a {@code cdk.out} template is read as CDK and not again as plain
 * CloudFormation), then every model gets its relations and placements, the same way for every format.
 * Handlers and this last step work on independent files and models on every core ({@link Parallel});
 * what reaches the result is added in a fixed order, so the output never depends on timing.
 * The handlers of every format atolint reads are listed in {@link io.atolint.parse.formats.Formats}.
 */
public final class Scanner {
    private final List<FormatHandler> handlers;

    public Scanner(List<FormatHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    public ScanResult scan(SourceTree tree, ParseOptions options) {
        ScanSession session = new ScanSession(tree, options);
        tree.problems().forEach(session::report);
        for (FormatHandler h : handlers) {
            try {
                h.scan(session);
            } catch (RuntimeException | StackOverflowError e) {
                // A defect in a handler must not hide the other formats' findings.
                session.report(ParseFindings.internalError(io.atolint.model.SourceLocation.ofFile(tree.root()),
                        "in the " + h.name() + " reader", e));
            }
        }
        ScanResult result = session.result();
        // every model on its own: relations and placement of one never look at another
        Parallel.forEach(result.models(), Scanner::finish);
        return result;
    }

    /** Relations and placement, derived from resolved attributes; format-blind. */
    public static void finish(Model m) {
        new RelationDeriver(m).deriveAll();
        new PlacementResolver(m).resolveAll();
    }
}
