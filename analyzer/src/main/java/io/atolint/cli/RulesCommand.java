package io.atolint.cli;

import io.atolint.suppress.PeerRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atolint.checklist.Checklist;
import io.atolint.checks.RuleCatalog;
import io.atolint.docs.RulesReference;
import io.atolint.parse.Limits;
import io.atolint.parse.SourceTree;
import io.atolint.rule.RuleInfo;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code atolint rules}: every rule with its checklist items; as Markdown, the rules reference (docs/rules.md). */
final class RulesCommand implements Command {
    private static final List<Opt> OPTIONS = List.of(
            Opt.of("format", "text|json|md", "output format (default text; md: the rules reference)"),
            Opt.of("fixtures", "DIR", "with --format md: take each rule's examples from the fixtures in DIR"));

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String synopsis() {
        return "rules [--format text|json|md] [--fixtures DIR]";
    }

    @Override
    public String summary() {
        return "list the rules (md: the rules reference)";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        String format = args.value("format", "text");
        List<RuleInfo> rules = RuleCatalog.all();
        if (format.equals("md") || format.equals("markdown")) {
            String dir = args.value("fixtures");
            SourceTree fixtures = dir == null ? null : ScanJob.trees(List.of(dir), Limits.defaults()).get(0);
            String doc = RulesReference.render(fixtures);
            console.write(null, s -> s.write(doc.getBytes(StandardCharsets.UTF_8)));
            return Cli.OK;
        }
        if (format.equals("json")) {
            ObjectMapper m = new ObjectMapper();
            var arr = m.createArrayNode();
            for (RuleInfo r : rules) {
                var n = arr.addObject();
                n.put("id", r.id());
                n.put("title", r.title());
                n.put("severity", r.severity().label());
                var items = n.putArray("checklist");
                Checklist.standard().itemsFor(r.id()).forEach(items::add);
                var tags = n.putArray("tags");
                r.tags().forEach(tags::add);
                if (r.optIn()) {
                    n.put("optIn", true);
                }
                var peers = n.putArray("peers");
                for (PeerRules.Mapping p : PeerRules.standard().peersOf(r.id())) {
                    peers.addObject().put("tool", p.tool()).put("id", p.peerId()).put("checks", p.note());
                }
            }
            console.write(null, s -> m.writerWithDefaultPrettyPrinter().writeValue(s, arr));
            return Cli.OK;
        }
        for (RuleInfo r : rules) {
            List<String> items = Checklist.standard().itemsFor(r.id());
            console.out().printf("%-9s %-8s %-60s %s%n", r.id(), r.severity().label(), r.title(),
                    items.isEmpty() ? "-" : String.join(", ", items));
        }
        return Cli.OK;
    }
}
