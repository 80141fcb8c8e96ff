package io.atolint.checks.cred;

import io.atolint.model.Input;
import io.atolint.model.Model;
import io.atolint.model.Severity;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;

/**
 * A parameter declared secret ({@code NoEcho: true}, Terraform {@code sensitive = true}) with a
 * non-empty default: the secret is masked in the console but written in the template for anyone who
 * reads it. The message never shows the value.
 */
@Rule(id = "CRED004", title = "Secret parameters have no default value", severity = Severity.HIGH,
        tags = {"credentials", "secrets"})
public final class SecretParameterDefault implements Check {

    @Override
    public void check(RuleContext ctx) {
        for (Model m : ctx.graph().models()) {
            List<Input> secret = m.inputs().stream().filter(Input::secret).toList();
            if (secret.isEmpty()) {
                continue;
            }
            ctx.examined(m);
            for (Input in : secret) {
                boolean blank = in.defaultValue() != null && in.defaultValue().asString().map(String::isBlank).orElse(false);
                if (in.hasDefault() && !blank) {
                    String what = in.kind().equals(Input.TF_VARIABLE) ? "Sensitive variable " : "NoEcho parameter ";
                    ctx.reportFile(in.defaultAt(), what + in.name() + " has a default value: the secret is written in "
                            + "the file; remove the default and pass it at deploy time from a secrets store");
                }
            }
        }
    }
}
