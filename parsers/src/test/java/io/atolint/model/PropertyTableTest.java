package io.atolint.model;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** properties.tsv is well-formed: real kinds, one row per canonical property and owner, paths every format can walk. */
class PropertyTableTest {

    @Test
    void everyOwnerIsAKindOfKindsTsvOrABlock() {
        Set<Kind> mapped = new HashSet<>(KindTable.all().values());
        List<String> wrong = new ArrayList<>();
        for (Property p : PropertyTable.all()) {
            if (!p.owner().startsWith("@") && !mapped.contains(Kind.valueOf(p.owner()))) {
                wrong.add(p.owner() + " " + p.name());
            }
        }
        assertTrue(wrong.isEmpty(), "owners that no raw type of kinds.tsv maps to: " + wrong);
    }

    @Test
    void everyRowSaysWhereAtLeastOneFormatWritesIt() {
        List<String> wrong = new ArrayList<>();
        for (Property p : PropertyTable.all()) {
            List<List<String>> all = new ArrayList<>(p.cloudFormation());
            all.addAll(p.terraform());
            if (all.isEmpty() && !p.diagram().isEmpty()) {
                wrong.add(p.owner() + " " + p.name() + " (diagram only)");
            }
            for (List<String> path : all) {
                if (path.stream().anyMatch(k -> !k.matches("[A-Za-z][A-Za-z0-9_]*"))) {
                    wrong.add(p.owner() + " " + p.name() + " " + path);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "malformed rows: " + wrong);
    }

    @Test
    void booleanDefaultsAreWrittenAsBooleans() {
        for (Property p : PropertyTable.all()) {
            if (p.defaultValue() != null && p.defaultValue().equalsIgnoreCase("true") || p.defaultValue() != null
                    && p.defaultValue().equalsIgnoreCase("false")) {
                assertTrue(p.defaultBool().isKnown(), p.owner() + " " + p.name() + ": write the default in lower case");
            }
        }
    }

    @Test
    void aDuplicateCanonicalPropertyIsRejectedWithItsLine() {
        String twice = "RDS_INSTANCE\tMultiAZ\tMultiAZ\tmulti_az\n# comment\nRDS_INSTANCE,AURORA_CLUSTER\tMultiAZ\tMultiAZ\tmulti_az\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PropertyTable.parse(new BufferedReader(new StringReader(twice))));
        assertEquals("properties.tsv:3: RDS_INSTANCE lists MultiAZ twice", e.getMessage());
    }

    @Test
    void anOwnerThatIsNoKindIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PropertyTable.parse(new BufferedReader(new StringReader("RDS_INSTANCES\tMultiAZ\tMultiAZ\tmulti_az\n"))));
        assertTrue(e.getMessage().contains("RDS_INSTANCES is neither a kind nor an @block"), e.getMessage());
    }

    @Test
    void columnsReadAsAlternativesNestedPathsAndDefaults() throws Exception {
        Map<String, Map<String, Property>> t = PropertyTable.parse(new BufferedReader(new StringReader(
                "OPENSEARCH_DOMAIN\tEncryptionAtRest\tEncryptionAtRestOptions.Enabled\tencrypt_at_rest.enabled\t*\tfalse\n"
                        + "LOAD_BALANCER\tSubnets\tSubnets|SubnetMappings\tsubnets\n"
                        + "IAM_PASSWORD_POLICY\tMaxPasswordAge\t-\tmax_password_age\t-\t0\n")));
        Property enc = t.get("OPENSEARCH_DOMAIN").get("EncryptionAtRest");
        assertEquals(List.of(List.of("EncryptionAtRestOptions", "Enabled")), enc.paths(Format.CDK));
        assertEquals(List.of(List.of("encrypt_at_rest", "enabled")), enc.paths(Format.TERRAFORM_PLAN));
        assertEquals(List.of(List.of("EncryptionAtRestOptions", "Enabled"), List.of("encrypt_at_rest", "enabled")),
                enc.paths(Format.DRAWIO), "a drawn cell's fields may use either spelling");
        assertEquals(Tri.FALSE, enc.defaultBool());
        assertEquals(List.of(List.of("Subnets"), List.of("SubnetMappings")),
                t.get("LOAD_BALANCER").get("Subnets").paths(Format.CLOUDFORMATION));
        Property age = t.get("IAM_PASSWORD_POLICY").get("MaxPasswordAge");
        assertTrue(age.paths(Format.CLOUDFORMATION).isEmpty());
        assertTrue(age.paths(Format.SVG).isEmpty());
        assertEquals("0", age.defaultValue());
    }

    @Test
    void anUnknownCanonicalNameThrowsNamingTheKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PropertyTable.of(Kind.RDS_INSTANCE, "MultiAz"));
        assertEquals("properties.tsv has no property MultiAz for RDS_INSTANCE", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PropertyTable.ofBlock("@SecurityGroupRule", "Cidr"));
        assertFalse(PropertyTable.find(Kind.EFS_FILE_SYSTEM, "AzResilience").isPresent());
        assertTrue(PropertyTable.find(Kind.RDS_INSTANCE, "AzResilience").isPresent());
    }
}
