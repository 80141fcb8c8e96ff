/**
 * The resource graph of a scan: every model's resources and relations in one immutable JGraphT graph,
 * indexed for the lookups rules and facts make.
 */
package io.atolint.graph;
