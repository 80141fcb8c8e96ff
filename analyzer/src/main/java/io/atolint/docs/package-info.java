/**
 * Generated documentation: the rules reference (docs/rules.md), with examples taken from the fixtures.
 */
package io.atolint.docs;
