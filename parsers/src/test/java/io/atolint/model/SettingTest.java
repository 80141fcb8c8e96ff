package io.atolint.model;

import io.atolint.parse.ParseOptions;
import io.atolint.testing.Fixtures;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property accessor on real fixtures of each format: a canonical name finds the key the format
 * writes, messages get the key as written (or as the format spells it when omitted), an omitted
 * setting takes the table's AWS default, and a drawing's unstated configuration is UNKNOWN.
 */
class SettingTest {

    private static Model scan(String fixture) {
        return Scans.only(Scans.scan(Fixtures.load(fixture), ParseOptions.defaults()));
    }

    @Test
    void cloudFormationOmittedSettingTakesTheAwsDefaultAndIsReportedOnTheResource() {
        Resource trail = Scans.resource(scan("fixtures/rules/LOG001/cfn-yaml-single-region"), "Trail");
        Setting multi = Setting.of(trail, "IsMultiRegionTrail");
        assertTrue(multi.omitted());
        assertEquals("IsMultiRegionTrail", multi.name());
        assertEquals(Tri.UNKNOWN, multi.bool(), "omitted is not false by itself");
        assertEquals(Tri.FALSE, multi.boolOrDefault(), "AWS's default for IsMultiRegionTrail");
        assertEquals("omitted (default false)", multi.shownWithDefault());
        assertEquals(3, multi.at().startLine(), "an omitted setting points at its resource");

        Setting logging = Setting.of(trail, "IsLogging");
        assertTrue(logging.written());
        assertEquals(Tri.TRUE, logging.bool());
        assertEquals(6, logging.at().startLine(), "a written setting points at its key");
    }

    @Test
    void cloudFormationAndTerraformNestedPathsOfOneProperty() {
        Resource cfn = Scans.resource(scan("fixtures/rules/ENC001/cfn-yaml-encrypted-stores"), "Search");
        Setting atRest = Setting.of(cfn, "EncryptionAtRest");
        assertEquals("EncryptionAtRestOptions.Enabled", atRest.name());
        assertEquals(Tri.TRUE, atRest.bool());
        assertEquals(27, atRest.at().startLine());

        Model tf = scan("fixtures/rules/ENC001/tf-stores");
        Setting tfAtRest = Setting.of(Scans.resource(tf, "aws_opensearch_domain.search"), "EncryptionAtRest");
        assertEquals("encrypt_at_rest.enabled", tfAtRest.name(), "the Terraform block is stepped through");
        assertEquals(Tri.TRUE, tfAtRest.bool());
        assertEquals(24, tfAtRest.at().startLine());

        Setting kinesis = Setting.of(Scans.resource(tf, "aws_kinesis_stream.events"), "EncryptionType");
        assertTrue(kinesis.omitted());
        assertEquals("encryption_type", kinesis.name(), "an omitted setting is spelled as Terraform writes it");
        assertEquals("NONE", kinesis.stringOrDefault().orElseThrow());
        Setting cfnKinesis = Setting.of(Scans.resource(scan("fixtures/rules/ENC001/cfn-yaml-encrypted-stores"), "Stream"),
                "EncryptionType");
        assertEquals("StreamEncryption.EncryptionType", cfnKinesis.name());
        assertEquals("KMS", cfnKinesis.string().orElseThrow());

        Setting plain = Setting.of(Scans.resource(tf, "aws_db_instance.plain"), "StorageEncrypted");
        assertEquals("storage_encrypted", plain.name());
        assertEquals(1, plain.at().startLine());
        Setting sqs = Setting.of(Scans.resource(tf, "aws_sqs_queue.jobs"), "SqsManagedSseEnabled");
        assertEquals(Tri.FALSE, sqs.boolOrDefault(), "written false beats the default true");
        assertEquals("false", sqs.shownWithDefault());
        assertEquals(42, sqs.at().startLine());
    }

    @Test
    void keysThatDifferBetweenFormatsAreMappedByTheTable() {
        Resource cfnKey = Scans.resource(scan("fixtures/rules/KMS002/cfn-yaml-anyone"), "Shared");
        Setting cfnPolicy = Setting.of(cfnKey, "KeyPolicy");
        assertEquals("KeyPolicy", cfnPolicy.name());
        assertEquals(7, cfnPolicy.at().startLine());
        assertTrue(cfnPolicy.map().orElseThrow().has("Statement"));

        Model tf = scan("fixtures/rules/KMS002/tf-key-policy");
        Setting tfPolicy = Setting.of(Scans.resource(tf, "aws_kms_key.org"), "KeyPolicy");
        assertEquals("policy", tfPolicy.name(), "aws_kms_key writes its key policy as policy");
        assertEquals(22, tfPolicy.at().startLine());
        assertTrue(Setting.of(Scans.resource(tf, "aws_kms_key.shared"), "KeyPolicy").omitted());
        assertTrue(Setting.of(Scans.resource(tf, "aws_kms_key_policy.shared"), "Policy").written());
    }

