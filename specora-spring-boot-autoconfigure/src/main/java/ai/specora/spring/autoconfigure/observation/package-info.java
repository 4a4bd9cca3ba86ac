/**
 * Auto-configuration of Specora's observations and meters, {@code specora.metrics.*}.
 */
package ai.specora.spring.autoconfigure.observation;
