/**
 * Analyses of trained NCA: stability to local perturbations, adversarial perturbations of the
 * initial condition, equivariance under the lattice's rotations and reflections, and (in
 * {@code rules}) sparse regression of the learned update rule. Each analysis works on states
 * {@code [B, C, S, S]}; the caller passes in the engine (from the host's engine factory).
 */
package dev.nca.runtime.analyse;
