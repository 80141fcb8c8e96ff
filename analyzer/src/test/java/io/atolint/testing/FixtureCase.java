package io.atolint.testing;

import io.atolint.cli.FileSystemSourceTree;
import io.atolint.model.Finding;
import io.atolint.model.Severity;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceFile;
import io.atolint.parse.SourceTree;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fixture case folder ({@code fixtures/rules/<ID>/<case>/}): its files form one scan tree, its
 * expected findings come from inline markers and an optional {@code case.yaml}.
 *
 * <p>Markers: a comment ({@code #}, {@code //} or {@code <!--}) holding {@code Noncompliant} (a finding
 * above info) or {@code Note} (an info finding), optionally {@code @+N}/{@code @-N} (line offset) or
 * {@code @0} (file level), optionally {@code {{exact message}}}. {@code case.yaml} may set
 * {@code region}, {@code parameters}, {@code variables}, {@code varFiles}, {@code scan} (a subdirectory to
 * scan, the case folder being the repository root, as {@code atolint scan examples/complete} in a git
 * work tree), the diagram/IaC pairs to compare ({@code reconcile: [{diagram, page, iac: [...]}]}, paths
 * relative to the case) and list {@code findings} ({@code file}, {@code line}, {@code severity},
 * {@code message}) for files that cannot carry comments.
 */
public final class FixtureCase {
    private static final Pattern MARKER = Pattern.compile(
            "(?:#|//|<!--)\\s*(Noncompliant|Note)(?::(critical|high|medium|low))?(@[+-]?\\d+)?(?:\\s*\\{\\{(.*?)}})?");
    private static final Set<String> MARKED_EXTENSIONS = Set.of("yaml", "yml", "template", "tf", "tofu", "tfvars", "hcl",
            "drawio", "xml", "svg");

    /**
     * What a finding is expected to be: where, whether a note, optionally its severity
     * ({@code Noncompliant:low}, for a rule that reports a lesser variant below its default) and its exact
     * message.
     */
    public record Expected(String file, int line, boolean note, Severity severity, String message) {
        boolean matches(Finding f, String caseDisplay) {
            return relative(f.location().file(), caseDisplay).equals(file)
                    && Math.max(0, f.location().startLine()) == line
                    && (f.severity() == Severity.INFO) == note
                    && (severity == null || severity == f.severity())
                    && (message == null || message.equals(f.message()));
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (note ? "Note" : "Noncompliant")
                    + (severity == null ? "" : ":" + severity.name().toLowerCase(Locale.ROOT))
                    + (message == null ? "" : " {{" + message + "}}");
        }
    }

    private final Path dir;
    private final String display;
    private final Map<String, Object> options;
    private final List<Expected> expected = new ArrayList<>();

    public FixtureCase(Path dir) {
        this.dir = dir;
        this.display = Repo.root().relativize(dir).toString().replace('\\', '/');
        this.options = readCaseYaml();
        readMarkers();
    }

    public Path dir() {
        return dir;
    }

    public String display() {
        return display;
    }

    public List<Expected> expected() {
        return expected;
    }

    /** A case is compliant when nothing above info is expected. */
    public boolean isCompliant() {
        return expected.stream().allMatch(Expected::note);
    }

    public SourceTree tree() {
        Object scan = options.get("scan");
        if (scan != null) {
            return new FileSystemSourceTree(dir.resolve(String.valueOf(scan)), display + "/" + scan, Limits.defaults(), dir);
        }
        return new FileSystemSourceTree(dir, display, Limits.defaults());
    }

    @SuppressWarnings("unchecked")
    public ParseOptions parseOptions() {
        ParseOptions o = ParseOptions.defaults();
        if (options.get("region") != null) {
            o = o.withRegion(String.valueOf(options.get("region")));
        }
        if (options.get("parameters") instanceof Map<?, ?> p) {
            Map<String, String> m = new LinkedHashMap<>();
            p.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
            o = o.withParameters(m);
        }
        if (options.get("variables") instanceof Map<?, ?> v) {
            Map<String, String> m = new LinkedHashMap<>();
            v.forEach((k, val) -> m.put(String.valueOf(k), String.valueOf(val)));
            o = o.withVariables(m);
        }
        if (options.get("varFiles") instanceof List<?> files) {
            List<SourceFile> vf = new ArrayList<>();
            for (Object f : files) {
                String path = display + "/" + f;
                ReadResult r = tree().readText(path);
                if (!(r instanceof ReadResult.Text t)) {
                    throw new IllegalStateException(display + ": cannot read var file " + f);
                }
                vf.add(t.file());
            }
            o = o.withVarFiles(vf);
        }
        return o;
    }

    /** The diagram/IaC pairs of {@code case.yaml}, in the coordinates of the scanned tree. */
    public List<io.atolint.reconcile.Pair> pairs() {
        List<io.atolint.reconcile.Pair> out = new ArrayList<>();
        if (!(options.get("reconcile") instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            List<String> iac = new ArrayList<>();
            for (Object p : (List<?>) m.get("iac")) {
                iac.add(display + "/" + p);
            }
            Object page = m.get("page");
            out.add(new io.atolint.reconcile.Pair(display + "/" + m.get("diagram"),
                    page == null ? null : ((Number) page).intValue(), iac, display + "/case.yaml"));
        }
        return out;
    }

    public Object option(String key) {
        return options.get(key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readCaseYaml() {
        Path y = dir.resolve("case.yaml");
        if (!Files.exists(y)) {
            return Map.of();
        }
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(y));
            Map<String, Object> m = doc == null ? Map.of() : (Map<String, Object>) doc;
            for (Object o : (List<Object>) m.getOrDefault("findings", List.of())) {
                Map<String, Object> f = (Map<String, Object>) o;
                String sev = String.valueOf(f.getOrDefault("severity", "high")).toLowerCase(Locale.ROOT);
                expected.add(new Expected(String.valueOf(f.get("file")), ((Number) f.getOrDefault("line", 0)).intValue(),
                        sev.equals("info"), null, f.get("message") == null ? null : String.valueOf(f.get("message"))));
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readMarkers() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
                if (!MARKED_EXTENSIONS.contains(ext) || name.equals("case.yaml")) {
                    continue;
                }
                String rel = dir.relativize(f).toString().replace('\\', '/');
                String[] lines = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = MARKER.matcher(lines[i]);
                    while (m.find()) {
                        int line = i + 1;
                        if (m.group(3) != null) {
                            String off = m.group(3).substring(1);
                            line = off.equals("0") ? 0 : line + Integer.parseInt(off);
                        }
                        Severity severity = m.group(2) == null ? null : Severity.valueOf(m.group(2).toUpperCase(Locale.ROOT));
                        expected.add(new Expected(rel, line, m.group(1).equals("Note"), severity, m.group(4)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(String file, String caseDisplay) {
        return file.startsWith(caseDisplay + "/") ? file.substring(caseDisplay.length() + 1) : file;
    }

    /** Compares findings with the expectations; returns a description of every difference (empty when equal). */
    public String compare(List<Finding> actual) {
        List<Expected> missing = new ArrayList<>(expected);
        List<Finding> unexpected = new ArrayList<>();
        for (Finding f : actual) {
            Expected hit = null;
            for (Expected e : missing) {
                if (e.matches(f, display)) {
                    hit = e;
                    break;
                }
            }
            if (hit == null) {
                unexpected.add(f);
            } else {
                missing.remove(hit);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Expected e : missing) {
            b.append("\n  missing:    ").append(e);
        }
        for (Finding f : unexpected) {
            b.append("\n  unexpected: ").append(relative(f.location().file(), display)).append(':')
                    .append(f.location().startLine()).append(' ').append(f.severity() == Severity.INFO ? "Note"
                            : "Noncompliant:" + f.severity().name().toLowerCase(Locale.ROOT))
                    .append(" {{").append(f.message()).append("}}");
        }
        return b.toString();
    }

    /** Every case folder of a rule, sorted. */
    public static List<FixtureCase> of(String ruleId) {
        Path ruleDir = Repo.path("fixtures/rules/" + ruleId);
        if (!Files.isDirectory(ruleDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(ruleDir)) {
            return dirs.filter(Files::isDirectory).sorted().map(FixtureCase::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
