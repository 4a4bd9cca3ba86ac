package ai.specora.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the base-URL check: every value ends in an accepted URL or an
 * {@link InvalidConfigurationException} naming {@code baseUrl}, never another
 * exception. An accepted URL is https, or http on loopback only, with a host and
 * without credentials, query or fragment; a refusal never repeats the credentials of
 * the value.
 */
class BaseUrlsFuzzTests {

	@FuzzTest
	void validate(byte[] input) {
		String value = new String(input, StandardCharsets.UTF_8);
		URI accepted;
		try {
			accepted = BaseUrls.validate(value);
		}
		catch (InvalidConfigurationException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			String userInfo = userInfo(value);
			if (userInfo != null && !userInfo.isEmpty()) {
				// where the credentials were; the same text elsewhere (a query) is no secret
				assertThat(ex.getMessage()).doesNotContain("//" + userInfo + "@");
			}
			return;
		}
		String scheme = accepted.getScheme().toLowerCase(Locale.ROOT);
		assertThat(scheme).isIn("https", "http");
		assertThat(accepted.getHost()).isNotEmpty();
		assertThat(accepted.getUserInfo()).isNull();
		assertThat(accepted.getQuery()).isNull();
		assertThat(accepted.getFragment()).isNull();
		assertThat(accepted.toString()).doesNotEndWith("/");
		if (scheme.equals("http")) {
			assertThat(BaseUrls.isLoopback(accepted.getHost())).isTrue();
		}
	}

	/** The raw user information of the value, as a URL parser reads it, or null. */
	private static String userInfo(String value) {
		try {
			return new URI(value.trim()).getRawUserInfo();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
