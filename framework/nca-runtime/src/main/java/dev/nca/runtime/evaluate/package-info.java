/**
 * Using a trained model: rebuilding it from a checkpoint ({@link dev.nca.runtime.evaluate.CheckpointModel}),
 * rolling it forward and recording pictures ({@link dev.nca.runtime.evaluate.Simulator},
 * {@link dev.nca.runtime.evaluate.SimulationWriter}), measuring it against held-out data
 * ({@link dev.nca.runtime.evaluate.Evaluator}, {@link dev.nca.runtime.evaluate.EvaluationReport}) and
 * exporting a recipe's dataset as {@code .npy} ({@link dev.nca.runtime.evaluate.DatasetExport}).
 *
 * <p>These services back {@code nca simulate}, {@code nca evaluate} and {@code nca data export}. They
 * log through SLF4J and never write to standard output; problems the user must fix are
 * {@link dev.nca.api.NcaException}s naming the file or value at fault.
 */
package dev.nca.runtime.evaluate;
