package io.atolint.parse.terraform;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading one HCL text accumulates, shared by the classes that build its tree: the problems met
 * (positioned PARSE001s, as Terraform would reject the file) and the budget of syntax elements that
 * bounds the work on a pathological file.
 */
final class HclDiagnostics {
    private final String path;
    private final Limits limits;
    private final List<Finding> problems = new ArrayList<>();
    private int budget;

    HclDiagnostics(String path, Limits limits) {
        this.path = path;
        this.limits = limits;
        this.budget = limits.maxResolutionSteps();
    }

    Limits limits() {
        return limits;
    }

    List<Finding> problems() {
        return problems;
    }

    void problem(HclPos at, String message) {
        problems.add(ParseFindings.invalid(SourceLocation.at(path, Math.max(1, at.line()), Math.max(1, at.column())),
                "invalid HCL: " + message));
    }

    /** Counts one syntax element; past the limit, reading stops with {@link HclReader.BudgetExceeded}. */
    void tick(HclPos at) {
        if (--budget < 0) {
            throw new HclReader.BudgetExceeded(at);
        }
    }

    void limitReached(HclPos at) {
        problems.add(ParseFindings.limit(SourceLocation.at(path, Math.max(1, at.line()), Math.max(1, at.column())),
                "not read: the file has more than " + limits.maxResolutionSteps()
                        + " syntax elements (raise it with --limit resolution-steps=N)"));
    }
}
