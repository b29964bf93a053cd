/**
 * Guice wiring of the host: {@link dev.nca.runtime.inject.HostModule} (plugin host, extensions),
 * {@link dev.nca.runtime.inject.EngineModule} (compute engines) and
 * {@link dev.nca.runtime.inject.RunModule} (clock, run folders, pictures, progress). See
 * docs/architecture.md for what binds what.
 */
package dev.nca.runtime.inject;
