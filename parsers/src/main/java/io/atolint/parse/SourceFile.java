package io.atolint.parse;

/** A text file of the scanned tree, already decoded. {@code path} is relative to the scanned root. */
public record SourceFile(String path, String text) {

    public String fileName() {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    public String directory() {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    public String extension() {
        String n = fileName();
        int i = n.lastIndexOf('.');
        return i < 0 ? "" : n.substring(i + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
