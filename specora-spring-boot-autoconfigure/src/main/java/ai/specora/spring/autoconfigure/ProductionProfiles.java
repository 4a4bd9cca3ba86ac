package ai.specora.spring.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * The profiles that mark a production environment, under which the development-only
 * switches of Specora (the embedded local authority, plain {@code http://} to a loopback
 * authority) refuse to start, and the refusal of plain http.
 */
final class ProductionProfiles {

	/** The production profile names, compared without regard to case. */
	static final List<String> NAMES = List.of("prod", "production");

	private ProductionProfiles() {
	}

	/**
	 * The first active production profile, as spelled in the environment.
	 * @param environment the environment
	 * @return the profile, or {@code null} when none is active
	 */
	static String active(Environment environment) {
		return Arrays.stream(environment.getActiveProfiles())
			.filter((profile) -> NAMES.contains(profile.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Refuses a plain-http base URL under a production profile: plain http is accepted
	 * (for a loopback authority only) during development, but under a production profile
	 * the API key must not travel unencrypted, even locally.
	 * @param connectionDetails where the client's base URL comes from
	 * @param environment the environment
	 * @throws SpecoraConfigurationException naming {@code specora.base-url}
	 */
	static void refusePlainHttp(SpecoraConnectionDetails connectionDetails, Environment environment) {
		String baseUrl = connectionDetails.baseUrl();
		if (baseUrl == null || !baseUrl.trim().regionMatches(true, 0, "http://", 0, 7)) {
			return;
		}
		String profile = active(environment);
		if (profile == null) {
			return;
		}
		String source = (connectionDetails instanceof PropertiesSpecoraConnectionDetails) ? ""
				: " (supplied by the SpecoraConnectionDetails bean of type '" + connectionDetails.getClass().getName()
						+ "')";
		throw new SpecoraConfigurationException("specora.base-url", "The Specora base URL" + source
				+ " uses plain http, which is for a local development authority only and refused while the '"
				+ profile + "' profile is active",
				"Set specora.base-url to the https:// address of the Specora authority for this profile, "
						+ "for example:\n\n    specora:\n      base-url: https://api.specora.ai",
				null);
	}

}
