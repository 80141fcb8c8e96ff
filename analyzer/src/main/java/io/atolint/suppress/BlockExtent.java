package io.atolint.suppress;

import java.util.List;

/**
 * Where a block that starts at a line ends, from the text alone: braces for HCL and JSON-like text
 * (strings skipped), indentation for YAML. Used when a reader gives a resource's first line only.
 */
public final class BlockExtent {
    private BlockExtent() {
    }

    /** The last line (1-based, inclusive) of the block starting at {@code startLine}. */
    public static int end(List<String> lines, int startLine) {
        if (startLine < 1 || startLine > lines.size()) {
            return startLine;
        }
        String first = lines.get(startLine - 1);
        return first.contains("{") ? braces(lines, startLine) : indentation(lines, startLine);
    }

    private static int braces(List<String> lines, int startLine) {
        int depth = 0;
        boolean opened = false;
        for (int i = startLine - 1; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean inString = false;
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (inString) {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == '"') {
                        inString = false;
                    }
                } else if (ch == '"') {
                    inString = true;
                } else if (ch == '#' || (ch == '/' && c + 1 < l.length() && l.charAt(c + 1) == '/')) {
                    break;
                } else if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                }
            }
            if (opened && depth <= 0) {
                return i + 1;
            }
        }
        return lines.size();
    }

    private static int indentation(List<String> lines, int startLine) {
        int indent = indentOf(lines.get(startLine - 1));
        int last = startLine;
        for (int i = startLine; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            if (indentOf(l) <= indent) {
                if (CommentSuppressions.isCommentOnly(l)) {
                    continue; // a comment at the block's own level belongs to what follows
                }
                break;
            }
            last = i + 1;
        }
        return last;
    }

    private static int indentOf(String l) {
        int n = 0;
        while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
