package io.atolint.reconcile;

import io.atolint.model.Model;

import java.nio.file.Path;
import java.util.List;

/**
 * A diagram and the IaC it should show: the diagram file (one page, or every page when {@code page} is
 * null) and the paths (files or directories) holding the IaC. Paths are in the coordinates of the scan
 * (as the models name their files); {@code declaredAt} says where the pair was given, for messages.
 */
public record Pair(String diagram, Integer page, List<String> iac, String declaredAt) {

    public Pair {
        diagram = normal(diagram);
        iac = iac.stream().map(Pair::normal).toList();
        declaredAt = declaredAt == null ? "" : declaredAt;
    }

    /** A page of the pair's diagram. */
    public boolean isDiagramPage(Model m) {
        if (!m.format().isDiagram() || m.files().stream().map(Pair::normal).noneMatch(diagram::equals)) {
            return false;
        }
        return page == null || Integer.toString(page).equals(m.meta().get("page"));
    }

    /**
     * A model of the pair's IaC: its unit (the template, the stack, the Terraform root module's directory) or
     * its first file lies in one of the IaC paths; the modules it calls may live elsewhere.
     */
    public boolean isIac(Model m) {
        if (m.format().isDiagram() || m.files().isEmpty()) {
            return false;
        }
        return under(normal(m.files().get(0))) || under(normal(m.unit()));
    }

    private boolean under(String n) {
        return iac.stream().anyMatch(p -> n.equals(p) || p.equals(".") || n.startsWith(p + "/"));
    }

    /** {@code docs/arch.drawio (page 2)}. */
    public String display() {
        return diagram + (page == null ? "" : " (page " + page + ")") + " <-> " + String.join(", ", iac);
    }

    static String normal(String path) {
        String p = Path.of(path.replace('\\', '/')).normalize().toString().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }
}
