package ai.specora.spring.ai.tool;

import ai.specora.client.EnforceRequest;
import ai.specora.runtime.GovernedRequest;

import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * What one tool call asks: the tool's action type, scope and write flag, and its input
 * as args when the tool is configured to send them.
 */
final class ToolCallRequest implements GovernedRequest {

	private final ToolCallSpec spec;

	private final String input;

	private final ToolInputArgs inputArgs;

	ToolCallRequest(ToolCallSpec spec, String input, ToolInputArgs inputArgs) {
		this.spec = spec;
		this.input = input;
		this.inputArgs = inputArgs;
	}

	@Override
	public EnforceRequest build() {
		EnforceRequest.Builder builder = EnforceRequest.builder(this.spec.actionType())
			.requestId(EnforceRequest.newRequestId())
			.scope(this.spec.scope())
			.writeOp(this.spec.writeOp())
			.estimatedVolume(1);
		if (this.spec.includeArgs()) {
			builder.args(this.inputArgs.of(this.input));
		}
		return builder.build();
	}

	/**
	 * The class name of the tool's failure: the cause that Spring AI wrapped in a
	 * {@link ToolExecutionException}, else the exception itself.
	 */
	@Override
	public String errorName(Throwable error) {
		Throwable cause = (error instanceof ToolExecutionException && error.getCause() != null) ? error.getCause()
				: error;
		return cause.getClass().getName();
	}

}
