/**
 * The {@code .atolint.yml} configuration: rules, severities, formats, ignored paths, limits; read from
 * text given by the CLI, validated with positioned errors.
 */
package io.atolint.config;
