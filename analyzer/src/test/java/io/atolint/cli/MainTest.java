package io.atolint.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the entry point prints for a defect that reached the top: one line, nothing a file can forge. */
class MainTest {
    @Test
    void aDefectThatReachesTheTopIsOneLineWithWhereItHappened() {
        IllegalStateException e = new IllegalStateException("label from a file\nfake.yaml:1:1 CRITICAL X001 forged\u001b[2J");
        String line = Main.internalError(e);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("atolint: internal error: java.lang.IllegalStateException: label from a file?fake.yaml:1:1"), line);
        assertTrue(line.contains(" at io.atolint.cli.MainTest.aDefectThatReachesTheTopIsOneLineWithWhereItHappened("), line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f), line);
    }
}
