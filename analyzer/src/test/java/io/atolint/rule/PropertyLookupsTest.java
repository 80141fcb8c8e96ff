package io.atolint.rule;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.model.Format;
import io.atolint.model.Kind;
import io.atolint.model.KindTable;
import io.atolint.model.Property;
import io.atolint.model.PropertyTable;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ParseOptions;
import io.atolint.report.HtmlReport;
import io.atolint.report.ReportSettings;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules and the topology ask the property table for what they read, and the table answers every such
 * question. The fixture harness runs every rule on every fixture; this adds what fixtures cannot: every
 * name the code asks for is in the table, every row of the table is asked for, and every rule runs
 * without a defect on a resource of every kind of every format, with nothing stated and with every
 * property of the table unresolved.
 */
class PropertyLookupsTest {
    private static final Pattern ASKED = Pattern.compile(
            "Setting\\.(of|find)\\([^,()]+(?:\\([^()]*\\))?,\\s*\"(\\w+)\"\\)|Setting\\.in\\([^,]+,\\s*\"(@\\w+)\",[^,]+,\\s*\"(\\w+)\"\\)");
    private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");

    @Test
    void everyNameTheCodeAsksForIsInTheTableAndEveryRowIsAskedFor() throws IOException {
        Set<String> names = new HashSet<>();
        Set<String> blockNames = new HashSet<>();
        for (Property p : PropertyTable.all()) {
            (p.owner().startsWith("@") ? blockNames : names).add(p.owner().startsWith("@") ? p.owner() + "." + p.name() : p.name());
        }
        List<String> missing = new ArrayList<>();
        Set<String> literals = new HashSet<>();
        for (Path src : sources()) {
            String text = Files.readString(src);
            Matcher m = ASKED.matcher(text);
            while (m.find()) {
                if (m.group(2) != null && !names.contains(m.group(2))) {
                    missing.add(src.getFileName() + ": " + m.group(2));
                }
                if (m.group(3) != null && !blockNames.contains(m.group(3) + "." + m.group(4))) {
                    missing.add(src.getFileName() + ": " + m.group(3) + "." + m.group(4));
                }
            }
            Matcher l = LITERAL.matcher(text);
            while (l.find()) {
                literals.add(l.group(1));
            }
            Matcher b = Pattern.compile("\"(@\\w+)\"").matcher(text);
            while (b.find()) {
                literals.add(b.group(1));
            }
        }
        assertTrue(missing.isEmpty(), "asked for but not in properties.tsv: " + missing);
        List<String> unused = new ArrayList<>();
        for (Property p : PropertyTable.all()) {
            if (!literals.contains(p.name()) || p.owner().startsWith("@") && !literals.contains(p.owner())) {
                unused.add(p.owner() + " " + p.name());
            }
        }
        assertTrue(unused.isEmpty(), "rows of properties.tsv no code asks for: " + unused);
    }

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : new String[]{"analyzer/src/main/java", "parsers/src/main/java"}) {
            try (Stream<Path> s = Files.walk(Repo.path(module))) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyRuleRunsOnEveryKindOfEveryFormatStatedOrUnresolved(@TempDir Path dir) throws IOException {
        Map<Kind, List<String>> rawTypes = new TreeMap<>();
        KindTable.all().forEach((raw, kind) -> rawTypes.computeIfAbsent(kind, k -> new ArrayList<>()).add(raw));
        rawTypes.values().forEach(l -> l.sort(null));
        Files.writeString(dir.resolve("empty.yaml"), cloudFormation(rawTypes, false));
        Files.writeString(dir.resolve("unresolved.yaml"), cloudFormation(rawTypes, true));
        Files.createDirectories(dir.resolve("tf-empty"));
        Files.writeString(dir.resolve("tf-empty/main.tf"), terraform(rawTypes, false));
        Files.createDirectories(dir.resolve("tf-unresolved"));
        Files.writeString(dir.resolve("tf-unresolved/main.tf"), terraform(rawTypes, true));
        Files.writeString(dir.resolve("drawn.drawio"), diagram(rawTypes));

        Analysis a = Analyzer.standard().analyze(List.of(new FileSystemSourceTree(dir, "generated", Limits.defaults())),
                ParseOptions.defaults());
        List<String> read = a.graph().models().stream().filter(m -> m.resources().size() > 50).map(m -> m.unit()).toList();
        assertTrue(read.size() == 5, "each generated input is read: " + read);
        List<Finding> unreadable = a.findings().stream()
                .filter(f -> f.ruleId().equals(ParseFindings.INVALID) || f.ruleId().equals(ParseFindings.LIMIT)).toList();
        assertTrue(unreadable.isEmpty(), "the generated inputs read cleanly: " + unreadable);
        List<Finding> defects = a.findings().stream().filter(f -> f.message().startsWith("internal error")).toList();
        assertTrue(defects.isEmpty(), "rules failed: " + defects);
        assertTrue(HtmlReport.render(a, ReportSettings.defaults()).contains("<svg"), "the architecture picture is drawn");
    }

    /** Every CloudFormation type, with no properties or with every table property set to a parameter without default. */
    private static String cloudFormation(Map<Kind, List<String>> rawTypes, boolean unresolved) {
        StringBuilder b = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Unset: {Type: String}\n"
                + "Resources:\n");
        int n = 0;
        for (Map.Entry<Kind, List<String>> e : rawTypes.entrySet()) {
            for (String raw : e.getValue()) {
                if (!raw.startsWith("AWS::")) {
                    continue;
                }
                b.append("  R").append(n++).append(":\n    Type: ").append(raw).append('\n');
                Map<String, Object> props = tree(e.getKey(), Format.CLOUDFORMATION);
                if (unresolved && !props.isEmpty()) {
                    b.append("    Properties:\n");
                    yaml(b, props, 6);
                }
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void yaml(StringBuilder b, Map<String, Object> m, int indent) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            b.append(" ".repeat(indent)).append(e.getKey()).append(':');
            if (e.getValue() instanceof Map<?, ?> sub) {
                b.append('\n');
                yaml(b, (Map<String, Object>) sub, indent + 2);
            } else {
                b.append(" !Ref Unset\n");
            }
        }
    }

    /** Every Terraform type, empty or with every table property set to a variable without value. */
    private static String terraform(Map<Kind, List<String>> rawTypes, boolean unresolved) {
        StringBuilder b = new StringBuilder("variable \"unset\" {}\n\n");
        int n = 0;
        for (Map.Entry<Kind, List<String>> e : rawTypes.entrySet()) {
            for (String raw : e.getValue()) {
                if (!raw.startsWith("aws_")) {
                    continue;
                }
                b.append("resource \"").append(raw).append("\" \"r").append(n++).append("\" {\n");
                if (unresolved) {
                    hcl(b, tree(e.getKey(), Format.TERRAFORM), 2);
                }
                b.append("}\n\n");
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void hcl(StringBuilder b, Map<String, Object> m, int indent) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                b.append(" ".repeat(indent)).append(e.getKey()).append(" {\n");
                hcl(b, (Map<String, Object>) sub, indent + 2);
                b.append(" ".repeat(indent)).append("}\n");
            } else {
                b.append(" ".repeat(indent)).append(e.getKey()).append(" = var.unset\n");
            }
        }
    }

    /** The keys a format writes for a kind's properties (first spelling of each), as nested maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Kind kind, Format format) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Property p : PropertyTable.all()) {
            if (!p.owner().equals(kind.name()) || p.paths(format).isEmpty()) {
                continue;
            }
            Map<String, Object> at = root;
            List<String> path = p.paths(format).get(0);
            for (int i = 0; i < path.size(); i++) {
                String k = path.get(i);
                if (i == path.size() - 1) {
                    at.putIfAbsent(k, "leaf");
                } else {
                    Object next = at.get(k);
                    if (!(next instanceof Map<?, ?>)) {
                        next = new LinkedHashMap<String, Object>();
                        at.put(k, next);
                    }
                    at = (Map<String, Object>) next;
                }
            }
        }
        return root;
    }

    /** One drawn icon of every kind a draw.io shape maps to. */
    private static String diagram(Map<Kind, List<String>> rawTypes) {
        StringBuilder b = new StringBuilder("<mxfile><diagram id=\"p\" name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/>"
                + "<mxCell id=\"1\" parent=\"0\"/>");
        int n = 0;
        for (List<String> raws : rawTypes.values()) {
            String shape = raws.stream().filter(r -> r.startsWith("mxgraph.aws4.")).findFirst().orElse(null);
            if (shape == null) {
                continue;
            }
            b.append("<mxCell id=\"c").append(n).append("\" value=\"cell ").append(n)
                    .append("\" style=\"shape=mxgraph.aws4.resourceIcon;resIcon=").append(shape)
                    .append(";\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"").append(60 * (n % 20)).append("\" y=\"")
                    .append(60 * (n / 20)).append("\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell>");
            n++;
        }
        return b.append("</root></mxGraphModel></diagram></mxfile>").toString();
    }
}
