/**
 * Experiment sweeps: a sweep file ({@link dev.nca.runtime.sweep.SweepLoader}) expands into points
 * ({@link dev.nca.runtime.sweep.PointExpander}), each with its own run folder in one sweep folder
 * ({@link dev.nca.runtime.sweep.SweepFolder}); points run on this machine
 * ({@link dev.nca.runtime.sweep.LocalSweepRunner}) or as a Slurm job array
 * ({@link dev.nca.runtime.sweep.SlurmSubmitter}), each one through
 * {@link dev.nca.runtime.sweep.PointRun}; {@link dev.nca.runtime.sweep.SweepReport} tabulates and plots them.
 */
package dev.nca.runtime.sweep;
