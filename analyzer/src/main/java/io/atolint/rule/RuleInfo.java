package io.atolint.rule;

import io.atolint.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A rule's declaration as reports and docs show it, for checks and parse diagnostics alike.
 *
 * @param optIn off unless the configuration turns it on
 */
public record RuleInfo(String id, String title, Severity severity, List<String> tags, boolean optIn) {

    public RuleInfo(String id, String title, Severity severity, List<String> tags) {
        this(id, title, severity, tags, false);
    }

    public static RuleInfo of(Check c) {
        Rule r = c.meta();
        return new RuleInfo(r.id(), r.title(), r.severity(), List.of(r.tags()), r.optIn());
    }

    /** The long description from {@code rules/<id>.md}, or null when it is missing. */
    public String documentation() {
        try (InputStream in = RuleInfo.class.getResourceAsStream("/rules/" + id + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The first paragraph of the documentation after its title: the full description in one place. */
    public String description() {
        String doc = documentation();
        if (doc == null) {
            return title;
        }
        StringBuilder b = new StringBuilder();
        for (String line : doc.split("\n")) {
            if (line.startsWith("#")) {
                if (b.length() > 0) {
                    break;
                }
                continue;
            }
            if (line.isBlank()) {
                if (b.length() > 0) {
                    break;
                }
                continue;
            }
            b.append(b.length() > 0 ? " " : "").append(line.trim());
        }
        return b.length() == 0 ? title : b.toString();
    }
}