    @Test
    void blocksNestedInResourcesAreReadByTheirOwnRows() {
        Model tf = scan("fixtures/rules/SG001/tf-inline-and-rules");
        Resource web = Scans.resource(tf, "aws_security_group.web");
        List<Value.MapV> ingress = Setting.of(web, "Ingress").blocks();
        assertEquals(2, ingress.size());
        Setting from = Setting.in(web, "@SecurityGroupRule", ingress.get(1), "FromPort");
        assertEquals(new BigDecimal(22), from.number().orElseThrow());
        assertEquals("from_port", from.name());
        assertEquals(1, Setting.in(web, "@SecurityGroupRule", ingress.get(1), "Ipv4Ranges").items().size());
        assertTrue(Setting.in(web, "@SecurityGroupRule", ingress.get(1), "Ipv6Ranges").omitted());

        Resource all = Scans.resource(tf, "aws_vpc_security_group_ingress_rule.all");
        Setting protocol = Setting.in(all, "@SecurityGroupRule", all.attributes(), "Protocol");
        assertEquals("ip_protocol", protocol.name(), "the second Terraform spelling, of the VPC rule resources");
        assertEquals("-1", protocol.string().orElseThrow());
        assertEquals("10.0.0.0/0", Setting.in(all, "@SecurityGroupRule", all.attributes(), "Ipv4Ranges").string()
                .orElseThrow());
    }

    @Test
    void aDrawingStatesNoConfigurationSoEverySettingIsUnknownNotOmitted() {
        Resource db = Scans.resource(scan("fixtures/rules/HA003/drawio-database-in-one-az-box"), "db");
        Setting encrypted = Setting.of(db, "StorageEncrypted");
        assertFalse(encrypted.omitted());
        assertTrue(encrypted.unknown());
        assertFalse(encrypted.written());
        assertEquals(Tri.UNKNOWN, encrypted.boolOrDefault(), "the default applies only to what a file omits");
        assertEquals("StorageEncrypted", encrypted.name());
        assertEquals(db.location(), encrypted.at());
    }

    @Test
    void aDrawnCellsCustomFieldsAreReadInEitherSpelling() {
        String drawio = "<mxfile><diagram id=\"p\" name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + "<UserObject label=\"Orders\" StorageEncrypted=\"false\" id=\"a\"><mxCell style=\"shape=mxgraph.aws4.resourceIcon;"
                + "resIcon=mxgraph.aws4.rds;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"10\" y=\"10\" width=\"48\" height=\"48\" "
                + "as=\"geometry\"/></mxCell></UserObject>"
                + "<UserObject label=\"Reports\" storage_encrypted=\"true\" id=\"b\"><mxCell style=\"shape=mxgraph.aws4.resourceIcon;"
                + "resIcon=mxgraph.aws4.rds;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"100\" y=\"10\" width=\"48\" height=\"48\" "
                + "as=\"geometry\"/></mxCell></UserObject>"
                + "</root></mxGraphModel></diagram></mxfile>";
        Model m = Scans.only(Scans.scan(MemoryTree.of("a.drawio", drawio), ParseOptions.defaults()));
        Setting a = Setting.of(Scans.resource(m, "a"), "StorageEncrypted");
        assertTrue(a.written());
        assertEquals(Tri.FALSE, a.bool());
        Setting b = Setting.of(Scans.resource(m, "b"), "StorageEncrypted");
        assertEquals("storage_encrypted", b.name(), "the field as the drawing writes it");
        assertEquals(Tri.TRUE, b.bool());
    }

    @Test
    void aPropertyTheFormatDoesNotHaveIsOmittedAndSaysSo() {
        Resource bucket = Scans.resource(scan("fixtures/rules/LOG003/tf-unversioned"), "aws_s3_bucket.trail");
        Setting status = Setting.of(bucket, "VersioningStatus");
        assertFalse(status.defined(), "Terraform has no VersioningConfiguration.Status");
        assertTrue(status.omitted());
        assertTrue(Setting.of(bucket, "VersioningEnabled").defined());
    }

    @Test
    void askingAKindForAPropertyTheTableDoesNotListIsADefect() {
        Resource trail = Scans.resource(scan("fixtures/rules/LOG001/cfn-yaml-single-region"), "Trail");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Setting.of(trail, "MultiAZ"));
        assertEquals("properties.tsv has no property MultiAZ for CLOUDTRAIL_TRAIL", e.getMessage());
        assertTrue(Setting.find(trail, "MultiAZ").isEmpty());
    }
}
