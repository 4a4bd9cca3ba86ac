package ai.specora.localauthority;

import java.util.List;
import java.util.Set;

/**
 * The enumerated values of the Platform API, as the protocol spells them.
 */
final class PlatformVocabulary {

	static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "gemini", "deepseek", "qwen", "ollama",
			"vllm");

	static final Set<String> WORKFLOW_TYPES = Set.of("codegen", "review", "qa", "spec", "debug", "plan");

	static final List<String> SORTED_PROVIDERS = PROVIDERS.stream().sorted().toList();

	static final List<String> SORTED_WORKFLOW_TYPES = WORKFLOW_TYPES.stream().sorted().toList();

	/** The severities, least severe first. */
	static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

	private PlatformVocabulary() {
	}

	static String requireProvider(String provider, String what) {
		if (provider == null || !PROVIDERS.contains(provider)) {
			throw new IllegalArgumentException(what + " provider must be one of " + SORTED_PROVIDERS
					+ ", was " + provider);
		}
		return provider;
	}

	static String requireWorkflowType(String workflowType, String what) {
		if (workflowType != null && !WORKFLOW_TYPES.contains(workflowType)) {
			throw new IllegalArgumentException(what + " workflow type must be one of "
					+ SORTED_WORKFLOW_TYPES + ", was " + workflowType);
		}
		return workflowType;
	}

	/** An invariant that holds; the client's {@code InvariantStatus.PASS}. */
	static final String INVARIANT_PASS = "pass";

	/** A violated invariant; the client's {@code InvariantStatus.FAIL}. */
	static final String INVARIANT_FAIL = "fail";

	/** An invariant that holds with a warning; the client's {@code InvariantStatus.WARN}. */
	static final String INVARIANT_WARN = "warn";

	/**
	 * An invariant status in the client's vocabulary ({@code pass}, {@code fail},
	 * {@code warn}); {@code passed}, {@code failed} and {@code warned} are read as those.
	 */
	static String invariantStatus(String status, String what) {
		requireText(status, what);
		return switch (status.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "pass", "passed" -> INVARIANT_PASS;
			case "fail", "failed" -> INVARIANT_FAIL;
			case "warn", "warned" -> INVARIANT_WARN;
			default -> throw new IllegalArgumentException(
					what + " must be one of pass, fail, warn, not '" + status + "'");
		};
	}

	static String requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		return value;
	}

}
