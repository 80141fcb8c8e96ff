package io.atolint.parse.terraformplan;

import io.atolint.model.Finding;
import io.atolint.model.Model;
import io.atolint.model.SourceLocation;
import io.atolint.parse.FormatHandler;
import io.atolint.parse.Parallel;
import io.atolint.parse.ParseFindings;
import io.atolint.parse.ReadResult;
import io.atolint.parse.ScanSession;
import io.atolint.parse.tree.Node;
import io.atolint.parse.tree.TreeDocument;
import io.atolint.parse.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * Terraform plan JSON ({@code terraform show -json PLANFILE}), recognised by content: a JSON object
 * with {@code format_version} and {@code planned_values}. Claimed before CloudFormation looks at
 * {@code .json} files.
 */
public final class PlanJsonHandler implements FormatHandler {

    @Override
    public String name() {
        return "terraform-plan";
    }

    @Override
    public void scan(ScanSession session) {
        List<String> json = new ArrayList<>();
        for (String path : session.unclaimed()) {
            if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".json") && !path.contains(".terraform/")) {
                json.add(path);
            }
        }
        // every .json file is looked at (most are CloudFormation templates): read on every core, plans kept in file order
        List<ReadResult.Text> plans = Parallel.map(json, path -> planText(session, path));
        for (ReadResult.Text text : plans) {
            if (text == null) {
                continue;
            }
            String path = text.file().path();
            List<Finding> problems = new ArrayList<>();
            TreeDocument doc = Trees.read(text.file(), session.options().limits(), problems);
            if (doc == null || !(doc.root() instanceof Node.MapNode root) || root.get("planned_values").isEmpty()) {
                if (doc == null) {
                    session.claim(path);
                    problems.forEach(session::report);
                }
                continue;
            }
            session.claim(path);
            try {
                Model m = new PlanReader(path, session.options().limits()).read(root);
                problems.forEach(m::report);
                session.addModel(m);
            } catch (RuntimeException | StackOverflowError e) {
                session.report(ParseFindings.internalError(SourceLocation.at(path, 1, 1),
                        "while reading the Terraform plan", e));
            }
        }
    }

    /**
     * The text of a file that looks like a plan, else null; what was read of another file is handed on to the
     * CloudFormation reader (which also reports unreadable .json files), so that no file is read twice.
     */
    private static ReadResult.Text planText(ScanSession session, String path) {
        ReadResult read = session.tree().readText(path);
        if (read instanceof ReadResult.Text text && text.file().text().contains("\"planned_values\"")
                && text.file().text().contains("\"format_version\"")) {
            return text;
        }
        session.handOn(path, read);
        return null;
    }
}
