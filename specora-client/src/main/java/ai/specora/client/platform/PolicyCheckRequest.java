package ai.specora.client.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A policy check ({@code checkPolicy}): the subject, and optional free-form inputs for
 * the evaluation.
 *
 * @param subject what the check is about
 * @param inputs context for the evaluation (never {@code null}; empty when none, and
 * then not sent)
 */
public record PolicyCheckRequest(PolicySubject subject, Map<String, Object> inputs) {

	/**
	 * Checks the request and copies the inputs.
	 * @param subject what the check is about
	 * @param inputs context for the evaluation, or {@code null}
	 */
	public PolicyCheckRequest {
		Objects.requireNonNull(subject, "subject must not be null");
		inputs = Requests.copy(inputs);
	}

	/**
	 * A check of a subject with no inputs.
	 * @param type the kind of subject, e.g. {@code pr_run}
	 * @param id the subject's id
	 * @return the request
	 */
	public static PolicyCheckRequest of(String type, String id) {
		return new PolicyCheckRequest(new PolicySubject(type, id), null);
	}

	/**
	 * Starts building a check of a subject.
	 * @param type the kind of subject, e.g. {@code pr_run}
	 * @param id the subject's id
	 * @return a new builder
	 */
	public static Builder builder(String type, String id) {
		return new Builder(new PolicySubject(type, id));
	}

	/**
	 * Builds a {@link PolicyCheckRequest}.
	 */
	public static final class Builder {

		private final PolicySubject subject;

		private final Map<String, Object> inputs = new LinkedHashMap<>();

		private Builder(PolicySubject subject) {
			this.subject = subject;
		}

		/**
		 * Adds an input.
		 * @param name the input's name
		 * @param value its value (JSON-serialisable)
		 * @return this builder
		 */
		public Builder input(String name, Object value) {
			this.inputs.put(Requests.requireText(name, "input name"), value);
			return this;
		}

		/**
		 * Adds inputs.
		 * @param inputs the inputs
		 * @return this builder
		 */
		public Builder inputs(Map<String, ?> inputs) {
			inputs.forEach(this::input);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public PolicyCheckRequest build() {
			return new PolicyCheckRequest(this.subject, this.inputs);
		}

	}

}
