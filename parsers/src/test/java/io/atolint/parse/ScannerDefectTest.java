package io.atolint.parse;

import io.atolint.model.Finding;
import io.atolint.parse.cloudformation.CloudFormationHandler;
import io.atolint.testing.MemoryTree;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A defect in one reader is a finding, the other readers' models stay; fuzzing asks for the defect itself. */
class ScannerDefectTest {
    private static final String TEMPLATE = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """;

    private static final FormatHandler BROKEN = new FormatHandler() {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void scan(ScanSession session) {
            throw new IllegalStateException("a defect");
        }
    };

    private static ScanResult scan() {
        MemoryTree tree = new MemoryTree().put("app/template.yaml", TEMPLATE);
        return new Scanner(List.of(BROKEN, new CloudFormationHandler())).scan(tree, ParseOptions.defaults());
    }

    @Test
    void aDefectInOneReaderIsAFindingAndTheOthersStillRead() {
        ScanResult r = scan();
        List<Finding> internal = r.findings().stream().filter(f -> f.message().startsWith("internal error")).toList();
        assertEquals(1, internal.size(), r.findings().toString());
        assertEquals("PARSE001", internal.get(0).ruleId());
        assertTrue(internal.get(0).message().contains("in the broken reader: java.lang.IllegalStateException: a defect"));
        assertEquals(1, r.models().size());
        assertEquals("Queue", r.models().get(0).resources().get(0).name());
    }

    @Test
    void fuzzingSeesTheDefectItself() {
        System.setProperty("atolint.rethrowInternalErrors", "true");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, ScannerDefectTest::scan);
            assertEquals("a defect", e.getMessage());
        } finally {
            System.clearProperty("atolint.rethrowInternalErrors");
        }
    }
}
