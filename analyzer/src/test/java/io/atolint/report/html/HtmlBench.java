package io.atolint.report.html;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.report.HtmlReport;
import io.atolint.report.ReportSettings;
import io.atolint.testing.SyntheticArchitecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the HTML report on generated architectures (not a test: {@code dev/bench-html} runs it).
 * For each size: analysis, view, ELK layout, SVG, whole page; median of 5 runs after 2 warm-ups.
 */
public final class HtmlBench {
    private HtmlBench() {
    }

    public static void main(String[] args) throws Exception {
        int[][] sizes = {{1, 4}, {2, 14}, {4, 14}};
        System.out.println("drawn  resources  analysis_ms  view_ms  layout_ms  svg_ms  html_ms  svg_px        html_bytes");
        for (int[] size : sizes) {
            Path dir = Files.createTempDirectory("atolint-bench");
            Files.writeString(dir.resolve("big.yaml"), SyntheticArchitecture.of(size[0], size[1]));
            List<Long> analysis = new ArrayList<>();
            List<Long> view = new ArrayList<>();
            List<Long> layout = new ArrayList<>();
            List<Long> svg = new ArrayList<>();
            List<Long> html = new ArrayList<>();
            Analysis a = null;
            ArchitectureLayout.Geometry g = null;
            String page = "";
            ArchitectureView v = null;
            for (int run = 0; run < 7; run++) {
                long t0 = System.nanoTime();
                a = Analyzer.standard().analyze(List.of(new FileSystemSourceTree(dir, "big", Limits.defaults())),
                        ParseOptions.defaults().withRegion("eu-west-1"));
                long t1 = System.nanoTime();
                v = ArchitectureView.of(a);
                long t2 = System.nanoTime();
                g = ArchitectureLayout.layout(v);
                long t3 = System.nanoTime();
                ArchitectureSvg.render(g);
                long t4 = System.nanoTime();
                page = HtmlReport.render(a, ReportSettings.defaults());
                long t5 = System.nanoTime();
                if (run >= 2) {
                    analysis.add(t1 - t0);
                    view.add(t2 - t1);
                    layout.add(t3 - t2);
                    svg.add(t4 - t3);
                    html.add(t5 - t4);
                }
            }
            System.out.printf(Locale.ROOT, "%5d  %9d  %11d  %7d  %9d  %6d  %7d  %-12s  %10d%n", v.drawnCount(),
                    a.graph().resources().size(), ms(analysis), ms(view), ms(layout), ms(svg), ms(html),
                    Math.round(g.width()) + "x" + Math.round(g.height()), page.length());
        }
    }

    private static long ms(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }
}
