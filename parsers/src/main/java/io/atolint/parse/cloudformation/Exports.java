package io.atolint.parse.cloudformation;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;

import java.util.Optional;

/**
 * The values other templates of the scan give a template: their exports, which {@code Fn::ImportValue}
 * reads, and their outputs, which {@code Fn::GetStackOutput} reads by stack name (CDK's weak
 * cross-stack references).
 */
@FunctionalInterface
public interface Exports {
    Exports NONE = (name, at) -> Optional.empty();

    /** The value exported under {@code name}, or empty when no single template of the scan exports it. */
    Optional<Value> value(String name, SourceLocation at);

    /** Output {@code output} of the stack named {@code stack}, or empty when no scanned stack is that one. */
    default Optional<Value> output(String stack, String output, SourceLocation at) {
        return Optional.empty();
    }
}
