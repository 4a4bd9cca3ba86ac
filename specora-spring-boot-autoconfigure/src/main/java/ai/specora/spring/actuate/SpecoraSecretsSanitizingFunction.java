package ai.specora.spring.actuate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secrets of the {@code specora.*} properties in the {@code configprops} and
 * {@code env} actuator endpoints, also when they are configured to show values
 * ({@code show-values=always}):
 * <ul>
 * <li>{@code specora.api-key};</li>
 * <li>{@code specora.webhook.secret} and every entry of
 * {@code specora.webhook.secrets};</li>
 * <li>{@code specora.local-authority.webhook-secret} and
 * {@code specora.local-authority.evidence-signing-private-key};</li>
 * <li>the user information (user name and password) of {@code specora.base-url} and
 * {@code specora.local-authority.webhook-url}, should one carry it.</li>
 * </ul>
 * Keys are recognised in every form a property source may use: kebab case
 * ({@code specora.api-key}), camel case ({@code specora.apiKey}), underscores
 * ({@code specora.api_key}), environment variables ({@code SPECORA_API_KEY},
 * {@code SPECORA_WEBHOOK_SECRETS_0}) and list indices ({@code specora.webhook.secrets[1]}).
 * <p>
 * Stateless and thread-safe.
 */
public final class SpecoraSecretsSanitizingFunction implements SanitizingFunction {

	private static final Set<String> SECRETS = Set.of("specoraapikey", "specorawebhooksecret",
			"specorawebhooksecrets", "specoralocalauthoritywebhooksecret",
			"specoralocalauthorityevidencesigningprivatekey");

	private static final Set<String> URLS = Set.of("specorabaseurl", "specoralocalauthoritywebhookurl");

	private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*\\]");

	private static final Pattern SEPARATOR = Pattern.compile("[._]");

	private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		String key = canonical(data.getKey());
		if (SECRETS.contains(key)) {
			return data.withSanitizedValue();
		}
		if (URLS.contains(key) && data.getValue() instanceof CharSequence url) {
			String masked = USER_INFO.matcher(url).replaceFirst(SanitizableData.SANITIZED_VALUE + "@");
			return masked.contentEquals(url) ? data : data.withValue(masked);
		}
		return data;
	}

	/**
	 * Tells whether a property key names one of the secrets this function masks, in any
	 * of the forms listed above.
	 * @param key a property key, as a property source holds it
	 * @return {@code true} if the key is a Specora secret
	 */
	public static boolean isSecret(String key) {
		return SECRETS.contains(canonical(key));
	}

	/**
	 * Reduces a key to lower-case letters and digits without separators or list indices:
	 * {@code SPECORA_WEBHOOK_SECRETS_0}, {@code specora.webhook.secrets[0]} and
	 * {@code specora.webhookSecrets} all become {@code specorawebhooksecrets}.
	 */
	private static String canonical(String key) {
		if (key == null || !key.regionMatches(true, 0, "specora", 0, 7)) {
			return "";
		}
		String withoutIndices = INDEX.matcher(key).replaceAll("");
		StringBuilder canonical = new StringBuilder(withoutIndices.length());
		for (String segment : SEPARATOR.split(withoutIndices)) {
			if (!segment.isEmpty() && !isNumber(segment)) {
				canonical.append(segment.replace("-", ""));
			}
		}
		return canonical.toString().toLowerCase(Locale.ROOT);
	}

	private static boolean isNumber(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			if (!Character.isDigit(segment.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
