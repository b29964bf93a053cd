/** Guice wiring of the host: {@link dev.nca.runtime.inject.HostModule}. */
package dev.nca.runtime.inject;
