/**
 * The checks, one small class per concern in a package per area ({@code checks.ha}, {@code checks.spof}, ...),
 * and beside them the registry ({@link io.atolint.checks.Rules}) and every rule id ({@link io.atolint.checks.RuleCatalog}).
 */
package io.atolint.checks;
