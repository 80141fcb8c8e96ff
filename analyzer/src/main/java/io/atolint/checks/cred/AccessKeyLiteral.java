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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            // every value of every resource: a walk, not a stream per resource
            ValueWalker.standard().walk(r.attributes(), n -> {
                if (!n.isCollection()) {
                    Value v = n.value();
                    Optional<String> key = SecretValues.text(v).flatMap(SecretValues::accessKeyId);
                    key.ifPresent(k -> ctx.report(r, v.location(), Names.of(r) + " has an AWS access key id ("
                            + SecretValues.masked(k) + ") written in " + n.path() + "; revoke it and use a role or a secrets store",
                            List.of()));
                }
                return true;
            });
        }
        for (io.atolint.model.Model m : ctx.graph().models()) {
            if (m.format() == io.atolint.model.Format.TERRAFORM) {
                ctx.examined(m);
                for (String file : m.files()) {
                    providerKeys(ctx, file, ctx.sources().lines(file));
                }
            }
        }
    }

    private static final Pattern PROVIDER = Pattern.compile("^\\s*provider\\s+\"aws\"\\s*\\{");
    private static final Pattern KEY_ARG = Pattern.compile("^\\s*(access_key|secret_key)\\s*=\\s*\"([^\"$]{8,})\"");

    /**
     * Terraform's {@code provider "aws"} block is no resource, but {@code access_key} and {@code secret_key}
     * written there as literals are credentials in the repository all the same (the secret key is never
     * shown; the access key id masked).
     */
    private static void providerKeys(RuleContext ctx, String file, List<String> lines) {
        int depth = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (depth < 0 && PROVIDER.matcher(line).find()) {
                depth = 0;
            }
            if (depth < 0) {
                continue;
            }
            Matcher k = KEY_ARG.matcher(line);
            if (k.find() && !k.group(2).endsWith("EXAMPLE") && !k.group(2).contains("EXAMPLEKEY")) {
                String shown = k.group(1).equals("access_key") ? SecretValues.accessKeyId(k.group(2)).map(SecretValues::masked)
                        .map(x -> " (" + x + ")").orElse("") : "";
                ctx.reportFile(new io.atolint.model.SourceLocation(file, i + 1, 1, i + 1, line.length() + 1,
                        "provider.aws." + k.group(1)), "provider \"aws\" has its " + k.group(1) + shown
                        + " written in the file; revoke it and use a role, environment credentials or a profile");
            }
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth <= 0 && line.contains("}")) {
                depth = -1;
            }
        }
    }
}
