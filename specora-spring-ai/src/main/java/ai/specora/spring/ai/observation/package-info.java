/**
 * OpenTelemetry GenAI keys on the observations of governed tool and LLM calls, so that
 * their spans join Spring AI's.
 */
package ai.specora.spring.ai.observation;
