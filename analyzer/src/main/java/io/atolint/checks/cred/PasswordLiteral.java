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
import java.util.Set;

/**
 * A password property ({@code MasterUserPassword}, {@code master_password}, {@code password},
 * {@code AuthToken}, ... at any depth) whose value is written in the files: a literal, or the default of
 * a parameter or variable. A plain {@code {{resolve:ssm:...}}} is a finding too: it reads a String
 * parameter, stored unencrypted, where a password belongs in a SecureString or Secrets Manager.
 * {@code {{resolve:ssm-secure:...}}}, {@code {{resolve:secretsmanager:...}}}, references to a secret
 * or generated password, Secrets Manager-managed passwords and values given at deploy time are fine.
 * The message never shows the value.
 */
@Rule(id = "CRED003", title = "No password is written in the files", severity = Severity.HIGH,
        tags = {"credentials", "secrets"})
public final class PasswordLiteral implements Check {
    static final Set<String> PASSWORD_KEYS = Set.of("masteruserpassword", "masterpassword", "password", "adminpassword",
            "authtoken", "dbpassword", "rootpassword", "adminuserpassword", "masteruserpasswordsecret");

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.graph().resources()) {
            if (!r.format().isDiagram()) {
                ValueWalker.standard().walk(r.attributes(), n -> {
                    if (n.key() != null && PASSWORD_KEYS.contains(Value.key(n.key())) && !n.isCollection()) {
                        ctx.examined(r);
                        judge(ctx, r, n.path(), n.value(), n.parentMap());
                        return false;
                    }
                    return true;
                });
            }
        }
    }

    private void judge(RuleContext ctx, Resource r, String path, Value v, Value.MapV parent) {
        String name = Names.of(r);
        switch (SecretValues.origin(v, ctx.givenVariables(), r)) {
            case LITERAL -> ctx.report(r, v.location(), name + ": " + path + " is a literal password written in the file; "
                    + "use a Secrets Manager dynamic reference (resolve:secretsmanager), a secret reference or a managed master password", List.of());
            case DEFAULT -> ctx.report(r, v.location(), name + ": " + path + " comes from " + SecretValues.writtenSource(v)
                    + ", written in the files; pass it at deploy time from a secrets store", List.of());
            case PLAIN_SSM -> ctx.report(r, v.location(), name + ": " + path + " reads a plain SSM String parameter "
                    + "(resolve:ssm), stored unencrypted; use an ssm-secure or secretsmanager dynamic reference", List.of());
            case PLANNED -> ctx.note(r, v.location(), name + ": " + path + " has a concrete value in the plan; the plan does "
                    + "not say whether the configuration writes it or a variable supplies it: check the configuration", List.of());
            case SAFE -> {
            }
        }
    }
}
