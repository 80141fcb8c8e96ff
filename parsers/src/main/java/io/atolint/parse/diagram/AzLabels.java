package io.atolint.parse.diagram;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people write Availability Zones in labels: "Availability Zone 1", "AZ a", "AZ-2", "AZ1", a
 * literal zone name ("us-east-1a"), and the same inside subnet names ("Web subnet AZ-a"). Look-alikes
 * ("Access Zone #1", "Availability Zones", "AZ failover") are not AZs.
 */
public final class AzLabels {
    /** A whole label that names one AZ. */
    /**
     * "Availability Zone" as AWS's own diagrams write it in other languages: Japanese, Chinese, Korean,
     * Spanish, Portuguese, French, German.
     */
    private static final String ZONE_WORDS = "availability[\\s_-]*zone|アベイラビリティー?ゾーン|可用[区區]|가용\\s*영역"
            + "|zona\\s+de\\s+disponibilidade?|zone\\s+de\\s+disponibilit[ée]|verfügbarkeitszone";
    private static final Pattern WHOLE = Pattern.compile(
            "(?iu)^\\s*(?:" + ZONE_WORDS + "|avail\\.?[\\s_-]*zone|az)\\s*[-_#:]?\\s*(?:\\(?region\\)?\\s*)?(\\d[a-h]|\\d{1,2}|[a-h])\\s*(?:\\(([^)]*)\\))?\\s*$");
    /** "Availability Zone" with no number: one AZ per box, distinct from the other boxes beside it. */
    private static final Pattern UNNUMBERED = Pattern.compile("(?iu)^\\s*(?:" + ZONE_WORDS + ")\\s*$");
    /** An AZ token inside a longer label (a subnet name). */
    private static final Pattern INSIDE = Pattern.compile(
            "(?iu)(?:^|[^a-z0-9])(?:" + ZONE_WORDS + "|az)[\\s_#-]*(\\d[a-h]|\\d{1,2}|[a-h])(?![a-z0-9])");
    /**
     * A zone's short name at the end of a subnet's name, as subnets are named after the zone's suffix
     * ("private-subnet-1a", "Public subnet (1c)", "サブネット1a"): the Region's number and the zone's letter.
     */
    // possessive: the spaces after the zone cannot be split two ways (quadratic on a long run of them, as NFKC makes
    // of U+2000-U+200A, which a label keeps); nothing after them can match a space or a ')'
    private static final Pattern SUFFIX = Pattern.compile("(?iu)(?:^|[^a-z0-9.])(\\d[a-f])\\s*+\\)?+\\s*+$");
    private static final Pattern LITERAL = Pattern.compile("(?i)(?:^|[^a-z0-9-])([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d[a-z])(?![a-z0-9])");

    private AzLabels() {
    }

    /** One line, full-width letters and digits as ASCII ("ＡＺ－ａ" is "AZ-a"). */
    private static String normalized(String label) {
        return java.text.Normalizer.normalize(Labels.oneLine(label), java.text.Normalizer.Form.NFKC);
    }

    /**
     * The AZ a label names: its token ("1", "a") or literal zone name, and whether it is literal. An
     * unnumbered "Availability Zone" has an empty token: each box so labelled is an AZ of its own.
     */
    public record AzName(String token, boolean literal) {
        public boolean unnumbered() {
            return token.isEmpty();
        }

        /** How the AZ is named when only a label names it: "us-east-1a", "AZ B", "AZ 1a". */
        public String display() {
            return literal ? token : "AZ " + (token.length() == 1 ? token.toUpperCase(Locale.ROOT) : token);
        }

        /** The key under which two labels name the same AZ. */
        public String key() {
            return (literal ? "zone:" : "az:") + token.toLowerCase(Locale.ROOT);
        }
    }

    /** The label as a whole names an AZ ("Availability Zone 1", "AZ b", "us-east-1a"). */
    public static Optional<AzName> whole(String label) {
        String l = normalized(label);
        if (l.isEmpty() || l.length() > 60) {
            return Optional.empty();
        }
        Matcher m = WHOLE.matcher(l);
        if (m.matches()) {
            if (m.group(2) != null) {
                Matcher lit = LITERAL.matcher(m.group(2));
                if (lit.find()) {
                    return Optional.of(new AzName(lit.group(1).toLowerCase(Locale.ROOT), true));
                }
            }
            return Optional.of(new AzName(m.group(1).toLowerCase(Locale.ROOT), false));
        }
        if (UNNUMBERED.matcher(l).matches()) {
            return Optional.of(new AzName("", false));
        }
        Matcher lit = LITERAL.matcher(l);
        if (lit.find() && l.length() <= lit.group(1).length() + 24) {
            return Optional.of(new AzName(lit.group(1).toLowerCase(Locale.ROOT), true));
        }
        return Optional.empty();
    }

    /**
     * An AZ a longer label names in words or as a zone ("NAT Gateway AZ-1", "Web server (us-east-1a)"), not by a
     * short name at its end ("web-1a"): what an icon's label says of where it runs.
     */
    public static Optional<AzName> explicit(String label) {
        String l = normalized(label);
        Matcher lit = LITERAL.matcher(l);
        if (lit.find()) {
            return Optional.of(new AzName(lit.group(1).toLowerCase(Locale.ROOT), true));
        }
        Matcher m = INSIDE.matcher(l);
        return m.find() ? Optional.of(new AzName(m.group(1).toLowerCase(Locale.ROOT), false)) : Optional.empty();
    }

    /**
     * Whether a label that names an AZ as a whole ({@link #whole}) says something besides: "Web server (us-east-1a)"
     * names a server and where it runs; "us-east-1a", "AZ 1 (primary)" and "Availability Zone A" name only the zone.
     */
    public static boolean namesMoreThanTheAz(String label) {
        String l = normalized(label);
        if (WHOLE.matcher(l).matches() || UNNUMBERED.matcher(l).matches()) {
            return false;
        }
        String rest = LITERAL.matcher(l).replaceAll(" ").replaceAll("(?iu)" + ZONE_WORDS + "|\\baz\\b|[^\\p{L}\\p{N}]+", " ");
        return rest.replaceAll("(?iu)\\b(primary|secondary|standby|main|dr|region)\\b", " ").trim().length() >= 3;
    }

    /** An AZ named somewhere inside a longer label ("Web subnet AZ-a", "Private subnet (us-east-1b)"). */
    public static Optional<AzName> inside(String label) {
        Optional<AzName> named = explicit(label);
        if (named.isPresent()) {
            return named;
        }
        Matcher suffix = SUFFIX.matcher(normalized(label));
        if (suffix.find()) {
            return Optional.of(new AzName(suffix.group(1).toLowerCase(Locale.ROOT), false));
        }
        return Optional.empty();
    }
}
