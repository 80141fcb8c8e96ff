package io.atolint.topology;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyKeyTest {
    @Test
    void copyMarksGoAsBeforeAndALongRunIsNotRetriedFromEachStart() {
        // the expression before its runs were made possessive, on random short labels of the characters that matter
        Pattern before = Pattern.compile(
                "(?:[\\s\\-_#(]*(?:\\d+|(?:az|availability zone)[\\s\\-_]*[a-z0-9]{1,2}|[a-z]{2}-[a-z]+-\\d[a-z])\\)?)+$");
        String[] pieces = {"1", "2", "az", "a", "b", "z", " ", "-", "_", "#", "(", ")", "us", "east", "-1a", "web ",
            "availability zone", "\n"};
        Random r = new Random(3);
        int stripped = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(7); k > 0; k--) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String label = b.toString();
            String expected = before.matcher(label).replaceAll("").strip();
            assertEquals(expected, CopyKey.withoutCopyMark(label), () -> "'" + label + "'");
            stripped += expected.equals(label.strip()) ? 0 : 1;
        }
        assertTrue(stripped > 10_000, "the sample holds copy marks: " + stripped);
        assertEquals("web server", CopyKey.withoutCopyMark("web server 2"));
        assertEquals("app", CopyKey.withoutCopyMark("app (az a)"));
        // a label of 20,000 digits (47 s before) is longer than a name with a copy number: kept as it is
        String digits = "app " + "1".repeat(20_000) + "x";
        assertEquals(digits, CopyKey.withoutCopyMark(digits));
    }
}
