package io.atolint.suppress;

import io.atolint.model.Resource;
import io.atolint.model.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Suppressions written as comments, in any text format (Terraform, YAML templates, draw.io XML), read
 * from the source lines rather than from a parser, so they work the same for every reader:
 * <ul>
 *   <li>{@code # atolint:ignore HA001 reason} on its own line covers the next line that is not a
 *       comment: findings at that line, or every finding of the resource (block) declared there;
 *       at the end of a line it covers that line;</li>
 *   <li>{@code # atolint:ignore-file HA001 reason} covers the whole file;</li>
 *   <li>{@code #checkov:skip=CKV_AWS_157:reason} covers the resource whose block holds it (checkov's
 *       own rule), or the next line when it sits outside any block.</li>
 * </ul>
 */
final class CommentSuppressions {
    private CommentSuppressions() {
    }

    /** Whether a file's text may hold a suppression comment: the markers every syntax above starts with. */
    static boolean mayHold(String text) {
        return text.contains("atolint:ignore") || text.contains("checkov:skip");
    }

    static List<Declaration> read(String file, List<String> lines, List<Resource> resourcesInFile, PeerRules peers,
                                  Function<String, List<String>> atolintRules) {
        List<Declaration> out = new ArrayList<>();
        List<Resource> byLine = resourcesInFile.stream().filter(r -> r.location().hasLine())
                .sorted(Comparator.comparingInt(r -> r.location().startLine())).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("atolint:ignore") && !line.contains("checkov:skip")) {
                continue;
            }
            InlineSyntax.Marker m = InlineSyntax.find(line);
            if (m == null) {
                continue;
            }
            int lineNo = i + 1;
            SourceLocation at = new SourceLocation(file, lineNo, m.column(), lineNo, line.length() + 1, "");
            Declaration.Target target;
            if (m.wholeFile()) {
                target = new Declaration.Target.OnFile(file);
            } else if (m.tool().equals("checkov")) {
                Resource enclosing = enclosing(byLine, lines, lineNo);
                target = enclosing != null ? new Declaration.Target.OnResource(enclosing) : nextLine(file, lines, i);
            } else {
                target = isCommentOnly(line) ? nextLine(file, lines, i) : new Declaration.Target.OnLine(file, lineNo);
            }
            if (target == null) {
                continue;
            }
            String syntax = m.tool().equals("checkov") ? "checkov:skip=" : m.wholeFile() ? "atolint:ignore-file " : "atolint:ignore ";
            if (m.ids().isEmpty()) {
                out.add(new Declaration(m.tool(), "", List.of(), m.reason(), at, target, syntax.trim()));
            }
            for (String id : m.ids()) {
                List<String> rules = m.tool().equals("atolint") ? atolintRules.apply(id) : peers.rulesFor(m.tool(), id);
                out.add(new Declaration(m.tool(), id, rules, m.reason(), at, target, syntax + id));
            }
        }
        return out;
    }

    private static Declaration.Target nextLine(String file, List<String> lines, int index) {
        for (int j = index + 1; j < lines.size(); j++) {
            String l = lines.get(j);
            if (!l.isBlank() && !isCommentOnly(l)) {
                return new Declaration.Target.OnLine(file, j + 1);
            }
        }
        return null;
    }

    static boolean isCommentOnly(String line) {
        String t = line.trim();
        return t.startsWith("#") || t.startsWith("//") || t.startsWith("<!--") || t.startsWith("/*") || t.startsWith("*");
    }

    /** The last resource declared before the line whose block still holds the line. */
    private static Resource enclosing(List<Resource> byLine, List<String> lines, int lineNo) {
        Resource found = null;
        for (Resource r : byLine) {
            int start = r.location().startLine();
            if (start >= lineNo) {
                break;
            }
            int end = r.location().endLine() > start ? r.location().endLine() : BlockExtent.end(lines, start);
            if (lineNo <= end) {
                found = r;
            }
        }
        return found;
    }
}
