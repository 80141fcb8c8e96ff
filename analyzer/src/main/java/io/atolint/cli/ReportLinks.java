package io.atolint.cli;

import io.atolint.report.ReportSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How reports link to files: relative to the repository root (the nearest directory above the working
 * directory holding {@code .git}, else the working directory), and in GitHub Actions to the commit on the web, so that the links of
 * a pull-request comment open the file at the line.
 */
final class ReportLinks {
    private ReportLinks() {
    }

    static ReportSettings settings(Map<String, String> env) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        String prefix = "";
        // without a git work tree, the working directory stands for the root: paths that climb above it are
        // written absolute, never with ".." (SARIF URIs, Markdown links)
        String root = cwd.toString().replace('\\', '/');
        for (Path d = cwd; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                prefix = d.relativize(cwd).toString().replace('\\', '/');
                root = d.toString().replace('\\', '/');
                break;
            }
        }
        String server = env.get("GITHUB_SERVER_URL");
        String repo = env.get("GITHUB_REPOSITORY");
        String sha = env.get("GITHUB_SHA");
        String base = server != null && repo != null && sha != null && !server.isBlank() && !repo.isBlank()
                && !sha.isBlank() ? server + "/" + repo + "/blob/" + sha + "/" : "";
        return ReportSettings.defaults().withLinks(base, prefix, root);
    }
}
