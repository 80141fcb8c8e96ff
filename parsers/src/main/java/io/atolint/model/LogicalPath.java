package io.atolint.model;

/**
 * A logical path ({@code Resources/WebAlb/Properties/Subnets/1}) made one segment at a time and spelled out
 * only when asked. A template's resolution gives every value of every property a location with its path,
 * and few of them are ever read (a finding's, a report's): spelling each out as it was made copied every
 * parent path again, a sixth of what reading the corpus of 264 templates allocated.
 */
public final class LogicalPath {
    private final LogicalPath parent;
    private final String segment; // null for an index segment
    private final int index;
    private String text; // the whole path once spelled out; benign race: any thread makes the same string

    private LogicalPath(LogicalPath parent, String segment, int index, String text) {
        this.parent = parent;
        this.segment = segment;
        this.index = index;
        this.text = text;
    }

    /** A path given whole. */
    public static LogicalPath of(String text) {
        return new LogicalPath(null, text, 0, text);
    }

    /** This path, a slash, and {@code segment} (which may hold slashes itself). */
    public LogicalPath child(String segment) {
        return new LogicalPath(this, segment, 0, null);
    }

    /** This path, a slash, and a list index. */
    public LogicalPath child(int index) {
        return new LogicalPath(this, null, index, null);
    }

    @Override
    public String toString() {
        String t = text;
        if (t != null) {
            return t;
        }
        // iterative: a hostile template's nesting is deeper than a recursion should go
        int depth = 0;
        LogicalPath top = this;
        while (top.text == null) {
            depth++;
            top = top.parent;
        }
        LogicalPath[] chain = new LogicalPath[depth];
        LogicalPath p = this;
        for (int i = depth - 1; i >= 0; i--) {
            chain[i] = p;
            p = p.parent;
        }
        StringBuilder sb = new StringBuilder(top.text);
        for (LogicalPath c : chain) {
            sb.append('/');
            if (c.segment != null) {
                sb.append(c.segment);
            } else {
                sb.append(c.index);
            }
        }
        t = sb.toString();
        text = t;
        return t;
    }
}
