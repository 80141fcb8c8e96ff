package io.atolint.hostile;

import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.ForwardingSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
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
    private static final class Reversed extends ForwardingSourceTree {
        Reversed(SourceTree inner) {
            super(inner);
        }

        @Override
        public List<String> files() {
            List<String> f = new ArrayList<>(delegate.files());
            Collections.reverse(f);
            return f;
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
