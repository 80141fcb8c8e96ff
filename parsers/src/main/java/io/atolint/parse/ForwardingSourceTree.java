package io.atolint.parse;

import io.atolint.model.Finding;

import java.util.List;

/**
 * A source tree that passes every question to another one; wrappers (progress, ignore patterns, the scan's
 * source text) extend it and override only what they change. A wrapper that forgot to pass on one method
 * silently cut what the scan may read (local modules above the scanned path were lost once that way), so
 * every method of {@link SourceTree} is forwarded here, and a test holds this class to that.
 */
public abstract class ForwardingSourceTree implements SourceTree {
    protected final SourceTree delegate;

    protected ForwardingSourceTree(SourceTree delegate) {
        this.delegate = delegate;
    }

    @Override
    public String root() {
        return delegate.root();
    }

    @Override
    public List<String> files() {
        return delegate.files();
    }

    @Override
    public ReadResult readText(String path) {
        return delegate.readText(path);
    }

    @Override
    public ReadResult readBytes(String path) {
        return delegate.readBytes(path);
    }

    @Override
    public List<String> filesInDirectory(String dir) {
        return delegate.filesInDirectory(dir);
    }

    @Override
    public String repositoryRoot() {
        return delegate.repositoryRoot();
    }

    @Override
    public List<Finding> problems() {
        return delegate.problems();
    }
}
