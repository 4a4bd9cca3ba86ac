package ai.specora.spring.webhook;

/**
 * Settings shared by the minimal applications of the endpoint tests.
 */
final class TestApplications {

	/** Auto-configurations left out of tests that are not about them. */
	static final String EXCLUDE_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration,"
			+ "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration";

	/** The authority the (unused) client of the test applications points at. */
	static final String BASE_URL = "specora.base-url=http://127.0.0.1:9";

	/** The API key of that client. */
	static final String API_KEY = "specora.api-key=sk_test_webhook_endpoint";

	/** The organisation of that client. */
	static final String ORG_ID = "specora.org-id=org-1";

	private TestApplications() {
	}

}
