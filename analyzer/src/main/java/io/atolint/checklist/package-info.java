/**
 * The ATO on AWS Partner Validation Checklist as data, and its evaluation: a verdict per item from the
 * findings and runs of the rules that evidence it.
 */
package io.atolint.checklist;
