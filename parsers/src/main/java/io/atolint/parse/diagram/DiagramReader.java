package io.atolint.parse.diagram;

import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.SourceLocation;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one diagram file of the tree into its pages, understood: draw.io XML ({@code .drawio},
 * {@code .xml}), draw.io SVG exports (the model in the root {@code content} attribute, raw,
 * URI-encoded or base64), draw.io PNG exports (text chunks), and plain SVG (Graphviz output of
 * diagrams-as-code tools, SVGs built from the AWS icon files) through {@link PlainSvgReader}.
 */
public final class DiagramReader {
    private DiagramReader() {
    }

    /** What a file was found to be. */
    public enum Kind { DRAWIO, DRAWIO_SVG, DRAWIO_PNG, PLAIN_SVG, NOT_A_DIAGRAM }

    /** The pages of a file, problems met, and why a file is not a diagram when it is not one. */
    public record Result(Kind kind, List<DiagramView> pages, List<Finding> problems, String notADiagram) {
        public boolean isDiagram() {
            return kind != Kind.NOT_A_DIAGRAM;
        }
    }

    /** Files whose name says they are diagrams: a failure to read them is a finding, not a skip. */
    public static boolean namedAsDiagram(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".drawio") || p.endsWith(".dio") || p.endsWith(".drawio.xml") || p.endsWith(".drawio.svg")
                || p.endsWith(".drawio.png") || p.endsWith(".dio.svg") || p.endsWith(".dio.png");
    }

    /** Extensions a diagram may have; what else decides is the content. */
    public static boolean mayBeDiagram(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return namedAsDiagram(path) || p.endsWith(".xml") || p.endsWith(".svg") || p.endsWith(".png");
    }

    public static Result read(SourceTree tree, String path, Limits limits) {
        List<Finding> problems = new ArrayList<>();
        String lower = path.toLowerCase(Locale.ROOT);
        boolean named = namedAsDiagram(path);
        if (lower.endsWith(".png")) {
            return png(tree, path, limits, problems, named);
        }
        ReadResult read = tree.readText(path);
        if (read instanceof ReadResult.Failure f) {
            if (!named) {
                return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, f.message());
            }
            problems.add(ParseFindings.invalid(f.location(), "not a readable diagram: " + f.message()));
            return new Result(Kind.DRAWIO, List.of(), problems, null);
        }
        if (!(read instanceof ReadResult.Text t)) {
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "not text");
        }
        String text = t.file().text();
        if (text.isBlank()) {
            if (named) {
                problems.add(ParseFindings.invalid(SourceLocation.at(path, 1, 1), "empty diagram file"));
                return new Result(Kind.DRAWIO, List.of(), problems, null);
            }
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "empty file");
        }
        if (lower.endsWith(".svg")) {
            return svg(path, text, limits, problems, named);
        }
        if (!DrawioReader.looksLikeDrawio(text)) {
            if (named) {
                problems.add(ParseFindings.invalid(SourceLocation.at(path, 1, 1),
                        "not a draw.io diagram: no <mxfile> or <mxGraphModel> element"));
                return new Result(Kind.DRAWIO, List.of(), problems, null);
            }
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "no <mxfile> or <mxGraphModel> element in it");
        }
        List<DrawnPage> pages = new DrawioReader(path, Format.DRAWIO, limits, problems).read(text, null);
        return new Result(Kind.DRAWIO, interpret(pages), problems, null);
    }

    private static Result svg(String path, String text, Limits limits, List<Finding> problems, boolean named) {
        XmlNode root;
        try {
            root = SafeXml.parse(text, 500_000, limits.maxNestingDepth(), Set.of("text", "title", "tspan", "desc"));
        } catch (SafeXml.XmlProblem p) {
            if (!named && !text.contains("<svg")) {
                return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "not XML");
            }
            problems.add(ParseFindings.invalid(SourceLocation.at(path, Math.max(1, p.line()), Math.max(1, p.column())),
                    "not readable SVG: " + p.getMessage()));
            return new Result(Kind.PLAIN_SVG, List.of(), problems, null);
        }
        if (!root.name().equals("svg")) {
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "root element is <" + root.name() + ">");
        }
        Optional<String> content = root.attr("content");
        SourceLocation at = SourceLocation.at(path, root.line(), root.column());
        if (content.isPresent() && !content.get().isBlank()) {
            String xml = embeddedModel(content.get(), at, limits, problems);
            if (xml == null) {
                return new Result(Kind.DRAWIO_SVG, List.of(), problems, null);
            }
            List<DrawnPage> pages = new DrawioReader(path, Format.SVG, limits, problems).read(xml, at);
            return new Result(Kind.DRAWIO_SVG, interpret(pages), problems, null);
        }
        int known = problems.size();
        DrawnPage page = new PlainSvgReader(path, limits, problems).read(root);
        if (page == null && problems.size() > known) {
            // an SVG with AWS icons whose geometry could not be computed: a diagram with a problem
            return new Result(Kind.PLAIN_SVG, List.of(), problems, null);
        }
        if (page == null) {
            if (named) {
                problems.add(ParseFindings.invalid(at, "draw.io SVG without an embedded diagram (no content attribute)"));
                return new Result(Kind.DRAWIO_SVG, List.of(), problems, null);
            }
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, drawnByDrawio(text)
                    ? "a draw.io SVG export without its diagram (export it with 'Include a copy of my diagram', or scan the .drawio file)"
                    : "SVG without AWS icons or a draw.io model");
        }
        return new Result(Kind.PLAIN_SVG, interpret(List.of(page)), problems, null);
    }

    /**
     * An SVG that draw.io drew (its gradient and clip ids, the note it writes where HTML labels cannot show)
     * but saved without the diagram: the picture has the labels, but not what each shape is.
     */
    private static boolean drawnByDrawio(String svg) {
        return svg.contains("svg-export-text-problems") || svg.contains("id=\"mx-gradient-")
                || svg.contains("id=\"mx-clip-");
    }

    /** The draw.io SVG {@code content} attribute: raw XML, URI-encoded XML or base64 of either. */
    static String embeddedModel(String content, SourceLocation at, Limits limits, List<Finding> problems) {
        String c = content.trim();
        try {
            if (c.startsWith("<")) {
                return c;
            }
            if (c.startsWith("%3C") || c.startsWith("%3c")) {
                return Payloads.uriDecode(c);
            }
            byte[] raw = Payloads.base64(c);
            String decoded = new String(raw, java.nio.charset.StandardCharsets.UTF_8).trim();
            if (decoded.startsWith("%3C") || decoded.startsWith("%3c")) {
                decoded = Payloads.uriDecode(decoded);
            }
            if (decoded.startsWith("<")) {
                return decoded;
            }
            String page = Payloads.compressedPage(c, limits.maxDecompressedBytes());
            if (page.trim().startsWith("<")) {
                return page;
            }
            problems.add(ParseFindings.invalid(at, "the SVG content attribute holds no draw.io XML"));
        } catch (Payloads.BadPayload e) {
            problems.add(ParseFindings.invalid(at, "the SVG content attribute cannot be decoded: " + e.getMessage()));
        }
        return null;
    }

    private static Result png(SourceTree tree, String path, Limits limits, List<Finding> problems, boolean named) {
        ReadResult read = tree.readBytes(path);
        if (read instanceof ReadResult.Failure f) {
            if (named) {
                problems.add(ParseFindings.invalid(f.location(), "not a readable diagram: " + f.message()));
                return new Result(Kind.DRAWIO_PNG, List.of(), problems, null);
            }
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, f.message());
        }
        if (!(read instanceof ReadResult.Bytes b)) {
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "not readable");
        }
        SourceLocation at = SourceLocation.ofFile(path);
        String xml;
        try {
            xml = PngChunks.diagram(b.bytes(), limits.maxDecompressedBytes());
        } catch (Payloads.BadPayload e) {
            if (!named && !PngChunks.isPng(b.bytes())) {
                return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, e.getMessage());
            }
            problems.add(ParseFindings.invalid(at, "draw.io PNG: " + e.getMessage()));
            return new Result(Kind.DRAWIO_PNG, List.of(), problems, null);
        }
        if (xml == null) {
            if (named) {
                problems.add(ParseFindings.invalid(at, "draw.io PNG without an embedded diagram (no mxfile text chunk)"));
                return new Result(Kind.DRAWIO_PNG, List.of(), problems, null);
            }
            return new Result(Kind.NOT_A_DIAGRAM, List.of(), problems, "PNG without an embedded draw.io diagram");
        }
        List<DrawnPage> pages = new DrawioReader(path, Format.DRAWIO, limits, problems).read(xml, at);
        return new Result(Kind.DRAWIO_PNG, interpret(pages), problems, null);
    }

    private static List<DiagramView> interpret(List<DrawnPage> pages) {
        List<DiagramView> out = new ArrayList<>();
        for (DrawnPage p : pages) {
            out.add(new PageInterpreter(p.inReadingOrder()).interpret());
        }
        return out;
    }
}
