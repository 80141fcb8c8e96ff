/**
 * One analysis: scan the source trees, build the graph, run the checks and keep their findings and runs
 * ({@link io.atolint.analysis.Analysis}), the input of the checklist and of every report.
 */
package io.atolint.analysis;
