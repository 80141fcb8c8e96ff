package io.atolint.checklist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four solution categories of the checklist (section 1.2): who owns the AWS accounts and how many
 * customers share them. Applicability of each item depends on it.
 */
public enum Category {
    MULTI_TENANT_SAAS("multi-tenant-saas", "Multi-tenant SaaS"),
    SINGLE_TENANT_SAAS("single-tenant-saas", "Single-tenant SaaS"),
    MANAGED_SERVICE("managed-service", "Managed Service"),
    CUSTOMER_DEPLOYED("customer-deployed", "Customer-Deployed");

    private final String id;
    private final String label;

    Category(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The id used in checklist.yaml and on the command line. */
    public String id() {
        return id;
    }

    /** The name the checklist uses. */
    public String label() {
        return label;
    }

    public static Optional<Category> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(c -> c.id.equals(t)).findFirst();
    }

    public static String ids() {
        return String.join("|", Arrays.stream(values()).map(Category::id).toList());
    }
}
