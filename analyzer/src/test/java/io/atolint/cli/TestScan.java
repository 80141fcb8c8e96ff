package io.atolint.cli;

import io.atolint.config.AtolintConfig;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.report.ReportFormat;
import io.atolint.report.ReportSettings;
import io.atolint.testing.Repo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the scan pipeline of the CLI ({@link ScanJob}: analysis, triage, baseline) on a folder of the
 * repository, named by its path relative to the repository root as a user at the root would type it,
 * so that reports carry no machine-specific path.
 */
final class TestScan {
    private TestScan() {
    }

    static ScanJob.Result scan(String repoRelativeDir, ParseOptions options) {
        return scan(repoRelativeDir, options, AtolintConfig.none(), null);
    }

    static ScanJob.Result scan(String repoRelativeDir, ParseOptions options, AtolintConfig config, String baseline) {
        SourceTree tree = new FileSystemSourceTree(Repo.path(repoRelativeDir), repoRelativeDir, Limits.defaults());
        PrintStream devNull = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            return new ScanJob(devNull, devNull, Terminal.none())
                    .run(List.of(tree), new ScanJob.Request(List.of(repoRelativeDir), options, config, null, List.of(), baseline, null));
        } catch (UsageException e) {
            throw new IllegalStateException(e);
        }
    }

    static String report(ReportFormat format, ScanJob.Result r, ReportSettings settings) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            format.write(r.analysis(), settings.withBaselineApplied(r.baselineApplied()), buf, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
