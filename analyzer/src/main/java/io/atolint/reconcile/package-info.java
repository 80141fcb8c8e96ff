/**
 * Diagram vs IaC: which IaC resources each drawn element stands for, and where a diagram and the code it
 * should show disagree. Derived from the models and facts like the topology; rules RECON* select from it.
 */
package io.atolint.reconcile;
