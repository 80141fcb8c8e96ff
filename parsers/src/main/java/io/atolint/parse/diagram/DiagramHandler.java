package io.atolint.parse.diagram;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.FormatHandler;
import io.atolint.parse.Parallel;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ScanSession;

import java.util.List;

/**
 * Architecture diagrams: claims {@code .drawio} (always), {@code .xml} with an {@code mxfile} or
 * {@code mxGraphModel}, {@code .svg} that is a draw.io export or a plain SVG of AWS icons, and
 * {@code .png} with an embedded draw.io model. Each page becomes one model. A file named as a diagram
 * that cannot be read is a positioned finding; other files are skipped with the reason.
 */
public final class DiagramHandler implements FormatHandler {

    @Override
    public String name() {
        return "diagram";
    }

    @Override
    public void scan(ScanSession session) {
        List<String> paths = session.unclaimed().stream().filter(DiagramReader::mayBeDiagram).toList();
        // every file read on every core; the session learns the results in file order
        List<Object> reads = Parallel.map(paths, path -> {
            try {
                return DiagramReader.read(session.tree(), path, session.options().limits());
            } catch (RuntimeException | StackOverflowError e) {
                return ParseFindings.internalError(SourceLocation.ofFile(path), "while reading the diagram", e);
            }
        });
        for (int p = 0; p < paths.size(); p++) {
            String path = paths.get(p);
            if (reads.get(p) instanceof Finding failure) {
                session.claim(path);
                session.report(failure);
                continue;
            }
            DiagramReader.Result r = (DiagramReader.Result) reads.get(p);
            if (!r.isDiagram()) {
                session.skip(path, "not a diagram: " + r.notADiagram());
                continue;
            }
            session.claim(path);
            if (r.pages().isEmpty()) {
                r.problems().forEach(session::report);
                continue;
            }
            for (int i = 0; i < r.pages().size(); i++) {
                if (i == 0) {
                    r.problems().forEach(r.pages().get(0).model()::report);
                }
                session.addModel(r.pages().get(i).model());
            }
        }
    }
}
