package io.atolint.parse;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.SourceLocation;

import java.util.HashSet;
import java.util.Set;

/**
 * What one scan may hold over every path it reads: models ({@link Limits#maxModels()}) and resources
 * ({@link Limits#maxScanResources()}). Per-file and per-model limits keep one file in bounds; this keeps
 * many of them (or one file split into thousands of pages) from multiplying the analysis and the reports.
 * A model past a bound is left out with one PARSE002 per file, at the file.
 */
public final class ScanBudget {
    private final Limits limits;
    private int models;
    private long resources;
    private final Set<String> reported = new HashSet<>();

    public ScanBudget(Limits limits) {
        this.limits = limits;
    }

    /** Whether the model still fits; when it does not, {@code report} gets the finding that says so (once per file). */
    synchronized boolean admit(Model m, java.util.function.Consumer<Finding> report) {
        String why = null;
        if (models >= limits.maxModels()) {
            why = "more than " + limits.maxModels() + " models in this scan (--limit models=N)";
        } else if (resources + m.resourceCount() > limits.maxScanResources()) {
            why = "more than " + limits.maxScanResources() + " resources in this scan (--limit scan-resources=N)";
        }
        if (why == null) {
            models++;
            resources += m.resourceCount();
            return true;
        }
        String file = m.files().isEmpty() ? m.unit() : m.files().get(0);
        if (reported.add(file)) {
            report.accept(ParseFindings.limit(SourceLocation.ofFile(file), why + ": " + m.unit()
                    + " and the models after it are not analysed"));
        }
        return false;
    }
}
