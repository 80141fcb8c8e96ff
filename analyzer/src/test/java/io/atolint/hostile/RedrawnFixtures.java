package io.atolint.hostile;

import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.parse.ForwardingSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import io.atolint.testing.Repo;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The draw.io fixtures redrawn by an edit that changes nothing a reviewer reads, scanned as saved and as
 * redrawn: the findings must be the same (what they say and about which cell; their lines may move and the
 * positions in the names of unlabelled shapes may change).
 */
final class RedrawnFixtures {
    private RedrawnFixtures() {
    }

    /** The fixtures' uncompressed draw.io files, each edited by {@code edit} when it is given. */
    private static final class Redrawn extends ForwardingSourceTree {
        private final Consumer<Document> edit;

        Redrawn(SourceTree inner, Consumer<Document> edit) {
            super(inner);
            this.edit = edit;
        }

        @Override
        public List<String> files() {
            // hostile files are judged by their own tests (a loop of parents is reported at its first cell in the file)
            return delegate.files().stream().filter(f -> f.endsWith(".drawio") && !f.startsWith("fixtures/hostile/")).toList();
        }

        @Override
        public ReadResult readText(String path) {
            ReadResult r = delegate.readText(path);
            if (edit == null || !(r instanceof ReadResult.Text t)) {
                return r;
            }
            return new ReadResult.Text(new SourceFile(t.file().path(), edited(t.file().text(), edit)));
        }
    }

    static String edited(String xml, Consumer<Document> edit) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            edit.accept(doc);
            var out = TransformerFactory.newInstance().newTransformer();
            out.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            out.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a finding says and about what, without its line and the positions in generated names. */
    private static List<String> said(SourceTree tree) {
        List<String> out = new ArrayList<>();
        for (Finding f : Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1")).findings()) {
            out.add(f.ruleId() + " " + f.severity() + " " + f.location().file() + " " + f.location().logicalPath()
                    + " " + f.message().replaceAll(" at -?[0-9.]+,-?[0-9.]+", " at X,Y"));
        }
        Collections.sort(out);
        return out;
    }

    /** Fails with what was lost and gained when the fixtures redrawn by {@code edit} read otherwise. */
    static void assertReadAlike(Consumer<Document> edit) {
        SourceTree fixtures = new FileSystemSourceTree(Repo.path("fixtures"), "fixtures", Limits.defaults());
        List<String> asSaved = said(new Redrawn(fixtures, null));
        List<String> redrawn = said(new Redrawn(fixtures, edit));
        assertTrue(asSaved.size() > 300, "the draw.io fixtures produce many findings: " + asSaved.size());
        List<String> lost = new ArrayList<>(asSaved);
        redrawn.forEach(lost::remove);
        List<String> gained = new ArrayList<>(redrawn);
        asSaved.forEach(gained::remove);
        assertEquals("", String.join("\n", lost) + (gained.isEmpty() ? "" : "\n  became\n" + String.join("\n", gained)));
    }
}
