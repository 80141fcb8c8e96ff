package io.atolint.suppress;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.SourceTree;
import io.atolint.rule.SourceText;
import io.atolint.testing.Repo;
import io.atolint.triage.Triage;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each suppression syntax on real templates (fixtures/suppress): which HA001 findings end up suppressed,
 * by which syntax, with which justification; the others stay reported.
 */
class SuppressionsTest {
    /** Made-up peer ids mapped onto HA001, so that every peer syntax is exercised whatever rules exist. */
    private static final String TEST_PEERS = """
            checkov\tCKV_TEST_1\tHA001\ttest
            cfn_nag\tW9999\tHA001\ttest
            cfn-lint\tW9998\tHA001\ttest
            """;

    private static Analysis triaged(String dir, PeerRules peers) {
        String display = "fixtures/suppress/" + dir;
        SourceTree tree = new FileSystemSourceTree(Repo.path(display), display, Limits.defaults());
        Analysis a = Analyzer.standard().analyze(List.of(tree), ParseOptions.defaults());
        return Triage.apply(a, new SourceText(List.of(tree)), Triage.Settings.none().withPeers(peers));
    }

    /** Resource name -> "kind: justification" of its HA001 finding, or "reported". */
    private static Map<String, String> ha001(Analysis a) {
        return findingsOf(a, "HA001");
    }

