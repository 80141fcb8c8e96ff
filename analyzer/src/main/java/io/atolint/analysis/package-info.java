/**
 * One analysis: scan the source trees, build the graph and its facts, run the checks; {@link io.atolint.analysis.Analysis}
 * keeps the graph, facts, findings, rule runs and checklist assessment that every report reads.
 */
package io.atolint.analysis;
