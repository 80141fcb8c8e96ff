package io.atolint.checks.cred;

import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Optional;

/**
 * An AWS access key id ({@code AKIA...}, {@code ASIA...}) written anywhere in a resource's properties:
 * environment variables, user data, container definitions, tags. Where there is a key id, its secret is
 * usually next to it. The message shows the key id masked. AWS's documentation example key
 * ({@code ...EXAMPLE}) is ignored.
 */
@Rule(id = "CRED002", title = "No AWS access key is written in the files", severity = Severity.CRITICAL,
        tags = {"credentials", "secrets"})
public final class AccessKeyLiteral implements Check {
    private static final int MAX_DEPTH = 32;

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.graph().resources()) {
            if (r.format().isDiagram()) {
                continue;
            }
            ctx.examined(r);
            walk(ctx, r, r.attributes(), "", 0);
        }
    }

    private static void walk(RuleContext ctx, Resource r, Value v, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (v instanceof Value.MapV m) {
            m.entries().forEach((k, x) -> walk(ctx, r, x, path.isEmpty() ? k : path + "." + k, depth + 1));
        } else if (v instanceof Value.ListV l) {
            for (int i = 0; i < l.items().size(); i++) {
                walk(ctx, r, l.items().get(i), path + "[" + i + "]", depth + 1);
            }
        } else {
            Optional<String> text = SecretValues.text(v);
            Optional<String> key = text.flatMap(SecretValues::accessKeyId);
            key.ifPresent(k -> ctx.report(r, v.location(), Names.of(r) + " has an AWS access key id ("
                    + SecretValues.masked(k) + ") written in " + path + "; revoke it and use a role or a secrets store", List.of()));
        }
    }
}
