package io.atolint.fuzz;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.Resource;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ScanResult;
import io.atolint.parse.formats.Formats;
import io.atolint.testing.MemoryTree;

/**
 * What every fuzz target asserts: the scan returns (the handlers catch defects and report them as
 * "internal error" findings, which would hide a crash from the fuzzer, so here they are thrown on with
 * their stack trace), every finding is located in a file of the input, and every resource has a location.
 */
final class FuzzChecks {
    private FuzzChecks() {
    }

    static ScanResult scan(MemoryTree tree, ParseOptions options) {
        ScanResult r;
        System.setProperty("atolint.rethrowInternalErrors", "true");
        try {
            r = Formats.scanner().scan(tree, options);
        } finally {
            System.clearProperty("atolint.rethrowInternalErrors");
        }
        for (Finding f : r.findings()) {
            check(f, tree);
        }
        for (Model m : r.models()) {
            for (Finding f : m.findings()) {
                check(f, tree);
            }
            for (Resource res : m.resources()) {
                if (!tree.files().contains(res.location().file())) {
                    throw new AssertionError("resource located outside the input: " + res.location());
                }
            }
        }
        return r;
    }

    private static void check(Finding f, MemoryTree tree) {
        if (!tree.files().contains(f.location().file())) {
            throw new AssertionError("finding located outside the input: " + f.location());
        }
    }
}
