package ai.specora.spring.ai.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workflow identity of the application ({@code specora.workflow-id}).
 */
@ConfigurationProperties("specora")
public class SpecoraWorkflowProperties {

	/**
	 * The workflow identity sent as the agent name of LLM calls that set none, e.g.
	 * pr-review-pipeline; by default the SPECORA_WORKFLOW_ID environment variable.
	 */
	private String workflowId;

	public String getWorkflowId() {
		return this.workflowId;
	}

	public void setWorkflowId(String workflowId) {
		this.workflowId = workflowId;
	}

}
