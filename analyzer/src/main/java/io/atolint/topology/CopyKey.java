package io.atolint.topology;

import io.atolint.model.Resource;
import io.atolint.model.RoleWords;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes resources copies of one another, for the topology to treat them as replicas even when no
 * load balancer names them together: the instances of one Terraform {@code count}/{@code for_each}
 * block, or drawn icons labelled alike up to a copy number or an AZ name ("Web server 1" / "Web server 2",
 * "Reverse Proxy" twice, "App (AZ a)" / "App (AZ b)"). Letters alone ("Service A" / "Service B") usually
 * name different services, so they are not taken as copy marks.
 */
final class CopyKey {
    // Possessive runs: no mark is ever found by giving back part of a run of digits or separators (no atom starts
    // with a separator or a ')'), and without them a run of 20,000 digits took 47 s to try from each start.
    private static final Pattern COPY_MARK = Pattern.compile(
            "(?:[\\s\\-_#(]*+(?:\\d++|(?:az|availability zone)[\\s\\-_]*+[a-z0-9]{1,2}|[a-z]{2}-[a-z]+-\\d[a-z])\\)?)+$");
    /**
     * Longer labels keep their marks: a copy number ends a short name ("Web server 2"), and the expression, tried
     * from each position of a long run of marks, is still quadratic in its length.
     */
    private static final int MAX_MARKED_LABEL = 120;

    /** Role words that mark the copies of one service (one vocabulary with the diagram reader's). */
    private static final Pattern ROLE_WORDS = RoleWords.PATTERN;

    private CopyKey() {
    }

    /**
     * What a drawn copy is a copy of, for grouping the copies drawn in each AZ box: the label without its
     * role words ({@code roleOnly}) or also without its copy number or AZ name; an unlabelled icon is a
     * copy of the other unlabelled icons of its kind. Empty for what is not drawn.
     */
    static boolean hasRoleWord(Resource r) {
        return ROLE_WORDS.matcher(r.meta().getOrDefault("label", "").toLowerCase(Locale.ROOT)).find();
    }

    static Optional<String> drawn(Resource r, boolean roleOnly) {
        if (!r.format().isDiagram()) {
            return Optional.empty();
        }
        String label = r.meta().getOrDefault("label", "").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String base = ROLE_WORDS.matcher(label).replaceAll(" ").replaceAll("[\\s\\-_/()]+", " ").strip();
        if (!roleOnly) {
            base = withoutCopyMark(base);
        }
        return Optional.of(r.kind() + "|" + r.meta().getOrDefault("vpc", "") + "|" + base);
    }

    static Optional<String> of(Resource r) {
        String block = r.meta().get("block");
        if (block != null) {
            return Optional.of("block " + block);
        }
        if (!r.format().isDiagram()) {
            return Optional.empty();
        }
        String label = r.meta().getOrDefault("label", "").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String base = withoutCopyMark(label);
        return base.isEmpty() ? Optional.empty() : Optional.of("drawn " + base);
    }

    static String withoutCopyMark(String label) {
        return label.length() > MAX_MARKED_LABEL ? label.strip() : COPY_MARK.matcher(label).replaceAll("").strip();
    }
}
