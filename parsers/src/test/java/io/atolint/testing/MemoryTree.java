package io.atolint.testing;

import io.atolint.model.SourceLocation;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;
import io.atolint.parse.TextDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory tree of files for parser tests. */
public final class MemoryTree implements SourceTree {
    private final Map<String, byte[]> files = new TreeMap<>();

    public MemoryTree put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public MemoryTree putBytes(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    public static MemoryTree of(String path, String text) {
        return new MemoryTree().put(path, text);
    }

    @Override
    public String root() {
        return ".";
    }

    @Override
    public List<String> files() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public ReadResult readText(String path) {
        ReadResult r = readBytes(path);
        return r instanceof ReadResult.Bytes b ? TextDecoder.decode(path, b.bytes()) : r;
    }

    @Override
    public ReadResult readBytes(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            return new ReadResult.Failure(SourceLocation.ofFile(path), "not a file of the scanned tree");
        }
        return new ReadResult.Bytes(path, b);
    }
}
