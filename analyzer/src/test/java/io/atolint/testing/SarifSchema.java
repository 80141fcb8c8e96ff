package io.atolint.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official SARIF 2.1.0 JSON schema (test resource {@code sarif/sarif-schema-2.1.0.json}), with
 * format assertions on, so that every SARIF log the suite produces can be validated.
 */
public final class SarifSchema {
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("sarif/sarif-schema-2.1.0.json missing from test resources");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema, as {@code path: message}. */
    public static List<String> errors(String sarifJson) {
        List<Error> errors = SCHEMA.validate(sarifJson, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    public static void assertValid(String sarifJson, String what) {
        List<String> errors = errors(sarifJson);
        assertTrue(errors.isEmpty(), what + " is not valid SARIF 2.1.0:\n  " + String.join("\n  ", errors));
    }
}
