/**
 * Facts derived once from the graph: tiers, replica sets, traffic paths, exposure, SPOFs, what the loss of
 * each AZ takes down. Rules and reports select from these facts; this package knows nothing of rules.
 */
package io.atolint.topology;
