package ai.specora.localauthority;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checks {@link LocalAuthoritySettings} and {@link PlatformState} make when they
 * are built; each failure is an {@link IllegalArgumentException} that names the
 * setting.
 */
final class SettingsValidation {

	private SettingsValidation() {
	}

	/** Checks that the API key is set. */
	static void requireApiKey(String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
	}

	/** Checks that a port is 0 (any free port) or a valid TCP port. */
	static void requirePort(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
		}
	}

	/** Checks that a count is at least 1. */
	static void requireAtLeastOne(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
	}

	/** Checks that a duration is set and positive. */
	static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, () -> name + " must not be null");
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
	}

	/**
	 * Checks that a fixed webhook URL is an http or https URL and that webhooks, fixed
	 * or supplied, have a secret to be signed with.
	 */
	static void requireWebhooks(URI webhookUrl, Supplier<URI> webhookTarget, String webhookSecret) {
		if (webhookUrl != null) {
			requireHttp(webhookUrl);
		}
		if (webhookUrl != null || webhookTarget != null) {
			if (webhookSecret == null || webhookSecret.isEmpty()) {
				throw new IllegalArgumentException("webhookSecret is required when webhookUrl is set");
			}
		}
	}

	/**
	 * Checks that a webhook URL is an http or https URL.
	 * @param url the URL
	 * @return the URL
	 * @throws IllegalArgumentException if it is not
	 */
	static URI requireHttp(URI url) {
		String scheme = url.getScheme();
		if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
			throw new IllegalArgumentException("webhookUrl must be an http or https URL, was " + url);
		}
		return url;
	}

	/** Checks that no name is given twice. */
	static void requireUniqueNames(List<String> names, String kind) {
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			if (!seen.add(name)) {
				throw new IllegalArgumentException("duplicate " + kind + " name '" + name + "'");
			}
		}
	}

	/** Checks that no key, described as it is reported, is given twice. */
	static void requireUniqueKeys(List<String> keys, String kind) {
		Set<String> seen = new HashSet<>();
		for (String key : keys) {
			if (!seen.add(key)) {
				throw new IllegalArgumentException("duplicate " + kind + ": " + key);
			}
		}
	}

}
