package io.atolint.checks.cred;

import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Severity;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;
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
    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.graph().resources()) {
            if (r.format().isDiagram()) {
                continue;
            }
            ctx.examined(r);
            ValueWalker.standard().nodes(r.attributes()).filter(n -> !n.isCollection()).forEach(n -> {
                Value v = n.value();
                Optional<String> key = SecretValues.text(v).flatMap(SecretValues::accessKeyId);
                key.ifPresent(k -> ctx.report(r, v.location(), Names.of(r) + " has an AWS access key id ("
                        + SecretValues.masked(k) + ") written in " + n.path() + "; revoke it and use a role or a secrets store",
                        List.of()));
            });
        }
    }
}
