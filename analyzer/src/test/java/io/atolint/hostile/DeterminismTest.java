package io.atolint.hostile;

import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;
import io.atolint.report.JsonReport;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same files give byte-identical reports, whatever order the tree lists them in. */
class DeterminismTest {

    /** A tree that lists its files in reverse order. */
    private record Reversed(SourceTree inner) implements SourceTree {
        @Override
        public String root() {
            return inner.root();
        }

        @Override
        public List<String> files() {
            List<String> f = new ArrayList<>(inner.files());
            Collections.reverse(f);
            return f;
        }

        @Override
        public ReadResult readText(String path) {
            return inner.readText(path);
        }

        @Override
        public ReadResult readBytes(String path) {
            return inner.readBytes(path);
        }

        @Override
        public List<Finding> problems() {
            return inner.problems();
        }
    }

    private static byte[] report(SourceTree tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults().withRegion("us-east-1")), out);
        return out.toByteArray();
    }

    @Test
    void reportsDoNotDependOnFileOrder() throws IOException {
        SourceTree fixtures = new FileSystemSourceTree(Repo.path("fixtures"), "fixtures", Limits.defaults());
        byte[] forward = report(fixtures);
        byte[] again = report(new FileSystemSourceTree(Repo.path("fixtures"), "fixtures", Limits.defaults()));
        byte[] backward = report(new Reversed(fixtures));
        assertTrue(forward.length > 10_000, "the fixtures produce a substantial report");
        assertArrayEquals(forward, again);
        assertArrayEquals(forward, backward);
    }
}
