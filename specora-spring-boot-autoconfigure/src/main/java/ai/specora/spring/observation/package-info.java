/**
 * Observation of governed calls with the Micrometer Observation API (one
 * instrumentation for metrics and traces), and the Specora meters.
 */
package ai.specora.spring.observation;
