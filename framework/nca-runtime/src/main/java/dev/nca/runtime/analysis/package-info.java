/**
 * Analyses of trained models. The hidden-channel analysis of Mahajan and Banerjee clusters the full
 * states of cells (observable and hidden channels) with k-means: {@link dev.nca.runtime.analysis.KMeans}
 * (k-means++ and Lloyd iterations), {@link dev.nca.runtime.analysis.ElbowChooser} (the number of
 * clusters by the elbow method), {@link dev.nca.runtime.analysis.CellClusters} (one clustering over the
 * cells of several recorded states, optionally only living ones, with a label map per state) and
 * {@link dev.nca.runtime.analysis.ClusterReport} (pictures, animation and JSON).
 *
 * <p>These services back {@code nca clusters}. They log through SLF4J and never write to standard
 * output; problems the user must fix are {@link dev.nca.api.NcaException}s.
 */
package dev.nca.runtime.analysis;
