/**
 * Format-blind resolution over a parsed model: the relations values imply (references, traffic, access)
 * and each resource's placement in Availability Zones, through subnets.
 */
package io.atolint.resolve;
