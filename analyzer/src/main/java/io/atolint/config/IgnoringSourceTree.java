package io.atolint.config;

import io.atolint.model.Finding;
import io.atolint.model.SourceLocation;
import io.atolint.parse.ForwardingSourceTree;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;

import java.util.List;
import java.util.function.Predicate;

/** A source tree without the files a configuration ignores: they are neither listed nor readable. */
public final class IgnoringSourceTree extends ForwardingSourceTree {
    private final Predicate<String> ignored;

    public IgnoringSourceTree(SourceTree delegate, Predicate<String> ignored) {
        super(delegate);
        this.ignored = ignored;
    }

    @Override
    public List<String> files() {
        return delegate.files().stream().filter(ignored.negate()).toList();
    }

    @Override
    public ReadResult readText(String path) {
        return ignored.test(path) ? refused(path) : delegate.readText(path);
    }

    @Override
    public ReadResult readBytes(String path) {
        return ignored.test(path) ? refused(path) : delegate.readBytes(path);
    }

    private static ReadResult refused(String path) {
        return new ReadResult.Failure(SourceLocation.ofFile(path), "ignored by ignore-paths in the configuration");
    }

    @Override
    public List<Finding> problems() {
        return delegate.problems().stream().filter(f -> !ignored.test(f.location().file())).toList();
    }

    @Override
    public List<String> filesInDirectory(String dir) {
        return delegate.filesInDirectory(dir).stream().filter(ignored.negate()).toList();
    }

}
