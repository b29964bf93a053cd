/**
 * Reading finished (or stopped) run folders back for comparison: {@link dev.nca.runtime.runs.RunRecord}
 * summarises one folder from its metrics.jsonl, recipe.toml and provenance.json, and
 * {@link dev.nca.runtime.runs.RunFolders} finds run folders under sweep and output folders.
 */
package dev.nca.runtime.runs;
