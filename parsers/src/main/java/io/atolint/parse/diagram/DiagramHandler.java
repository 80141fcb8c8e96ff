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

    private static int exportRank(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".drawio") || p.endsWith(".dio") || p.endsWith(".xml") ? 0 : p.endsWith(".svg") ? 1 : 2;
    }

    @Override
    public void scan(ScanSession session) {
        // a .drawio, its .drawio.svg and .drawio.png exports carry one diagram: scanned once, by content
        java.util.Map<String, java.util.List<io.atolint.model.Model>> seen = new java.util.HashMap<>();
        java.util.Map<String, String> firstPath = new java.util.HashMap<>();
        // the editable .drawio carries a diagram before its exports, then the shorter path: whatever the walk order
        List<String> paths = new java.util.ArrayList<>(session.unclaimed().stream().filter(DiagramReader::mayBeDiagram).toList());
        paths.sort(java.util.Comparator.comparingInt(DiagramHandler::exportRank).thenComparing(p -> p));
        // every file read on every core; the session learns the results in that order
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
            if (r.pages().isEmpty()) {
                session.claim(path);
                r.problems().forEach(session::report);
                continue;
            }
            String key = DiagramIdentity.of(r.pages());
            if (seen.containsKey(key)) {
                for (io.atolint.model.Model m : seen.get(key)) {
                    m.meta().merge("sameDiagramIn", path, (a, b) -> a + ", " + b);
                }
                session.skip(path, "the same diagram as " + firstPath.get(key) + " (read once)");
                continue;
            }
            session.claim(path);
            java.util.List<io.atolint.model.Model> models = new java.util.ArrayList<>();
            r.pages().forEach(v -> models.add(v.model()));
            seen.put(key, models);
            firstPath.put(key, path);
            for (int i = 0; i < r.pages().size(); i++) {
                if (i == 0) {
                    r.problems().forEach(r.pages().get(0).model()::report);
                }
                session.addModel(r.pages().get(i).model());
            }
        }
    }
}
