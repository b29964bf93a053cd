/**
 * Extension points and value types of the nca framework.
 *
 * <p>Plugin authors compile against this package only (plus ND4J's {@code nd4j-api} and PF4J, all
 * in {@code provided} scope). Every extension point extends {@link dev.nca.api.NamedExtension}: an
 * implementation is found by its short, stable {@link dev.nca.api.NamedExtension#name() name},
 * which is what recipes use. Extensions are stateless; per-run state is created through an
 * explicit factory method that receives validated {@link dev.nca.api.Params}.
 *
 * <p>Tensor conventions used throughout: lattice states are {@code [B, C, S, S]} (batch, channel,
 * row, column), trajectories {@code [R, T, C_obs, S, S]}; the data type is the run's data type
 * (float32 for training, float64 in gradient checks) unless stated otherwise.
 */
package dev.nca.api;
