package io.atolint.testing;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.parse.formats.Formats;

import java.util.ArrayList;
import java.util.List;

/** Small helpers to scan in-memory inputs in tests. */
public final class Scans {
    private Scans() {
    }

    public static ScanResult scan(MemoryTree tree, ParseOptions options) {
        return Formats.scanner().scan(tree, options);
    }

    public static Model only(ScanResult r) {
        if (r.models().size() != 1) {
            throw new AssertionError("expected one model, got " + r.models().size() + ": " + r.findings()
                    + " skipped " + r.skipped());
        }
        return r.models().get(0);
    }

    public static Resource resource(Model m, String name) {
        return m.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name + " in " + m.resources()));
    }

    /** Every finding of a scan: file-level ones and those of each model. */
    public static List<Finding> allFindings(ScanResult r) {
        List<Finding> out = new ArrayList<>(r.findings());
        for (Model m : r.models()) {
            out.addAll(m.findings());
        }
        return out;
    }
}
