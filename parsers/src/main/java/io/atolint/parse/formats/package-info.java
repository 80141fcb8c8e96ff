/**
 * Every input format atolint reads, in the order they claim files: the one list a new format is added to.
 */
package io.atolint.parse.formats;
