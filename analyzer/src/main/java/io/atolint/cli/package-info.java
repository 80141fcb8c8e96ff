/**
 * The command line, one class per command over one options parser and one scan job: the only place that
 * touches files, standard streams and exit codes.
 */
package io.atolint.cli;
