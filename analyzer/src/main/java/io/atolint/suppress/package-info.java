/**
 * What the scanned files say to suppress: atolint's and peer tools' comments and metadata, read into
 * declarations that triage applies and the SUPP rules check.
 */
package io.atolint.suppress;
