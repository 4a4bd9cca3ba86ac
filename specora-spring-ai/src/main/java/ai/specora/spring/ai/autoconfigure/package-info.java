/**
 * Auto-configuration of the Spring AI governance, {@code specora.ai.*}.
 */
package ai.specora.spring.ai.autoconfigure;
