package io.atolint.cli;

import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameters per stack on the command line: {@code --param network.AzB=...} and
 * {@code --params-file network=FILE} reach the template named network only.
 */
class StackParametersCliTest {
    private static final String CASE = "fixtures/rules/HA001/cfn-yaml-import-subnets-from-network-stack";

    private static String scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 3];
        all[0] = "scan";
        all[1] = Repo.path(CASE).toString();
        all[2] = "--fail-on=critical";
        System.arraycopy(args, 0, all, 3, args.length);
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8)).run(all);
        assertEquals(Cli.OK, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aParameterQualifiedByTheStackReachesThatStackOnly(@TempDir Path tmp) throws IOException {
        assertTrue(!scan().contains("HIGH HA001"), "with its defaults the network stack spans two AZs");
        assertTrue(scan("--param", "network.AzB=us-east-1a").contains("HIGH HA001 ALB \"app.yaml: Alb\" has subnets in 1 AZ"));
        assertTrue(!scan("--param", "app.AzB=us-east-1a").contains("HIGH HA001"), "app's own AzB is another parameter");

        Path file = tmp.resolve("network-params.json");
        Files.writeString(file, "[{\"ParameterKey\": \"AzB\", \"ParameterValue\": \"us-east-1a\"}]");
        assertTrue(scan("--params-file", "network=" + file).contains("HIGH HA001"));
        assertTrue(!scan("--params-file", "app=" + file).contains("HIGH HA001"));
    }
}
