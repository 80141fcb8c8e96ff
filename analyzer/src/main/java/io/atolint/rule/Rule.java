package io.atolint.rule;

import io.atolint.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a check: its id (an area and a number: {@code HA001}, {@code NET002}), title, default
 * severity and tags. The long description is {@code rules/<id>.md}; the checklist items it evidences
 * are data ({@code checklist.yaml}), not code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
    String id();

    String title();

    Severity severity();

    String[] tags() default {};

    /**
     * Off unless {@code .atolint.yml} turns it on ({@code rules: {ID: on}}): for checks an organisation's
     * own policy asks for beyond the checklist (customer managed keys everywhere, say).
     */
    boolean optIn() default false;
}
