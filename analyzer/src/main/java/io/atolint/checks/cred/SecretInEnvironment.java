package io.atolint.checks.cred;

import io.atolint.checks.support.JsonValues;
import io.atolint.model.Kind;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets handed to workloads in clear: a Lambda or ECS container environment variable whose name says
 * it is a secret ({@code DB_PASSWORD}, {@code API_KEY}, {@code CLIENT_SECRET}, {@code AUTH_TOKEN}) and
 * whose value is written in the files, or such an assignment in EC2/launch-template user data. Values
 * that name where the secret lives ({@code *_ARN}, {@code *_PARAM}, {@code {{resolve:secretsmanager}}})
 * and ECS {@code Secrets}/{@code valueFrom} are the right way and pass; so do shell variables
 * ({@code $(aws secretsmanager ...)}, {@code ${Var}}). SSM Parameter Store parameters whose name says they
 * hold a secret ({@code /app/db/password}) must not carry a value written in the files.
 */
@Rule(id = "CRED005", title = "No secret in environment variables, user data or Parameter Store values", severity = Severity.HIGH,
        tags = {"credentials", "secrets"})
public final class SecretInEnvironment implements Check {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(^|[_.-])(PASSWORD|PASSWD|PWD|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|API_KEY|APIKEY|AUTH_TOKEN|ACCESS_TOKEN|TOKEN|PRIVATE_KEY|CLIENT_SECRET)$");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?im)\\b([A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|API_KEY|APIKEY|AUTH_TOKEN|ACCESS_TOKEN|PRIVATE_KEY))\\s*[=:]\\s*[\"']?([^\\s\"'$`{}]{4,})");

    /**
     * A switch, not a secret: {@code --must-change-password=false}, cloud-init's {@code lock_passwd: true},
     * {@code ssh_pwauth: no}.
     */
    private static final Pattern SWITCH = Pattern.compile("(?i)true|false|yes|no|on|off|none|null|disabled?|enabled?");

    @Override
    public void check(RuleContext ctx) {
        for (Resource fn : ctx.inScope(Kind.LAMBDA_FUNCTION)) {
            Setting.of(fn, "EnvironmentVariables").map().ifPresent(m -> m.entries().forEach((k, v) -> judgeVariable(ctx, fn, k, v,
                    "environment variable")));
        }
        for (Resource td : ctx.inScope(Kind.ECS_TASK_DEFINITION)) {
            for (Value c : containers(td)) {
                String container = Setting.in(td, "@ContainerDefinition", c, "Name").string().orElse("?");
                for (Value e : Setting.in(td, "@ContainerDefinition", c, "Environment").items()) {
                    Optional<String> k = Setting.in(td, "@EnvironmentVariable", e, "Name").string();
                    Setting v = Setting.in(td, "@EnvironmentVariable", e, "Value");
                    if (k.isPresent() && v.present()) {
                        judgeVariable(ctx, td, k.get(), v.value(), "container \"" + container + "\" environment variable");
                    }
                }
            }
        }
        for (Resource r : ctx.inScope(Kind.EC2_INSTANCE, Kind.LAUNCH_TEMPLATE, Kind.LAUNCH_CONFIGURATION)) {
            Setting ud = Setting.of(r, "UserData");
            if (ud.present()) {
                judgeUserData(ctx, r, ud.value());
            }
        }
        for (Resource p : ctx.inScope(Kind.SSM_PARAMETER)) {
            judgeParameter(ctx, p);
        }
    }

    /**
     * A Parameter Store parameter whose name says it holds a secret ({@code /app/db/password}) and whose
     * value is written in the files: a String parameter keeps it unencrypted, and even a SecureString's
     * value then sits in the repository.
     */
    private static void judgeParameter(RuleContext ctx, Resource p) {
        String name = Setting.of(p, "Name").string().orElse(p.name());
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (!SECRET_NAME.matcher(last).find() && !SECRET_NAME.matcher(name).find()) {
            return;
        }
        Setting value = Setting.of(p, "Value");
        if (value.omitted()) {
            return;
        }
        Optional<Value> v = Optional.of(value.value());
        boolean secure = Setting.of(p, "Type").stringOrDefault().filter("SecureString"::equalsIgnoreCase).isPresent();
        String what = Names.of(p) + " (" + name + ")";
        String store = secure ? "; its SecureString value is still in the repository: set it outside the files"
                : " as a plain String, stored unencrypted; keep it in Secrets Manager or a SecureString set outside the files";
        switch (SecretValues.origin(v.get(), ctx.givenVariables(), p)) {
            case LITERAL -> {
                if (!looksLikeAReference(v.get().asString().orElse(""))) {
                    ctx.report(p, v.get().location(), what + " holds a secret written in the file" + store, List.of());
                }
            }
            case DEFAULT -> ctx.report(p, v.get().location(), what + " holds a secret from " + SecretValues.writtenSource(v.get())
                    + ", written in the files" + store, List.of());
            case PLANNED -> ctx.note(p, v.get().location(), what + " has a concrete secret value in the plan; the plan does not "
                    + "say whether the configuration writes it: check the configuration", List.of());
            case PLAIN_SSM, SAFE -> {
            }
        }
    }

    /** CloudFormation's ContainerDefinitions list, or Terraform's container_definitions JSON string. */
    private static List<Value> containers(Resource td) {
        Setting defs = Setting.of(td, "ContainerDefinitions");
        if (defs.value() instanceof Value.Scalar s && s.value() instanceof String json) {
            return JsonValues.parse(json, s.location(), null).map(Value::asList).orElse(List.of());
        }
        return defs.items();
    }

    private static void judgeVariable(RuleContext ctx, Resource r, String key, Value v, String what) {
        if (!SECRET_NAME.matcher(key).find()) {
            return;
        }
        String name = Names.of(r) + " " + what + " " + key;
        switch (SecretValues.origin(v, ctx.givenVariables(), r)) {
            case LITERAL -> {
                if (!looksLikeAReference(v.asString().orElse(""))) {
                    ctx.report(r, v.location(), name + " holds a secret written in the file; read it at run time "
                            + "from Secrets Manager or SSM SecureString (ECS: secrets/valueFrom)", List.of());
                }
            }
            case DEFAULT -> ctx.report(r, v.location(), name + " holds a secret from " + SecretValues.writtenSource(v)
                    + ", written in the files", List.of());
            case PLAIN_SSM -> ctx.report(r, v.location(), name + " reads a plain SSM String parameter, stored unencrypted, "
                    + "and puts it in clear in the environment", List.of());
            case PLANNED -> {
                if (!looksLikeAReference(v.asString().orElse(""))) {
                    ctx.note(r, v.location(), name + " has a concrete secret value in the plan; the plan does not say "
                            + "whether the configuration writes it: check the configuration", List.of());
                }
            }
            case SAFE -> {
            }
        }
    }

    private static boolean looksLikeAReference(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("arn:") || t.startsWith("/") || t.startsWith("{{resolve:") || t.startsWith("ssm:")
                || t.startsWith("secretsmanager:");
    }

    /** The setting's name as written, a command-line option's dashes included ({@code --admin-password}). */
    private static String writtenName(String text, int start, int end) {
        int i = start;
        while (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_' || text.charAt(i - 1) == '-')) {
            i--;
        }
        return text.substring(i, end);
    }

    /**
     * Whether {@link #ASSIGNMENT} can match: its name must end in one of these words (ASCII letters, matched
     * ignoring case). Most user data names none, and a few indexOf calls cost far less than the pattern's
     * attempt at every word of a script.
     */
    private static boolean mayAssignSecret(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("passw") || t.contains("secret") || t.contains("apikey") || t.contains("_key")
                || t.contains("_token");
    }

    private static void judgeUserData(RuleContext ctx, Resource r, Value v) {
        List<String> texts = ValueWalker.standard().values(v).map(SecretValues::text).flatMap(Optional::stream).toList();
        for (String text : texts) {
            if (!mayAssignSecret(text)) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(text);
            while (m.find()) {
                String value = m.group(2);
                if (looksLikeAReference(value) || value.startsWith("-") || value.contains("(") || SWITCH.matcher(value).matches()) {
                    continue;
                }
                SourceLocation at = v.location();
                ctx.report(r, at, Names.of(r) + " user data assigns " + writtenName(text, m.start(1), m.end(1))
                        + " a value written in the file; fetch it at boot from Secrets Manager or SSM SecureString", List.of());
                return;
            }
        }
    }
}
