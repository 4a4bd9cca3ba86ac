package ai.specora.langchain4j.model;

import ai.specora.client.SpecoraException;
import ai.specora.client.platform.PreAuthorizationResult;

/**
 * The platform did not authorize an LLM call, or routed it to a provider this
 * application has no model for while fallback was not allowed: the model was not
 * called.
 */
public class LlmCallRefusedException extends SpecoraException {

	private final transient PreAuthorizationResult result;

	/**
	 * Creates the exception.
	 * @param message what was refused and why
	 * @param result the platform's answer
	 */
	public LlmCallRefusedException(String message, PreAuthorizationResult result) {
		super(message);
		this.result = result;
	}

	/**
	 * The platform's answer.
	 * @return the pre-authorization
	 */
	public PreAuthorizationResult getResult() {
		return this.result;
	}

	/**
	 * Why the platform refused the call.
	 * @return the reason, or {@code null}
	 */
	public String getReason() {
		return (this.result != null) ? this.result.reason() : null;
	}

}
