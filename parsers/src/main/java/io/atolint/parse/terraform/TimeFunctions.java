package io.atolint.parse.terraform;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.atolint.parse.terraform.Functions.arg;
import static io.atolint.parse.terraform.Functions.define;
import static io.atolint.parse.terraform.Functions.text;

/**
 * Terraform's pure date functions on RFC 3339 timestamps: {@code formatdate} (its own format
 * language), {@code timeadd} (Go durations) and {@code timecmp}. {@code timestamp()} and
 * {@code plantimestamp()} read the clock and stay UNKNOWN.
 */
final class TimeFunctions {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private TimeFunctions() {
    }

    static void register() {
        define("formatdate", (a, at, raw) -> Values.str(formatdate(text(arg(a, 0, "formatdate"), "formatdate"),
                timestamp(text(arg(a, 1, "formatdate"), "formatdate"))), at));
        define("timeadd", (a, at, raw) -> {
            OffsetDateTime t = timestamp(text(arg(a, 0, "timeadd"), "timeadd"));
            Duration d = duration(text(arg(a, 1, "timeadd"), "timeadd"));
            try {
                return Values.str(render(t.plus(d)), at);
            } catch (DateTimeException | ArithmeticException e) {
                throw new Functions.EvalError("timeadd: the result is out of range");
            }
        });
        define("timecmp", (a, at, raw) -> Values.num(Integer.signum(timestamp(text(arg(a, 0, "timecmp"), "timecmp")).toInstant()
                .compareTo(timestamp(text(arg(a, 1, "timecmp"), "timecmp")).toInstant())), at));
    }

    static OffsetDateTime timestamp(String s) {
        try {
            return OffsetDateTime.parse(s.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new Functions.EvalError("not an RFC 3339 timestamp: \"" + s + "\"");
        }
    }

    /** Go's RFC 3339 layout: whole seconds, then the offset ({@code Z} for UTC), fractions only when present. */
    private static String render(OffsetDateTime t) {
        String base = t.withNano(0).format(Rfc3339.FORMAT);
        if (t.getNano() == 0) {
            return base;
        }
        String frac = String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
        int offsetAt = base.length() - (t.getOffset().equals(ZoneOffset.UTC) ? 1 : 6);
        return base.substring(0, offsetAt) + "." + frac + base.substring(offsetAt);
    }

    /** A Go duration: {@code 1h30m}, {@code -10s}, {@code 1.5h}, {@code 300ms}. */
    static Duration duration(String s) {
        String t = s.strip();
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(t);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
            pos = m.end();
        }
        if (pos != t.length() || t.isEmpty()) {
            throw new Functions.EvalError("not a duration: \"" + s + "\"");
        }
        try {
            Duration d = Duration.ofNanos(nanos.longValueExact());
            return negative ? d.negated() : d;
        } catch (ArithmeticException e) {
            throw new Functions.EvalError("duration out of range: \"" + s + "\"");
        }
    }

    /** Terraform's formatdate specification (YYYY, MMM, DD, EEEE, hh, HH, AA, mm, ss, ZZZZZ, 'literal', ...). */
    static String formatdate(String spec, OffsetDateTime t) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c == '\'') {
                int j = i + 1;
                if (j < spec.length() && spec.charAt(j) == '\'') {
                    b.append('\'');
                    i += 2;
                    continue;
                }
                StringBuilder lit = new StringBuilder();
                while (true) {
                    if (j >= spec.length()) {
                        throw new Functions.EvalError("formatdate: unterminated literal");
                    }
                    if (spec.charAt(j) == '\'') {
                        if (j + 1 < spec.length() && spec.charAt(j + 1) == '\'') {
                            lit.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    lit.append(spec.charAt(j++));
                }
                b.append(lit);
                i = j + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                b.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < spec.length() && spec.charAt(j) == c) {
                j++;
            }
            b.append(field(spec.substring(i, j), t));
            i = j;
        }
        return b.toString();
    }

    private static String field(String seq, OffsetDateTime t) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (seq) {
            case "YYYY" -> String.format(Locale.ROOT, "%04d", t.getYear());
            case "YY" -> String.format(Locale.ROOT, "%02d", Math.floorMod(t.getYear(), 100));
            case "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "MM" -> String.format(Locale.ROOT, "%02d", t.getMonthValue());
            case "M" -> Integer.toString(t.getMonthValue());
            case "DD" -> String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
            case "D" -> Integer.toString(t.getDayOfMonth());
            case "EEEE" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "EEE" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "hh" -> String.format(Locale.ROOT, "%02d", t.getHour());
            case "h" -> Integer.toString(t.getHour());
            case "HH" -> String.format(Locale.ROOT, "%02d", hour12);
            case "H" -> Integer.toString(hour12);
            case "AA" -> t.getHour() < 12 ? "AM" : "PM";
            case "aa" -> t.getHour() < 12 ? "am" : "pm";
            case "mm" -> String.format(Locale.ROOT, "%02d", t.getMinute());
            case "m" -> Integer.toString(t.getMinute());
            case "ss" -> String.format(Locale.ROOT, "%02d", t.getSecond());
            case "s" -> Integer.toString(t.getSecond());
            case "ZZZZZ" -> offset(t, true);
            case "ZZZZ" -> offset(t, false);
            case "ZZZ" -> t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : offset(t, false);
            case "Z" -> t.getOffset().equals(ZoneOffset.UTC) ? "Z" : offset(t, true);
            default -> throw new Functions.EvalError("formatdate: invalid date format verb \"" + seq + "\"");
        };
    }

    private static String offset(OffsetDateTime t, boolean colon) {
        int secs = t.getOffset().getTotalSeconds();
        int abs = Math.abs(secs);
        return (secs < 0 ? "-" : "+") + String.format(Locale.ROOT, colon ? "%02d:%02d" : "%02d%02d", abs / 3600, (abs / 60) % 60);
    }

    /** Made on first use: a formatter loads the JDK's locale data, which a configuration without time functions never needs. */
    private static final class Rfc3339 {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    }
}
