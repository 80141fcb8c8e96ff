package io.atolint.parse.terraform;

import io.atolint.model.Finding;

import java.util.List;

/** One parsed {@code .tf} / {@code .tfvars} file: its body (empty when unreadable) and the problems met. */
public record HclFile(String path, HclBody body, List<Finding> problems) {
    public HclFile {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.stream().noneMatch(f -> f.ruleId().equals(io.atolint.parse.ParseFindings.INVALID));
    }
}
