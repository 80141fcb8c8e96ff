/**
 * Report writers (text, JSON, SARIF, JUnit, Markdown, HTML, graph and simulation exports): they read an
 * analysis, its findings, facts and checklist assessment, never check internals.
 */
package io.atolint.report;
