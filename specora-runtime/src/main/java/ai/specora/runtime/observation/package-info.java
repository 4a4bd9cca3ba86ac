/**
 * The {@code specora.enforcement} and {@code specora.platform} observations: their
 * contexts, conventions and documented key names.
 */
package ai.specora.runtime.observation;
