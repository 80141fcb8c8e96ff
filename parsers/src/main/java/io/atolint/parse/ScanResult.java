package io.atolint.parse;

import io.atolint.model.Finding;
import io.atolint.model.Model;

import java.util.List;
import java.util.Map;

/**
 * What a scan read: the models, findings about files that yielded no model, the files skipped with
 * the reason, and the files read as input.
 */
public record ScanResult(List<Model> models, List<Finding> findings, Map<String, String> skipped,
                         List<String> inputs) {
}
