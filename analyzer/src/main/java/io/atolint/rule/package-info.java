/**
 * The rule API: {@link io.atolint.rule.Check}, the {@link io.atolint.rule.Rule} annotation and the
 * {@link io.atolint.rule.RuleContext} a check reports through. The checks themselves live in {@code checks}.
 */
package io.atolint.rule;
