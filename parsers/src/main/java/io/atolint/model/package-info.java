/**
 * The model every format is read into: resources with a normalised kind, attributes as three-valued
 * {@link io.atolint.model.Value}s, relations, placements in AZs and source locations. Depends on nothing.
 */
package io.atolint.model;
