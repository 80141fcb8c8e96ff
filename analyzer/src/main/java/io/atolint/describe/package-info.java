/**
 * What atolint understood from one diagram (groups, AZs, services, connections), for a person to compare
 * with the picture ({@code atolint describe}).
 */
package io.atolint.describe;
