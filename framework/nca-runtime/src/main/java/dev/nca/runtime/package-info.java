/**
 * The nca host: everything between the command line and the engine that is not numerical.
 *
 * <ul>
 *   <li>{@link dev.nca.runtime.plugin} loads plugins with PF4J and builds one name-keyed
 *       registry per extension point;</li>
 *   <li>{@link dev.nca.runtime.recipe} reads, validates and writes TOML recipes;</li>
 *   <li>{@link dev.nca.runtime.inject} wires the above into Guice.</li>
 * </ul>
 */
package dev.nca.runtime;
