/**
 * The one escaper of names that come from a scanned repository, for every report format (text, Markdown,
 * XML, HTML, SVG); below the report writers and their HTML view, so that both can use it.
 */
package io.atolint.report.escape;
