package io.atolint.cli;

import io.atolint.analysis.Analysis;
import io.atolint.checklist.Assessment;
import io.atolint.checklist.Category;
import io.atolint.report.AssessmentJson;
import io.atolint.report.AssessmentText;

import java.util.List;
import java.util.Locale;

/** {@code atolint checklist}: a verdict per checklist item; exit 1 when an applicable item is Not met (Needs evidence never fails). */
final class ChecklistCommand implements Command {
    private static final List<Opt> OPTIONS = Opt.concat(ScanInput.OPTIONS,
            Opt.of("format", "text|json", "output format (default text)"),
            Opt.OUTPUT,
            ScanCommand.CATEGORY,
            ScanCommand.BASELINE);

    @Override
    public String name() {
        return "checklist";
    }

    @Override
    public String synopsis() {
        return "checklist PATH... [options]";
    }

    @Override
    public String summary() {
        return "self-assessment: a verdict per checklist item";
    }

    @Override
    public List<Opt> options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        ScanInput in = ScanInput.read(name(), args, console);
        String format = args.value("format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "' (expected text or json)");
        }
        Category category = ScanCommand.category(args, in);
        // the same findings as scan: configuration, suppressions in the files and the baseline apply
        Analysis analysis = console.job().run(new ScanJob.Request(in.paths(), in.options(), in.config(), category,
                List.of(), ScanCommand.baseline(args, in), null)).analysis();
        Assessment assessment = analysis.checklist();
        if (format.equals("json")) {
            console.write(args.value("output"), stream -> AssessmentJson.write(assessment, analysis, stream));
        } else {
            console.writeText(args.value("output"), ps -> AssessmentText.write(assessment, analysis, ps));
        }
        return assessment.anyNotMet() ? Cli.FINDINGS : Cli.OK;
    }
}
