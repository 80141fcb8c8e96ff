/**
 * What each finding becomes before it is reported: dropped (rule disabled), re-severitied (configuration),
 * suppressed by a declaration in the files or by the baseline of known findings.
 */
package io.atolint.triage;
