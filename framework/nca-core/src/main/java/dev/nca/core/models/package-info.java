/** The host's {@link dev.nca.api.NcaModels} service: trained checkpoints run by the engine. */
package dev.nca.core.models;
