/**
 * Reading files into models: the source trees, safety limits, options and the scanner that runs every format's
 * handler; the formats live in sub-packages (one per format) and are listed in {@code parse.formats}.
 */
package io.atolint.parse;
