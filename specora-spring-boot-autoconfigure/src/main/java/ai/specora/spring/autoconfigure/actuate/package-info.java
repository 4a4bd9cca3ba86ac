/**
 * Auto-configuration of Spring Boot Actuator support: the {@code specora} health
 * contributor, the read-only {@code specora} endpoint, and the masking of Specora's
 * secrets in the {@code configprops} and {@code env} endpoints.
 */
package ai.specora.spring.autoconfigure.actuate;
