package ai.specora.spring.ai.autoconfigure;

import ai.specora.client.SpecoraClient;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Applies {@code specora.workflow-id} to the Specora client, the agent name of every
 * LLM call that sets none (without the property the client reads the
 * {@code SPECORA_WORKFLOW_ID} environment variable).
 */
@AutoConfiguration(before = SpecoraClientAutoConfiguration.class)
@ConditionalOnClass(SpecoraClient.class)
@ConditionalOnProperty(prefix = "specora", name = "workflow-id")
@EnableConfigurationProperties(SpecoraWorkflowProperties.class)
public final class SpecoraWorkflowIdAutoConfiguration {

	/**
	 * Sets the workflow id on the client.
	 * @param properties the workflow id
	 * @return the customizer
	 */
	@Bean
	SpecoraClientBuilderCustomizer specoraWorkflowIdCustomizer(SpecoraWorkflowProperties properties) {
		return (builder) -> builder.workflowId(properties.getWorkflowId());
	}

}
