package io.atolint.checks.cred;

import io.atolint.model.Format;
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
import java.util.regex.Pattern;

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

    /**
     * A Lambda function's environment variable ({@code Environment.Variables.DB_PASSWORD}, Terraform's
     * {@code environment.variables}): CRED005 judges it, with the advice an environment needs (a dynamic reference
     * would still put the secret in clear in the function's configuration).
     */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile(
            "(?i)(?:^|\\.)environment(?:\\[\\d+]|\\.\\d+)?\\.variables\\.[^.]+$");

    @Override
    public void check(RuleContext ctx) {
        for (Resource r : ctx.graph().resources()) {
            if (!r.format().isDiagram()) {
                ValueWalker.standard().walk(r.attributes(), n -> {
                    if (n.key() != null && PASSWORD_KEYS.contains(Value.key(n.key())) && !n.isCollection()
                            && !ENVIRONMENT_VARIABLE.matcher(n.path()).find()) {
                        ctx.examined(r);
                        judge(ctx, r, n.path(), n.value(), n.parentMap());
                        return false;
                    }
                    return true;
                });
            }
        }
    }

    /** What to write instead, in the format's terms (Terraform has no dynamic references). */
    private static String instead(Resource r) {
        if (r.format() == Format.TERRAFORM || r.format() == Format.TERRAFORM_PLAN) {
            return "read it from Secrets Manager (data \"aws_secretsmanager_secret_version\"), pass it as a sensitive "
                    + "variable at deploy time, or let AWS manage it (manage_master_user_password)";
        }
        return "use a Secrets Manager dynamic reference (resolve:secretsmanager), a secret reference or a managed master password";
    }

    private void judge(RuleContext ctx, Resource r, String path, Value v, Value.MapV parent) {
        String name = Names.of(r);
        switch (SecretValues.origin(v, ctx.givenVariables(), r)) {
            case LITERAL -> ctx.report(r, v.location(), name + ": " + path + " is a literal password written in the file; "
                    + instead(r), List.of());
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
