/**
 * Plugin loading (PF4J) and the name-keyed extension registries.
 *
 * <p>{@link dev.nca.runtime.plugin.PluginHost} loads plugin jars from configured directories plus
 * class-path ("built-in") extensions, isolates failing plugins as
 * {@link dev.nca.runtime.plugin.PluginProblem}s and builds one
 * {@link dev.nca.runtime.plugin.ExtensionRegistry} per extension point, collected in
 * {@link dev.nca.runtime.plugin.Extensions}.
 */
package dev.nca.runtime.plugin;