    private static Map<String, String> findingsOf(Analysis a, String ruleId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            if (f.ruleId().equals(ruleId)) {
                out.put(f.resource().name(), f.isSuppressed()
                        ? f.suppression().kind() + ": " + f.suppression().justification() : "reported");
            }
        }
        return out;
    }

    private static List<String> ruleIds(Analysis a, String prefix) {
        return a.findings().stream().map(Finding::ruleId).filter(r -> r.startsWith(prefix)).toList();
    }

    @Test
    void resourceMetadataSuppressesThatResourceOnly() {
        Analysis a = triaged("cfn-resource-metadata", PeerRules.standard());
        assertEquals(Map.of("Web", "atolint: internal admin tool; one AZ accepted by the risk owner (RISK-12)",
                "Api", "reported"), ha001(a));
        assertEquals(List.of(), ruleIds(a, "SUPP"));
        Finding web = a.findings().stream().filter(f -> f.ruleId().equals("HA001") && f.resource() != null
                && f.resource().name().equals("Web")).findFirst().orElseThrow();
        assertEquals(8, web.suppression().location().startLine(), "the suppression points at its declaration");
    }

    @Test
    void templateMetadataSuppressesEveryResourceOfTheTemplate() {
        Analysis a = triaged("cfn-template-metadata", PeerRules.standard());
        assertEquals(Map.of("Web", "atolint: development stack, single AZ by design",
                "Api", "atolint: development stack, single AZ by design"), ha001(a));
    }

    @Test
    void commentsAboveABlockAnAttributeOrAtTheEndOfTheLine() {
        Analysis a = triaged("yaml-comments", PeerRules.standard());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Web", "atolint: blue/green twin of Api, replaced within the hour");
        expected.put("Api", "atolint: the second subnet is added by the network stack (NET-42)");
        expected.put("Admin", "atolint: VPN-only admin endpoint");
        expected.put("Plain", "reported");
        expected.put("Other", "reported");
        assertEquals(expected, ha001(a));
    }

    @Test
    void ignoreFileCoversItsFileAndNoOther() {
        Analysis a = triaged("ignore-file", PeerRules.standard());
        assertEquals(Map.of("Web", "atolint: sandbox account template, never deployed to production",
                "Other", "reported"), ha001(a));
    }

    @Test
    void cdkNagSuppressionMapsThroughThePeerTable() {
        Analysis a = triaged("cdk-nag", PeerRules.standard());
        assertEquals(Map.of("Classic", "cdk-nag: legacy partner endpoint, retired in Q3",
                "ClassicTwo", "reported"), ha001(a));
    }

    @Test
    void everyPeerSyntaxMapsThroughThePeerTable() throws IOException {
        PeerRules peers = PeerRules.parse(new BufferedReader(new StringReader(TEST_PEERS)));
        Analysis a = triaged("peer-syntaxes", peers);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Checkov", "checkov: accepted by the risk owner");
        expected.put("CfnNag", "cfn_nag: accepted by the risk owner");
        expected.put("CfnLint", "cfn-lint: no reason given (Metadata cfn-lint ignore_checks W9998)");
        expected.put("CheckovComment", "checkov: the comment form, inside the resource's block");
        expected.put("Unmapped", "reported");
        assertEquals(expected, ha001(a));
        // without the table the same files suppress nothing
        Analysis plain = triaged("peer-syntaxes", new PeerRules(List.of()));
        assertTrue(ha001(plain).values().stream().allMatch("reported"::equals), ha001(plain).toString());
    }

    @Test
    void terraformCommentsAboveBlocksAndAttributesAndCheckovInsideTheBlock() {
        Analysis a = triaged("terraform-comments", PeerRules.standard());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("aws_db_instance.reports", "checkov: reporting replica of public data, nothing sensitive");
        expected.put("aws_db_instance.scratch", "atolint: scratch database, wiped every night");
        expected.put("aws_db_instance.orders", "atolint: the attribute form: covers findings on the next line only");
        expected.put("aws_db_instance.billing", "reported");
        assertEquals(expected, findingsOf(a, "ENC001"));
    }

    @Test
    void checkovAndCdkNagMetadataThroughTheShippedTable() {
        Analysis a = triaged("checkov-cfn", PeerRules.standard());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Reports", "checkov: reporting replica of public data, nothing sensitive");
        expected.put("Billing", "cdk-nag: encrypted by the storage layer of the partner appliance");
        expected.put("Orders", "reported");
        assertEquals(expected, findingsOf(a, "ENC001"));
    }

    @Test
    void checkovRdsMultiAzSkipSuppressesTheDataStoreAzRule() {
        Analysis a = triaged("rds-multi-az", PeerRules.standard());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("aws_db_instance.reports", "checkov: reporting replica, rebuilt from the primary within the RTO");
        expected.put("aws_db_instance.orders", "reported");
        assertEquals(expected, findingsOf(a, "HA003"));
    }

    /** Issue 17: suppressions adopters wrote for the peer checks atolint now covers. */
    @Test
    void peerSuppressionsOfCloudFormationMetadataSuppressTheCoveringRule() {
        Analysis a = triaged("peer-checks-cfn", PeerRules.standard());
        Map<String, String> sg = new LinkedHashMap<>();
        sg.put("Bastion", "checkov: bastion host, SSH from the internet behind MFA");
        sg.put("Jump", "cfn_nag: jump host for the support vendor");
        sg.put("Forgotten", "reported");
        assertEquals(sg, findingsOf(a, "SG001"));
        Map<String, String> tls = new LinkedHashMap<>();
        tls.put("LegacyClients", "cfn_nag: serves kiosks that only speak TLS 1.0 until Q3");
        tls.put("OldClients", "reported");
        assertEquals(tls, findingsOf(a, "TLS005"));
    }

    @Test
    void checkovInlineSkipsInTerraformSuppressTheCoveringRule() {
        Analysis a = triaged("peer-checks-tf", PeerRules.standard());
        assertEquals(Map.of("aws_security_group.bastion", "checkov: bastion host, SSH from the internet behind MFA"),
                findingsOf(a, "SG001"));
        Map<String, String> s3 = new LinkedHashMap<>();
        s3.put("aws_s3_bucket.public_site", "checkov: static website served over HTTP by design");
        s3.put("aws_s3_bucket.data", "reported");
        assertEquals(s3, findingsOf(a, "TLS006"));
        assertEquals(Map.of("aws_network_acl_rule.ssh",
                "checkov: the admin subnet's NACL is the allow-list; security groups narrow it"), findingsOf(a, "NET002"));
        assertEquals(Map.of("aws_elasticache_replication_group.scratch", "checkov: a cache of recomputable results, nothing to restore"),
                findingsOf(a, "BAK001"));
        // without the peer table the same comments suppress nothing
        Analysis plain = triaged("peer-checks-tf", new PeerRules(List.of()));
        assertEquals("reported", findingsOf(plain, "NET002").get("aws_network_acl_rule.ssh"));
    }

    @Test
    void diagramCellAttributeAndTag() {
        Analysis a = triaged("diagram-cells", PeerRules.standard());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("sns", "atolint: drawn on the messaging page of this file");
        expected.put("sqs", "atolint: no reason given (tag atolint-ignore:DIAG001)");
        expected.put("kinesis", "reported");
        assertEquals(expected, findingsOf(a, "DIAG001"));
        assertEquals(List.of("SUPP001"), ruleIds(a, "SUPP"), "the tag carries no reason");
    }

    @Test
    void suppressedFindingsAreKeptAndNeverFailTheRun() {
        Analysis a = triaged("cfn-template-metadata", PeerRules.standard());
        assertEquals(2, a.findings().stream().filter(Finding::isSuppressed).count());
        assertEquals(0, a.countAtLeast(io.atolint.model.Severity.LOW));
    }

    @Test
    void theCommentSyntaxReadsIdsAndReason() {
        InlineSyntax.Marker m = InlineSyntax.find("    # atolint:ignore HA001,NET002 : shared VPC, see ADR-7");
        assertEquals(List.of("HA001", "NET002"), m.ids());
        assertEquals("shared VPC, see ADR-7", m.reason());
        assertEquals(List.of("HA001"), InlineSyntax.find("x = 1 // atolint:ignore HA001").ids());
        assertEquals("", InlineSyntax.find("x = 1 // atolint:ignore HA001").reason());
        assertEquals("reason", InlineSyntax.find("<!-- atolint:ignore DIAG001 reason -->").reason());
        assertEquals(null, InlineSyntax.find("Description: 'see # atolint:ignore HA001 why'"));
        assertEquals("checkov", InlineSyntax.find("  #checkov:skip=CKV_AWS_157:Multi-AZ in prod only").tool());
        assertEquals("Multi-AZ in prod only", InlineSyntax.find("  #checkov:skip=CKV_AWS_157:Multi-AZ in prod only").reason());
        assertEquals(null, InlineSyntax.find("# a note # atolint:ignore HA001 not a marker"));
        assertTrue(InlineSyntax.find("  # atolint:ignore-file HA001 x").wholeFile());
    }

    @Test
    void blocksEndWhereTheirBracesOrIndentationEnd() {
        List<String> hcl = List.of(
                "resource \"aws_lb\" \"web\" {",
                "  name = \"a { b\"",
                "  subnet_mapping {",
                "    subnet_id = \"x\"",
                "  }",
                "}",
                "resource \"aws_lb\" \"api\" {}");
        assertEquals(6, BlockExtent.end(hcl, 1));
        assertEquals(7, BlockExtent.end(hcl, 7));
        List<String> yaml = List.of(
                "Resources:",
                "  Web:",
                "    Type: X",
                "    Properties:",
                "      A: 1",
                "",
                "  # next resource's comment",
                "  Api:",
                "    Type: Y");
        assertEquals(5, BlockExtent.end(yaml, 2));
    }

    @Test
    void theShippedPeerTableNamesOnlyExistingRules() {
        for (PeerRules.Mapping m : PeerRules.standard().mappings()) {
            for (String r : m.rules()) {
                assertTrue(io.atolint.checks.RuleCatalog.find(r).isPresent(),
                        "peer-rules.tsv maps " + m.tool() + " " + m.peerId() + " onto " + r + ", which is no atolint rule");
            }
            assertTrue(!m.note().isEmpty(), m.tool() + " " + m.peerId() + ": say what the peer rule checks");
        }
    }
}
