package io.atolint.parse.terraform;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Character-level facts about HCL source that the token tree does not give: where every line starts
 * (offsets to 1-based line and column), whether strings, heredocs, comments and brackets are all
 * closed (hcl4j's lexer silently accepts an unclosed brace or a stray one), and where a bracket or an
 * interpolation closes. Strings, {@code ${}}/{@code %{}} inside strings, comments and heredocs are
 * skipped the way HCL reads them.
 */
final class HclText {
    /** A structural problem at a character offset. */
    record Problem(int offset, String message) {
    }

    /** What a scan reports: each code offset with its bracket depth, and each heredoc's span. */
    interface Visitor {
        default void code(int offset, int depth) {
        }

        /** Code inside a {@code ${}} or {@code %{}} of a quoted string; by default like any code. */
        default void interpolation(int offset, int depth) {
            code(offset, depth);
        }

        default void heredoc(int start, int end) {
        }

        /** A backslash escape in a quoted string, at its backslash. */
        default void escape(int offset) {
        }
    }

    private final String text;
    private final int[] lineStarts;

    HclText(String text) {
        this.text = text;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        lineStarts = new int[n];
        int l = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[l++] = i + 1;
            }
        }
    }

    String text() {
        return text;
    }

    /** 1-based line and column of a character offset. */
    HclPos pos(long offset) {
        int o = (int) Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, o);
        int line = idx >= 0 ? idx : -idx - 2;
        return new HclPos(line + 1, o - lineStarts[line] + 1);
    }

    /** The offset of a 1-based line start (clamped). */
    int lineStart(int line1) {
        return lineStarts[Math.max(0, Math.min(lineStarts.length - 1, line1 - 1))];
    }

    /** The first structural problem of the whole text, or null; nesting beyond {@code maxDepth} is one. */
    Problem validate(int maxDepth) {
        Scan s = new Scan(text, 0, text.length(), maxDepth);
        s.run(-1, null);
        return s.problem;
    }

    /** The offset of the bracket that closes the one at {@code open}, or -1. */
    int matchingClose(int open) {
        Scan s = new Scan(text, open, text.length(), Integer.MAX_VALUE);
        return s.run(0, null);
    }

    /**
     * Offsets in {@code [from, to)} that are at bracket depth 0 and in code (not in a string, comment
     * or heredoc), for which {@code accept} is true; the first one, or -1.
     */
    int findTopLevel(int from, int to, IntPredicate accept) {
        Scan s = new Scan(text, from, to, Integer.MAX_VALUE);
        int[] found = {-1};
        s.run(-1, new Visitor() {
            @Override
            public void code(int offset, int depth) {
                if (depth == 0 && found[0] < 0 && accept.test(offset)) {
                    found[0] = offset;
                }
            }
        });
        return found[0];
    }

    /** Walks the whole text in code mode, reporting offsets (any depth) and heredocs. */
    void visit(Visitor v) {
        visitRange(0, text.length(), v);
    }

    /** Walks {@code [from, to)} in code mode; depths are relative to {@code from}. */
    void visitRange(int from, int to, Visitor v) {
        new Scan(text, from, to, Integer.MAX_VALUE).run(-1, v);
    }

    /**
     * In template text (the inside of a string or heredoc), the offset of the {@code }} that closes
     * the interpolation or directive whose content starts at {@code from}; -1 when it never closes.
     */
    static int closeOfInterpolation(String template, int from) {
        Scan s = new Scan(template, from, template.length(), Integer.MAX_VALUE);
        s.stack.push(new Frame('T', from));
        return s.run(0, null);
    }

    private record Frame(char kind, int offset) {
    }

    /**
     * The scanner's stack, counting its interpolation frames: whether the scan is inside one is asked at
     * every character, and walking the stack for it allocated an iterator each time.
     */
    private static final class Frames extends ArrayDeque<Frame> {
        private int interpolations;

        @Override
        public void push(Frame f) {
            super.push(f);
            if (f.kind() == 'T') {
                interpolations++;
            }
        }

        @Override
        public Frame pop() {
            Frame f = super.pop();
            if (f.kind() == 'T') {
                interpolations--;
            }
            return f;
        }
    }

    /** The scanner: code mode with a stack of brackets, string mode inside quotes. */
    private static final class Scan {
        private final String t;
        private final int from;
        private final int to;
        private final int maxDepth;
        private final Frames stack = new Frames();
        private Problem problem;

        Scan(String t, int from, int to, int maxDepth) {
            this.t = t;
            this.from = from;
            this.to = to;
            this.maxDepth = maxDepth;
        }

        private boolean inInterpolation() {
            return stack.interpolations > 0;
        }

        private boolean inString() {
            return !stack.isEmpty() && stack.peek().kind() == 'S';
        }

        /**
         * Runs to the end, or until the stack falls back to {@code stopDepth} after a close (returns that
         * offset). {@code topLevel} sees each code offset at depth 0.
         */
        int run(int stopDepth, Visitor visitor) {
            int i = from;
            while (i < to) {
                char c = t.charAt(i);
                if (inString()) {
                    if (c == '\\') {
                        if (visitor != null) {
                            visitor.escape(i);
                        }
                        i += 2;
                    } else if (c == '"') {
                        stack.pop();
                        i++;
                    } else if (c == '\n') {
                        return fail(stack.peek().offset(), "unterminated string: a quoted string must end on the line it starts");
                    } else if ((c == '$' || c == '%') && at(i + 1, c) && at(i + 2, '{')) {
                        i += 3;
                    } else if ((c == '$' || c == '%') && at(i + 1, '{')) {
                        if (!push('T', i)) {
                            return -1;
                        }
                        i += 2;
                    } else {
                        i++;
                    }
                    continue;
                }
                if (c == '#' || (c == '/' && at(i + 1, '/'))) {
                    while (i < to && t.charAt(i) != '\n') {
                        i++;
                    }
                    continue;
                }
                if (c == '/' && at(i + 1, '*')) {
                    int end = t.indexOf("*/", i + 2);
                    if (end < 0 || end >= to) {
                        return fail(i, "unterminated comment: '/*' is never closed");
                    }
                    i = end + 2;
                    continue;
                }
                if (visitor != null) {
                    if (inInterpolation()) {
                        visitor.interpolation(i, stack.size());
                    } else {
                        visitor.code(i, stack.size());
                    }
                }
                if (c == '"') {
                    if (!push('S', i)) {
                        return -1;
                    }
                    i++;
                } else if (c == '<' && at(i + 1, '<')) {
                    int next = heredoc(i);
                    if (next < 0) {
                        return -1;
                    }
                    if (visitor != null && next > i + 2) {
                        visitor.heredoc(i, next);
                    }
                    i = next;
                } else if (c == '{' || c == '[' || c == '(') {
                    if (!push(c, i)) {
                        return -1;
                    }
                    i++;
                } else if (c == '}' || c == ']' || c == ')') {
                    char open = c == '}' ? '{' : c == ']' ? '[' : '(';
                    if (stack.isEmpty()) {
                        if (stopDepth >= 0) {
                            return i;
                        }
                        return fail(i, "unexpected '" + c + "': no open '" + open + "' to close");
                    }
                    Frame top = stack.peek();
                    if (c == '}' && top.kind() == 'T') {
                        stack.pop();
                        if (stack.size() == stopDepth) {
                            return i;
                        }
                    } else if (top.kind() != open) {
                        String expected = top.kind() == 'T' ? "}" : String.valueOf(closer(top.kind()));
                        return fail(i, "unexpected '" + c + "': expected '" + expected + "' to close the '"
                                + (top.kind() == 'T' ? "${" : String.valueOf(top.kind())) + "' at " + where(top.offset()));
                    } else {
                        stack.pop();
                        if (stack.size() == stopDepth) {
                            return i;
                        }
                    }
                    i++;
                } else {
                    i++;
                }
            }
            if (!stack.isEmpty()) {
                Frame top = stack.peek();
                if (top.kind() == 'S') {
                    return fail(top.offset(), "unterminated string");
                }
                return fail(top.offset(), "'" + (top.kind() == 'T' ? "${" : String.valueOf(top.kind()))
                        + "' is never closed");
            }
            return -1;
        }

        private int heredoc(int i) {
            int j = i + 2;
            if (at(j, '-')) {
                j++;
            }
            int idStart = j;
            while (j < to && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_' || t.charAt(j) == '-')) {
                j++;
            }
            String id = t.substring(idStart, j);
            if (id.isEmpty()) {
                return i + 2;
            }
            int eol = t.indexOf('\n', j);
            if (eol < 0 || eol >= to) {
                return fail(i, "heredoc <<" + id + " is never terminated");
            }
            int line = eol + 1;
            while (line < to) {
                int end = t.indexOf('\n', line);
                int stop = end < 0 || end > to ? to : end;
                if (t.substring(line, stop).strip().equals(id)) {
                    return stop;
                }
                if (end < 0 || end >= to) {
                    break;
                }
                line = end + 1;
            }
            return fail(i, "heredoc <<" + id + " is never terminated (no line with " + id + " alone)");
        }

        private boolean push(char kind, int offset) {
            if (stack.size() >= maxDepth) {
                fail(offset, "nested more than " + maxDepth + " levels deep");
                return false;
            }
            stack.push(new Frame(kind, offset));
            return true;
        }

        private boolean at(int i, char c) {
            return i < to && t.charAt(i) == c;
        }

        private int fail(int offset, String message) {
            if (problem == null) {
                problem = new Problem(offset, message);
            }
            return -1;
        }

        private String where(int offset) {
            int line = 1;
            int lastNl = -1;
            for (int k = 0; k < offset && k < t.length(); k++) {
                if (t.charAt(k) == '\n') {
                    line++;
                    lastNl = k;
                }
            }
            return "line " + line + ", column " + (offset - lastNl);
        }

        private static char closer(char open) {
            return open == '{' ? '}' : open == '[' ? ']' : ')';
        }
    }
}
