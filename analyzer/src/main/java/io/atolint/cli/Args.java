package io.atolint.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

import java.util.List;

/** A command's arguments, parsed against the options it declares: the paths and the option values. */
final class Args {
    private final CommandLine cl;

    Args(CommandLine cl) {
        this.cl = cl;
    }

    static Args parse(List<Opt> options, String[] args) throws UsageException {
        try {
            return new Args(DefaultParser.builder().get().parse(Opt.toOptions(options), args));
        } catch (org.apache.commons.cli.UnrecognizedOptionException e) {
            String given = e.getOption();
            String bare = given.replaceFirst("^-+", "");
            int eq = bare.indexOf('=');
            bare = eq < 0 ? bare : bare.substring(0, eq);
            throw new UsageException("unknown option '" + given + "'"
                    + Suggest.didYouMean(bare, options.stream().map(Opt::name).toList(), "--"));
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The arguments that are not options (paths, files). */
    List<String> positional() {
        return cl.getArgList();
    }

    boolean has(String option) {
        return cl.hasOption(option);
    }

    /** The option's value, or null when it is not given. */
    String value(String option) {
        return cl.getOptionValue(option);
    }

    String value(String option, String fallback) {
        return cl.getOptionValue(option, fallback);
    }

    /** Every value of a repeatable option, in order. */
    List<String> values(String option) {
        String[] v = cl.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }
}
