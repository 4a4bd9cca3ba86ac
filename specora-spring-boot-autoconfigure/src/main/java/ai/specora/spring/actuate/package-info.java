/**
 * Spring Boot Actuator support: the {@code specora} health contributor and the
 * read-only {@code specora} endpoint.
 */
package ai.specora.spring.actuate;
