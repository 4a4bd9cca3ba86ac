package ai.specora.spring.autoconfigure.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * The profiles that mark a production environment, under which the development-only
 * switches of Specora (the embedded local authority, plain {@code http://} to a loopback
 * authority) refuse to start.
 */
public final class ProductionProfiles {

	/** The production profile names, compared without regard to case. */
	public static final List<String> NAMES = List.of("prod", "production");

	private ProductionProfiles() {
	}

	/**
	 * The first active production profile, as spelled in the environment.
	 * @param environment the environment
	 * @return the profile, or {@code null} when none is active
	 */
	public static String active(Environment environment) {
		return Arrays.stream(environment.getActiveProfiles())
			.filter((profile) -> NAMES.contains(profile.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

}
