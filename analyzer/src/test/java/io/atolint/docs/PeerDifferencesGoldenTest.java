package io.atolint.docs;

import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.suppress.PeerRules;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/peer-differences.md is generated from peer-rules.tsv and the peers: entries of the fixture cases:
 * it must equal what the rules decide on those fixtures today (regenerate with dev/update-goldens, which
 * sets atolint.updateGoldens). Generating fails on an undocumented difference, on a documented one that
 * no longer differs and on a mapped checkov or cfn_nag check that no fixture compares.
 */
class PeerDifferencesGoldenTest {

    private static String render() {
        return PeerDifferences.render(new FileSystemSourceTree(Repo.path("fixtures/rules"), "fixtures/rules", Limits.defaults()),
                PeerRules.standard());
    }

    @Test
    void theCommittedPeerDifferencesAreUpToDate() throws IOException {
        Path committed = Repo.path("docs/peer-differences.md");
        String expected = render();
        if (Boolean.getBoolean("atolint.updateGoldens")) {
            Files.writeString(committed, expected, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(committed)) {
            fail("docs/peer-differences.md is missing; generate it with " + PeerDifferences.REGENERATE);
        }
        String actual = Files.readString(committed, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            String[] a = actual.split("\n", -1);
            String[] e = expected.split("\n", -1);
            int line = 0;
            while (line < Math.min(a.length, e.length) && a[line].equals(e[line])) {
                line++;
            }
            fail("docs/peer-differences.md is stale (first difference at line " + (line + 1) + ":\n    committed: "
                    + (line < a.length ? a[line] : "<end>") + "\n    expected:  " + (line < e.length ? e[line] : "<end>")
                    + ").\nRegenerate it with " + PeerDifferences.REGENERATE + " and review the diff.");
        }
    }

    @Test
    void everyComparisonIsSameOrSaysWhy() {
        List<PeerDifferences.Comparison> all = PeerDifferences.compare(
                new FileSystemSourceTree(Repo.path("fixtures/rules"), "fixtures/rules", Limits.defaults()), PeerRules.standard());
        assertTrue(all.size() > 50, "the fixtures compare many peer decisions: " + all.size());
        for (PeerDifferences.Comparison c : all) {
            assertEquals(!c.same(), c.why() != null && !c.why().isBlank(), c.check() + " on " + c.resource() + " in " + c.caseDir());
        }
        assertTrue(all.stream().anyMatch(c -> !c.same()), "some differences are documented");
        assertTrue(all.stream().anyMatch(c -> c.peerFails() && c.same()), "atolint fails what the peers fail");
    }
}
