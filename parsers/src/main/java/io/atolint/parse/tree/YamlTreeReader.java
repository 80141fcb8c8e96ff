package io.atolint.parse.tree;

import io.atolint.parse.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads YAML into a {@link Node} tree from snakeyaml-engine's event stream. Working from events (not
 * the composer) keeps the build iterative, so nesting depth is checked instead of overflowing the
 * stack, and alias expansion is counted, so a billion-laughs document stops at a limit. Only the
 * first document is read. No Java object is ever constructed from the input.
 */
public final class YamlTreeReader {
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final String STD = "tag:yaml.org,2002:";
    /** Nodes a document may expand to through aliases. */
    private static final long MAX_EXPANDED_NODES = 2_000_000;
    /** Scalars at most this long are shared within a document (see {@link #scalar}). */
    private static final int SHARED_LENGTH = 48;

    private final Limits limits;

    public YamlTreeReader(Limits limits) {
        this.limits = limits;
    }

    /** A collection being read: its tag and anchor, where it starts, and the nodes it expands to. */
    private abstract static class Frame {
        final String tag;
        final Optional<Anchor> anchor;
        final int line;
        final int column;
        long size = 1;

        Frame(String tag, Optional<Anchor> anchor, Mark start) {
            this.tag = tag;
            this.anchor = anchor;
            this.line = start == null ? 1 : start.getLine() + 1;
            this.column = start == null ? 1 : start.getColumn() + 1;
        }

        abstract void add(Node n, long nodeSize) throws TreeReadException;
    }

    private final class MapFrame extends Frame {
        final MappingEntries entries = new MappingEntries();
        Node.ScalarNode pendingKey;
        final List<DuplicateKey> dups;

        MapFrame(String tag, Optional<Anchor> anchor, Mark start, List<DuplicateKey> dups) {
            super(tag, anchor, start);
            this.dups = dups;
        }

        @Override
        void add(Node n, long nodeSize) throws TreeReadException {
            size += nodeSize;
            if (pendingKey == null) {
                if (n instanceof Node.ScalarNode s) {
                    pendingKey = s;
                } else {
                    // A complex key: CloudFormation never has one; keep its position for the message.
                    throw new TreeReadException("mapping keys must be scalars", n.line(), n.column(), false);
                }
            } else {
                entries.add(pendingKey, n, dups);
                pendingKey = null;
            }
        }
    }

    private static final class SeqFrame extends Frame {
        final List<Node> items = new ArrayList<>();

        SeqFrame(String tag, Optional<Anchor> anchor, Mark start) {
            super(tag, anchor, start);
        }

        @Override
        void add(Node n, long nodeSize) {
            size += nodeSize;
            items.add(n);
        }
    }

    /** The lock of texts with a tag %-escape: see {@link #read}. */
    private static final Object TAG_ESCAPE = new Object();

    public TreeDocument read(String text) throws TreeReadException {
        if (hasTagEscape(text)) {
            // snakeyaml-engine decodes the %-escapes of tags with one CharsetDecoder that every thread shares
            // (UriEncoder): two such files read at once broke each other's decoding (an IllegalStateException out
            // of the parser, found by the fuzz tests). A text with such an escape is read by one thread at a time.
            synchronized (TAG_ESCAPE) {
                return readNow(text);
            }
        }
        return readNow(text);
    }

    /**
     * Whether a run of non-blank characters from a {@code !} holds a {@code %} ({@code !a%C3}): in one pass. The
     * regular expression {@code ![^\s]*%} this replaces rescanned the run from each of its {@code !}s: a 200 KB value
     * of {@code !}s took 47 s, a 10 MB one hours.
     */
    static boolean hasTagEscape(String text) {
        int n = text.length();
        int i = text.indexOf('!');
        while (i >= 0) {
            int j = i + 1;
            for (; j < n; j++) {
                char c = text.charAt(j);
                if (c == '%') {
                    return true;
                }
                if (io.atolint.model.TextScans.isSpace(c)) {
                    break;
                }
            }
            // a '!' inside the run just scanned ends at the same blank, without a '%'
            i = j < n ? text.indexOf('!', j) : -1;
        }
        return false;
    }

