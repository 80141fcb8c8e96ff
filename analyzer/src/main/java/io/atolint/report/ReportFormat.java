package io.atolint.report;

import io.atolint.analysis.Analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats of {@code atolint scan --format}. */
public enum ReportFormat {
    TEXT("text"),
    JSON("json"),
    SARIF("sarif"),
    JUNIT("junit"),
    MARKDOWN("md", "markdown"),
    HTML("html");

    private final String name;
    private final String[] aliases;

    ReportFormat(String name, String... aliases) {
        this.name = name;
        this.aliases = aliases;
    }

    public String label() {
        return name;
    }

    public static ReportFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name.equals(t) || Arrays.asList(f.aliases).contains(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected " + names() + ")");
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", "));
    }

    /** Writes the report; {@code colour} only matters for text. */
    public void write(Analysis a, ReportSettings settings, OutputStream out, boolean colour) throws IOException {
        switch (this) {
            case TEXT -> {
                PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
                TextReport.write(a, ps, colour, settings.configuration());
                ps.flush();
            }
            case JSON -> JsonReport.write(a, out, settings.configuration());
            case SARIF -> SarifReport.write(a, settings, out);
            case JUNIT -> JunitReport.write(a, settings, out);
            case MARKDOWN -> MarkdownReport.write(a, settings, out);
            case HTML -> HtmlReport.write(a, settings, out);
        }
    }
}
