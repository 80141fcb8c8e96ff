package io.atolint.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A glob pattern of {@code ignore-paths}, matched against {@code /}-separated relative paths in time
 * linear in the path (times the pattern's length): the pattern is a small automaton whose set of current
 * states is advanced one character at a time, never backtracking. (Java's glob PathMatcher compiles to
 * a backtracking regular expression: {@code *a*a*a*a*b} against a long name took 99 s.)
 *
 * <p>Syntax: {@code *} any characters but {@code /}; {@code **} any characters; {@code **}{@code /} zero
 * or more whole directories; {@code ?} one character but {@code /}; {@code [abc]}, {@code [a-z]},
 * {@code [!a-z]} one character of a class (never {@code /}); {@code {a,b}} alternatives (not nested, at
 * most {@value #MAX_ALTERNATIVES} in all); {@code \c} the character {@code c} itself. A pattern that breaks
 * these rules is an {@link InvalidPattern} with the offset where it goes wrong.
 */
public final class Glob {
    static final int MAX_LENGTH = 4096;
    static final int MAX_ALTERNATIVES = 64;

    /** A pattern that cannot be compiled, with the 0-based offset of the problem. */
    public static final class InvalidPattern extends IllegalArgumentException {
        private final int offset;

        InvalidPattern(String message, int offset) {
            super(message + " at character " + (offset + 1));
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private enum Kind { ONE, STAR, ANY_STAR, DIRS }

    /** One step: ONE consumes a character in {@code set} (negated by {@code not}); the others repeat. */
    private record Token(Kind kind, String set, boolean not) {
        boolean accepts(char c) {
            if (c == '/') {
                return false;
            }
            if (set == null) {
                return true;
            }
            boolean in = false;
            for (int i = 0; i < set.length(); i += 2) {
                if (c >= set.charAt(i) && c <= set.charAt(i + 1)) {
                    in = true;
                    break;
                }
            }
            return in != not;
        }
    }

    private final List<List<Token>> alternatives;

    private Glob(List<List<Token>> alternatives) {
        this.alternatives = alternatives;
    }

    public static Glob compile(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidPattern("pattern longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        List<String> expanded = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        expand(pattern, expanded, offsets);
        List<List<Token>> alts = new ArrayList<>();
        for (int i = 0; i < expanded.size(); i++) {
            alts.add(tokens(expanded.get(i), offsets.get(i)));
        }
        return new Glob(alts);
    }

    /** Expands {@code {a,b}} groups; {@code offsets} map each character of an expansion to the pattern. */
    private static void expand(String p, List<String> out, List<int[]> offsets) {
        List<StringBuilder> cur = new ArrayList<>(List.of(new StringBuilder()));
        List<List<Integer>> curOff = new ArrayList<>(List.of(new ArrayList<>()));
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new InvalidPattern("'\\' at the end escapes nothing", i);
                }
                append(cur, curOff, p.substring(i, i + 2), i);
                i += 2;
            } else if (c == '[') {
                int end = classEnd(p, i);
                append(cur, curOff, p.substring(i, end + 1), i);
                i = end + 1;
            } else if (c == '{') {
                int close = -1;
                List<Integer> commas = new ArrayList<>();
                for (int j = i + 1; j < p.length() && close < 0; j++) {
                    char d = p.charAt(j);
                    if (d == '\\') {
                        j++;
                    } else if (d == '[') {
                        j = classEnd(p, j);
                    } else if (d == '{') {
                        throw new InvalidPattern("nested '{'", j);
                    } else if (d == ',') {
                        commas.add(j);
                    } else if (d == '}') {
                        close = j;
                    }
                }
                if (close < 0) {
                    throw new InvalidPattern("'{' is never closed", i);
                }
                List<Integer> bounds = new ArrayList<>();
                bounds.add(i);
                bounds.addAll(commas);
                bounds.add(close);
                if ((long) cur.size() * (bounds.size() - 1) > MAX_ALTERNATIVES) {
                    throw new InvalidPattern("more than " + MAX_ALTERNATIVES + " alternatives", i);
                }
                List<StringBuilder> next = new ArrayList<>();
                List<List<Integer>> nextOff = new ArrayList<>();
                for (int k = 0; k < cur.size(); k++) {
                    for (int a = 0; a + 1 < bounds.size(); a++) {
                        StringBuilder b = new StringBuilder(cur.get(k));
                        List<Integer> o = new ArrayList<>(curOff.get(k));
                        for (int j = bounds.get(a) + 1; j < bounds.get(a + 1); j++) {
                            b.append(p.charAt(j));
                            o.add(j);
                        }
                        next.add(b);
                        nextOff.add(o);
                    }
                }
                cur = next;
                curOff = nextOff;
                i = close + 1;
            } else if (c == '}') {
                throw new InvalidPattern("'}' without '{'", i);
            } else {
                append(cur, curOff, String.valueOf(c), i);
                i++;
            }
        }
        for (int k = 0; k < cur.size(); k++) {
            out.add(cur.get(k).toString());
            offsets.add(curOff.get(k).stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static void append(List<StringBuilder> cur, List<List<Integer>> off, String s, int at) {
        for (int k = 0; k < cur.size(); k++) {
            cur.get(k).append(s);
            for (int j = 0; j < s.length(); j++) {
                off.get(k).add(at + j);
            }
        }
    }

    /** The index of the {@code ]} closing the class that starts at {@code open}. */
    private static int classEnd(String p, int open) {
        int j = open + 1;
        if (j < p.length() && (p.charAt(j) == '!' || p.charAt(j) == '^')) {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++; // a ']' first is a member
        }
        while (j < p.length() && p.charAt(j) != ']') {
            if (p.charAt(j) == '\\') {
                j++;
            }
            j++;
        }
        if (j >= p.length()) {
            throw new InvalidPattern("'[' is never closed", open);
        }
        return j;
    }

    private static List<Token> tokens(String p, int[] off) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    boolean dirs = i + 2 < p.length() && p.charAt(i + 2) == '/' && (i == 0 || p.charAt(i - 1) == '/');
                    out.add(new Token(dirs ? Kind.DIRS : Kind.ANY_STAR, null, false));
                    i += dirs ? 3 : 2;
                } else {
                    out.add(new Token(Kind.STAR, null, false));
                    i++;
                }
                // runs of stars are one star: the automaton stays small whatever the pattern repeats
                while (i < p.length() && p.charAt(i) == '*') {
                    i++;
                }
            } else if (c == '?') {
                out.add(new Token(Kind.ONE, null, false));
                i++;
            } else if (c == '[') {
                int end = classEnd(p, i);
                int j = i + 1;
                boolean not = p.charAt(j) == '!' || p.charAt(j) == '^';
                if (not) {
                    j++;
                }
                StringBuilder set = new StringBuilder();
                while (j < end) {
                    char lo = p.charAt(j);
                    if (lo == '\\') {
                        lo = p.charAt(++j);
                    }
                    char hi = lo;
                    if (j + 2 < end && p.charAt(j + 1) == '-') {
                        hi = p.charAt(j + 2);
                        if (hi == '\\') {
                            hi = p.charAt(j + 3);
                            j++;
                        }
                        if (hi < lo) {
                            throw new InvalidPattern("range " + lo + "-" + hi + " is empty", off[j]);
                        }
                        j += 2;
                    }
                    set.append(lo).append(hi);
                    j++;
                }
                if (set.length() == 0) {
                    throw new InvalidPattern("empty class '[]'", off[i]);
                }
                out.add(new Token(Kind.ONE, set.toString(), not));
                i = end + 1;
            } else {
                if (c == '\\') {
                    c = p.charAt(++i);
                }
                out.add(new Token(Kind.ONE, String.valueOf(c) + c, false));
                i++;
            }
        }
        return out;
    }

    /** Whether the whole of {@code path} matches. */
    public boolean matches(String path) {
        return matchesPathOrParent(path, false);
    }

    /**
     * Whether {@code path} or one of its parent directories ({@code a} and {@code a/b} of {@code a/b/c.yaml})
     * matches: one pass over the path, the parents being its prefixes before each {@code /}.
     */
    public boolean matchesPathOrParent(String path) {
        return matchesPathOrParent(path, true);
    }

    private boolean matchesPathOrParent(String path, boolean parents) {
        for (List<Token> t : alternatives) {
            if (run(t, path, parents)) {
                return true;
            }
        }
        return false;
    }

    private static boolean run(List<Token> t, String s, boolean parents) {
        int m = t.size();
        BitSet cur = new BitSet(m + 1);
        cur.set(0);
        close(t, cur);
        BitSet next = new BitSet(m + 1);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (parents && c == '/' && cur.get(m)) {
                return true;
            }
            next.clear();
            for (int i = cur.nextSetBit(0); i >= 0 && i < m; i = cur.nextSetBit(i + 1)) {
                Token x = t.get(i);
                switch (x.kind()) {
                    case ONE -> {
                        if (x.set() == null ? c != '/' : matchesOne(x, c)) {
                            next.set(i + 1);
                        }
                    }
                    case STAR -> {
                        if (c != '/') {
                            next.set(i);
                        }
                    }
                    case ANY_STAR -> next.set(i);
                    case DIRS -> {
                        next.set(i);
                        if (c == '/') {
                            next.set(i + 1);
                        }
                    }
                }
            }
            if (next.isEmpty()) {
                return false;
            }
            close(t, next);
            BitSet swap = cur;
            cur = next;
            next = swap;
        }
        return cur.get(m);
    }

    private static boolean matchesOne(Token x, char c) {
        if (x.set().length() == 2 && x.set().charAt(0) == x.set().charAt(1) && !x.not()) {
            return c == x.set().charAt(0); // a literal, '/' included
        }
        return x.accepts(c);
    }

    /** Adds the states reachable without a character: past a star (zero repetitions). */
    private static void close(List<Token> t, BitSet s) {
        for (int i = 0; i < t.size(); i++) {
            if (s.get(i) && t.get(i).kind() != Kind.ONE) {
                s.set(i + 1);
            }
        }
    }
}
