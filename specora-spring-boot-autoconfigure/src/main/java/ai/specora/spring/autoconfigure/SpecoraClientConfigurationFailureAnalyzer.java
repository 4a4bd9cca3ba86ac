package ai.specora.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import ai.specora.client.CircuitBreakerSettings;
import ai.specora.client.InvalidConfigurationException;
import ai.specora.client.SpecoraDefaults;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.StringUtils;

/**
 * Explains why the auto-configured Specora client could not be built: names the
 * {@code specora.*} property at fault and shows the YAML that fixes it. The API key is
 * never shown.
 * <p>
 * Only failures of the auto-configured client are analyzed; a client the application
 * builds itself fails with the client's own message, which names the builder setting.
 */
class SpecoraClientConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	private static final String CIRCUIT_BREAKER = "circuitBreaker.";

	private static final String DISABLE_HINT = "To start without Specora, set specora.enabled=false: "
			+ "@Enforced methods then run ungoverned.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		SpecoraClientConfigurationException context = findCause(rootFailure,
				SpecoraClientConfigurationException.class);
		if (context == null) {
			return null;
		}
		SpecoraProperties properties = context.getProperties();
		String setting = String.valueOf(cause.getSetting());
		return switch (setting) {
			case "baseUrl" -> baseUrl(context, cause);
			case "apiKey" -> apiKey(context, cause);
			case "orgId" -> analysis(cause,
					"Specora is enabled but no organisation id is set (property 'specora.org-id').",
					"Set the organisation id of your Specora account:", "org-id: <your organisation id>",
					DISABLE_HINT);
			case "vendorId", "tenantId" -> vendorModel(properties, cause);
			case "failMode" -> analysis(cause, "The Specora fail mode is not set (property 'specora.fail-mode').",
					"Set it to 'closed' (the default: decisions that cannot be had raise and the action does "
							+ "not run) or 'open' (the action runs ungoverned and a warning is logged):",
					"fail-mode: " + SpecoraDefaults.FAIL_MODE.name().toLowerCase(Locale.ROOT), null);
			case "timeout" -> duration(cause, "timeout", properties.getTimeout(), print(SpecoraDefaults.TIMEOUT),
					"the time limit of one HTTP attempt");
			case "deadline" -> duration(cause, "deadline", properties.getDeadline(), print(SpecoraDefaults.DEADLINE),
					"the time limit of a whole call, retries and back-off included");
			case "retryBackoff" -> duration(cause, "retry-backoff", properties.getRetryBackoff(), print(SpecoraDefaults.RETRY_BACKOFF),
					"the back-off before the first retry");
			case "maxRetryBackoff" -> maxRetryBackoff(cause, properties);
			case "retries" -> analysis(cause,
					"Property 'specora.retries' must be between 0 and " + SpecoraDefaults.MAX_RETRIES + ", but is " + properties.getRetries() + ".",
					"Set how many times a transient failure is retried, for example the default:", "retries: " + SpecoraDefaults.RETRIES,
					null);
			case "sslBundle" -> analysis(cause,
					"Property 'specora.ssl.bundle' names SSL bundle '" + properties.getSsl().getBundle()
							+ "', but it cannot be used: " + cause.getMessage(),
					"Define the bundle under spring.ssl.bundle.* and make sure spring-boot-http-client is on the "
							+ "class path, or remove the property to use the JVM's trust store:",
					"ssl:\n  bundle: <bundle name>", null);
			default -> setting.startsWith(CIRCUIT_BREAKER) ? circuitBreaker(cause, setting)
					: analysis(cause, "Invalid Specora configuration (setting '" + setting + "'): "
					+ cause.getMessage(), "Check the properties under 'specora.*'.", null, null);
		};
	}

	/**
	 * A circuit breaker setting, e.g. {@code circuitBreaker.failureRateThreshold}: names
	 * its property and shows the defaults.
	 */
	private FailureAnalysis circuitBreaker(InvalidConfigurationException cause, String setting) {
		String property = kebabCase(setting.substring(CIRCUIT_BREAKER.length()));
		CircuitBreakerSettings defaults = CircuitBreakerSettings.defaults();
		String yaml = "circuit-breaker:\n  failure-rate-threshold: " + defaults.failureRateThreshold()
				+ "\n  sliding-window-size: " + defaults.slidingWindowSize() + "\n  minimum-number-of-calls: "
				+ defaults.minimumNumberOfCalls() + "\n  wait-duration-in-open-state: "
				+ print(defaults.waitDurationInOpenState()) + "\n  permitted-number-of-calls-in-half-open-state: "
				+ defaults.permittedNumberOfCallsInHalfOpenState();
		return analysis(cause,
				"Property 'specora.circuit-breaker." + property + "' is invalid: " + cause.getMessage() + ".",
				"Set the circuit breaker's settings within their bounds, for example the defaults:", yaml,
				"To send every call to the authority without a circuit breaker, set "
						+ "specora.circuit-breaker.enabled=false.");
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private FailureAnalysis baseUrl(SpecoraClientConfigurationException context, InvalidConfigurationException cause) {
		String value = context.getConnectionDetails().baseUrl();
		if (!context.isConnectionFromProperties()) {
			return fromConnectionDetails(context, cause, "base URL", sanitizedMessage(cause, value));
		}
		if (!StringUtils.hasText(value)) {
			return analysis(cause, "Specora is enabled but no base URL is set (property 'specora.base-url').",
					"Set the address of the Specora authority:", "base-url: https://api.specora.ai", DISABLE_HINT);
		}
		String httpsForm = httpsForm(value);
		return analysis(cause,
				"Property 'specora.base-url' is not a usable Specora base URL: " + sanitizedMessage(cause, value),
				"Set the https:// address of the Specora authority (plain http is accepted only for localhost, "
						+ "127.0.0.0/8 and [::1], because the API key travels with every request):",
				"base-url: " + ((httpsForm != null) ? httpsForm : "https://api.specora.ai"), null);
	}

	private FailureAnalysis apiKey(SpecoraClientConfigurationException context, InvalidConfigurationException cause) {
		String value = context.getConnectionDetails().apiKey();
		if (!context.isConnectionFromProperties()) {
			return fromConnectionDetails(context, cause, "API key",
					StringUtils.hasText(value) ? "it contains white space or non-ASCII characters" : "it is not set");
		}
		if (!StringUtils.hasText(value)) {
			return analysis(cause,
					"Specora is enabled but no API key is set (property 'specora.api-key', "
							+ "or the SPECORA_API_KEY environment variable).",
					"Set the API key from a secret store or the environment, never in a committed file, for "
							+ "example by exporting SPECORA_API_KEY or with:",
					"api-key: ${SPECORA_API_KEY}", DISABLE_HINT);
		}
		return analysis(cause,
				"Property 'specora.api-key' contains white space or non-ASCII characters (the key is not shown).",
				"Check how the key is loaded (quotes, line breaks or the wrong secret) and set it again, for "
						+ "example:",
				"api-key: ${SPECORA_API_KEY}", null);
	}

	private FailureAnalysis vendorModel(SpecoraProperties properties, InvalidConfigurationException cause) {
		boolean vendorMissing = "vendorId".equals(cause.getSetting());
		String missing = vendorMissing ? "specora.vendor-id" : "specora.tenant-id";
		String present = vendorMissing ? "specora.tenant-id" : "specora.vendor-id";
		String vendor = vendorMissing ? "<vendor id>" : orPlaceholder(properties.getVendorId(), "<vendor id>");
		String tenant = vendorMissing ? orPlaceholder(properties.getTenantId(), "<tenant id>") : "<tenant id>";
		return analysis(cause,
				"The vendor-reseller model needs both 'specora.vendor-id' and 'specora.tenant-id', but only '"
						+ present + "' is set.",
				"Set '" + missing + "' too, or remove '" + present + "' to use the org-scoped model:",
				"vendor-id: " + vendor + "\ntenant-id: " + tenant, null);
	}

	private FailureAnalysis duration(InvalidConfigurationException cause, String property, Duration value,
			String defaultValue, String meaning) {
		return analysis(cause,
				"Property 'specora." + property + "' must be a positive duration, but is " + print(value) + ".",
				"Set " + meaning + ", for example the default:", property + ": " + defaultValue, null);
	}

	private FailureAnalysis maxRetryBackoff(InvalidConfigurationException cause, SpecoraProperties properties) {
		Duration max = properties.getMaxRetryBackoff();
		if (max == null || max.isZero() || max.isNegative()) {
			return duration(cause, "max-retry-backoff", max, print(SpecoraDefaults.MAX_RETRY_BACKOFF), "the largest back-off between two retries");
		}
		return analysis(cause,
				"Property 'specora.max-retry-backoff' (" + print(max) + ") must not be shorter than "
						+ "'specora.retry-backoff' (" + print(properties.getRetryBackoff()) + ").",
				"Set the largest back-off at least as long as the first one, for example the defaults:",
				"retry-backoff: " + print(SpecoraDefaults.RETRY_BACKOFF) + "\nmax-retry-backoff: "
						+ print(SpecoraDefaults.MAX_RETRY_BACKOFF), null);
	}

	private FailureAnalysis fromConnectionDetails(SpecoraClientConfigurationException context,
			InvalidConfigurationException cause, String what, String reason) {
		String type = context.getConnectionDetails().getClass().getName();
		return new FailureAnalysis(
				"The Specora " + what + " supplied by the SpecoraConnectionDetails bean of type '" + type
						+ "' is not usable: " + reason,
				"Fix the " + what + " that '" + type + "' returns, or remove that bean so that the specora.* "
						+ "properties apply.",
				cause);
	}

	private static FailureAnalysis analysis(InvalidConfigurationException cause, String description, String action,
			String yaml, String hint) {
		StringBuilder text = new StringBuilder(action);
		if (yaml != null) {
			text.append("\n\n    specora:");
			for (String line : yaml.split("\n")) {
				text.append("\n      ").append(line);
			}
		}
		if (hint != null) {
			text.append("\n\n").append(hint);
		}
		return new FailureAnalysis(description, text.toString(), cause);
	}

	private static String orPlaceholder(String value, String placeholder) {
		return StringUtils.hasText(value) ? value.trim() : placeholder;
	}

	private static String print(Duration value) {
		if (value == null) {
			return "empty";
		}
		if (value.getNano() % 1_000_000 != 0) {
			return value.toString();
		}
		long millis = value.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * The client's message with the raw URL replaced by one without user information,
	 * which could hold credentials.
	 */
	private static String sanitizedMessage(InvalidConfigurationException cause, String value) {
		String message = String.valueOf(cause.getMessage());
		if (value == null || !value.contains("@")) {
			return message;
		}
		return message.replace(value, withoutUserInfo(value));
	}

	private static String withoutUserInfo(String value) {
		int scheme = value.indexOf("://");
		int at = value.lastIndexOf('@');
		if (scheme < 0 || at < scheme) {
			return "<hidden>";
		}
		return value.substring(0, scheme + 3) + "******" + value.substring(at);
	}

	/**
	 * The https form of a well-formed plain-http URL, to show in the action; otherwise
	 * {@code null}.
	 */
	private static String httpsForm(String value) {
		try {
			URI uri = new URI(value.trim());
			if (uri.getScheme() == null || !"http".equals(uri.getScheme().toLowerCase(Locale.ROOT))
					|| uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
					|| uri.getFragment() != null) {
				return null;
			}
			return new URI("https", null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
