package io.atolint.suppress;

import io.atolint.model.Finding;
import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;

import java.util.List;

/**
 * One suppression written in the scanned files: which tool's syntax ({@code atolint}, {@code checkov},
 * {@code cfn_nag}, {@code cfn-lint}, {@code cdk-nag}), the id as written, the atolint rules it stands
 * for, the reason (empty when none was given), where it is written, what it covers, and how it reads
 * in the file ({@code atolint:ignore HA001}, {@code Metadata checkov skip CKV_AWS_157}) for messages.
 */
public record Declaration(String tool, String id, List<String> rules, String reason, SourceLocation at,
                          Target target, String written) {

    public Declaration {
        rules = List.copyOf(rules);
        reason = reason == null ? "" : reason.trim();
    }

    public boolean hasReason() {
        return !reason.isEmpty();
    }

    public boolean covers(Finding f) {
        return rules.contains(f.ruleId()) && target.covers(f);
    }

    /** The resource the declaration is attached to, when it is attached to one. */
    public Resource resource() {
        return target instanceof Target.OnResource r ? r.resource() : null;
    }

    /** What a declaration covers. */
    public sealed interface Target {
        boolean covers(Finding f);

        /** Every finding on a resource (CloudFormation Metadata, a comment inside or above a block). */
        record OnResource(Resource resource) implements Target {
            @Override
            public boolean covers(Finding f) {
                return resource.equals(f.resource());
            }
        }

        /** Findings at a line, or on the resource declared at that line (a comment above an attribute or block). */
        record OnLine(String file, int line) implements Target {
            @Override
            public boolean covers(Finding f) {
                if (f.location().file().equals(file) && f.location().startLine() == line) {
                    return true;
                }
                Resource r = f.resource();
                return r != null && r.location().file().equals(file) && r.location().startLine() == line;
            }
        }

        /**
         * Findings anywhere in a nested block ({@code ingress {...}}, a YAML key holding a map or list), or on
         * the resource declared at its first line: what a comment on its own line above the block covers.
         */
        record OnBlock(String file, int line, int endLine) implements Target {
            @Override
            public boolean covers(Finding f) {
                int at = f.location().startLine();
                if (f.location().file().equals(file) && at >= line && at <= endLine) {
                    return true;
                }
                Resource r = f.resource();
                return r != null && r.location().file().equals(file) && r.location().startLine() == line;
            }
        }

        /** Every finding in a file, or on a resource declared in it (template Metadata, {@code atolint:ignore-file}). */
        record OnFile(String file) implements Target {
            @Override
            public boolean covers(Finding f) {
                return f.location().file().equals(file)
                        || (f.resource() != null && f.resource().location().file().equals(file));
            }
        }
    }
}