    private TreeDocument readNow(String text) throws TreeReadException {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(limits.maxYamlAliases())
                .setAllowRecursiveKeys(false)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1024))
                .setUseMarks(true)
                .build();
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, Node> anchors = new HashMap<>();
        // by identity: an anchored node is that node (hashing a record would walk its whole subtree)
        Map<Node, Long> sizes = new IdentityHashMap<>();
        Map<String, String> texts = new HashMap<>();
        List<DuplicateKey> dups = new ArrayList<>();
        Node root = null;
        boolean tagged = false;
        long expanded = 0;
        int aliases = 0;
        boolean inFirstDocument = false;
        boolean done = false;
        int laterDocument = 0;
        int lastLine = 1; // where the scanner was when a defect of its own stops it
        try {
            for (Event e : new Parse(settings).parseString(text)) {
                Mark endMark = e.getEndMark().orElse(null);
                if (endMark != null) {
                    lastLine = endMark.getLine() + 1;
                }
                if (done) {
                    if (e.getEventId() == Event.ID.DocumentStart) {
                        laterDocument = pos(e).line();
                    }
                    break;
                }
                switch (e.getEventId()) {
                    case DocumentStart -> inFirstDocument = true;
                    case DocumentEnd -> done = inFirstDocument;
                    case MappingStart, SequenceStart -> {
                        if (stack.size() >= limits.maxNestingDepth()) {
                            Node.Pos p = pos(e);
                            throw new TreeReadException("nesting deeper than " + limits.maxNestingDepth()
                                    + " levels", p.line(), p.column(), true);
                        }
                        CollectionStartEvent c = (CollectionStartEvent) e;
                        String tag = localTag(c.getTag());
                        tagged |= tag != null;
                        Mark start = e.getStartMark().orElse(null);
                        stack.push(e.getEventId() == Event.ID.MappingStart
                                ? new MapFrame(tag, c.getAnchor(), start, dups)
                                : new SeqFrame(tag, c.getAnchor(), start));
                    }
                    case MappingEnd, SequenceEnd -> {
                        Frame f = stack.pop();
                        Node.Pos end = pos(e);
                        Node n = f instanceof MapFrame m
                                ? new Node.MapNode(m.entries.entries, f.tag, f.line, f.column, end.endLine(), end.endColumn())
                                : new Node.SeqNode(((SeqFrame) f).items, f.tag, f.line, f.column, end.endLine(), end.endColumn());
                        expanded += 1;
                        root = attach(stack, n, f.size, f.anchor, anchors, sizes, root);
                    }
                    case Scalar -> {
                        ScalarEvent s = (ScalarEvent) e;
                        Node n = scalar(s, texts);
                        tagged |= n.tag() != null;
                        expanded += 1;
                        root = attach(stack, n, 1, s.getAnchor(), anchors, sizes, root);
                    }
                    case Alias -> {
                        AliasEvent a = (AliasEvent) e;
                        String name = a.getAlias().getValue();
                        Node target = anchors.get(name);
                        Node.Pos p = pos(e);
                        if (target == null) {
                            throw new TreeReadException("undefined alias *" + name, p.line(), p.column(), false);
                        }
                        aliases++;
                        long sz = sizes.getOrDefault(target, 1L);
                        expanded += sz;
                        if (aliases > limits.maxYamlAliases()) {
                            throw new TreeReadException("too many YAML aliases (more than " + limits.maxYamlAliases()
                                    + ")", p.line(), p.column(), true);
                        }
                        if (expanded > MAX_EXPANDED_NODES) {
                            throw new TreeReadException("too many YAML aliases (the document would expand to more than "
                                    + MAX_EXPANDED_NODES + " nodes)", p.line(), p.column(), true);
                        }
                        root = attach(stack, target, sz, Optional.empty(), anchors, sizes, root);
                    }
                    default -> {
                        // stream start/end and comments carry nothing we keep
                    }
                }
            }
        } catch (MarkedYamlEngineException ex) {
            Mark m = ex.getProblemMark().or(ex::getContextMark).orElse(null);
            String problem = ex.getProblem() == null ? ex.getMessage() : ex.getProblem();
            boolean limit = problem != null && (problem.contains("aliases") || problem.contains("code point"));
            throw new TreeReadException(clean(problem, ex.getContext()), m == null ? 1 : m.getLine() + 1,
                    m == null ? 1 : m.getColumn() + 1, limit);
        } catch (YamlEngineException ex) {
            String msg = ex.getMessage() == null ? "invalid YAML" : ex.getMessage();
            boolean limit = msg.contains("aliases") || msg.contains("code point");
            throw new TreeReadException(firstLine(msg), 1, 1, limit);
        } catch (IllegalStateException ex) {
            // a decoder of snakeyaml-engine's in a state it does not expect: the text is not YAML it can read
            throw new TreeReadException("invalid YAML: the parser failed at this line (" + firstLine(String.valueOf(ex.getMessage()))
                    + ")", lastLine, 1, false);
        } catch (NumberFormatException ex) {
            // snakeyaml-engine parses the hex digits of an escape cut short by the end of the text without a check.
            throw new TreeReadException("invalid YAML: an escape sequence in a double-quoted scalar lacks its hex digits",
                    lastLine, 1, false);
        }
        return new TreeDocument(root, dups, laterDocument, tagged);
    }

    private static Node attach(Deque<Frame> stack, Node n, long size, Optional<Anchor> anchor,
                               Map<String, Node> anchors, Map<Node, Long> sizes, Node root) throws TreeReadException {
        if (anchor.isPresent()) {
            anchors.put(anchor.get().getValue(), n);
            sizes.put(n, size);
        }
        if (stack.isEmpty()) {
            return root == null ? n : root;
        }
        stack.peek().add(n, size);
        return root;
    }

    private static String clean(String problem, String context) {
        String p = problem == null ? "invalid YAML" : firstLine(problem);
        if (context != null && !context.isBlank()) {
            return firstLine(context) + ": " + p;
        }
        return p;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).trim();
    }

    private static Node.Pos pos(Event e) {
        Mark s = e.getStartMark().orElse(null);
        Mark en = e.getEndMark().orElse(null);
        int line = s == null ? 1 : s.getLine() + 1;
        int col = s == null ? 1 : s.getColumn() + 1;
        int eline = en == null ? line : en.getLine() + 1;
        int ecol = en == null ? col : en.getColumn() + 1;
        return new Node.Pos(line, col, eline, ecol);
    }

    /** Keeps local tags ({@code !Ref}); the standard {@code !!} tags are applied to scalars and dropped. */
    private static String localTag(Optional<String> tag) {
        if (tag.isEmpty() || tag.get().equals("!") || tag.get().startsWith(STD)) {
            return null;
        }
        return tag.get();
    }

    /**
     * The scalar's node. Short texts are shared within the document: keys and types repeat on every
     * resource ({@code Properties}, {@code VpcId}, {@code AWS::EC2::Subnet}) and the model keeps them.
     */
    private static Node scalar(ScalarEvent s, Map<String, String> texts) {
        String text = s.getValue();
        if (text.length() <= SHARED_LENGTH) {
            String known = texts.putIfAbsent(text, text);
            if (known != null) {
                text = known;
            }
        }
        Optional<String> tag = s.getTag();
        Object value;
        String local = null;
        if (tag.isPresent() && tag.get().startsWith(STD)) {
            value = switch (tag.get().substring(STD.length())) {
                case "int", "float" -> number(text);
                case "bool" -> Boolean.valueOf(text.trim().equalsIgnoreCase("true"));
                case "null" -> null;
                default -> text;
            };
        } else {
            local = localTag(tag);
            value = !s.isPlain() || local != null ? text : typed(text);
        }
        // unwrapped once: two positions per node, over a million nodes in a large scan
        Mark start = s.getStartMark().orElse(null);
        Mark end = s.getEndMark().orElse(null);
        int line = start == null ? 1 : start.getLine() + 1;
        int column = start == null ? 1 : start.getColumn() + 1;
        return new Node.ScalarNode(text, value, local, line, column, end == null ? line : end.getLine() + 1,
                end == null ? column : end.getColumn() + 1);
    }

    /** YAML 1.2 core schema for plain scalars (so {@code 2010-09-09} stays a string). */
    static Object typed(String t) {
        switch (t) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        char c = t.charAt(0);
        if (c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')) {
            return t; // no number starts so (most scalars: keys, names, types)
        }
        if (INT.matcher(t).matches() || FLOAT.matcher(t).matches()) {
            Object n = number(t);
            return n == null ? t : n;
        }
        if (OCT.matcher(t).matches() && t.length() < 100) {
            return new BigDecimal(new BigInteger(t.substring(2), 8));
        }
        if (HEX.matcher(t).matches() && t.length() < 100) {
            return new BigDecimal(new BigInteger(t.substring(2), 16));
        }
        return t;
    }

    private static Object number(String t) {
        BigDecimal d = io.atolint.model.Numbers.parse(t.trim().startsWith("+") ? t.trim().substring(1) : t.trim());
        return d == null ? t : d;
    }
}
