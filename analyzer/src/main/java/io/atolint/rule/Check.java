package io.atolint.rule;

/**
 * One concern, checked on the resource graph whatever format it was read from. A check reports
 * through its context and never builds findings itself. An UNKNOWN value must never produce a
 * failing finding: report it with {@link RuleContext#note} instead.
 */
public interface Check {
    void check(RuleContext ctx);

    /** The declaration of this check. */
    default Rule meta() {
        Rule r = getClass().getAnnotation(Rule.class);
        if (r == null) {
            throw new IllegalStateException(getClass().getName() + " has no @Rule annotation");
        }
        return r;
    }
}
