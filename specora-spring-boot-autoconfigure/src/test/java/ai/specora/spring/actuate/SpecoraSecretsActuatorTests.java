package ai.specora.spring.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code configprops} and {@code env} endpoints of an application that shows all
 * values ({@code show-values=always}) never show a Specora secret, whichever property
 * source sets it.
 */
class SpecoraSecretsActuatorTests {

	/** Every secret value set below; none may appear in an endpoint's answer. */
	private static final List<String> SECRETS = List.of("sk_live_default_props", "sk_live_env_var",
			"sk_live_camel_case", "whsec_main_secret", "whsec_env_rotated_0", "whsec_env_rotated_1",
			"whsec_list_entry", "whsec_local_authority", "whsec_local_env", "url-password");

	private static ConfigurableApplicationContext context;

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(ActuatorApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1",
					"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
							+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
							+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
							+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
					"management.endpoints.web.exposure.include=configprops,env",
					"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
					"specora.local-authority.enabled=true", "specora.org-id=org-visible",
					"specora.api-key=sk_live_default_props", "specora.webhook.secret=whsec_main_secret",
					"specora.webhook.replay-store=memory",
					"specora.local-authority.webhook-url=https://hook-user:url-password@hooks.example.com/in")
			.initializers((applicationContext) -> {
				MutablePropertySources sources = applicationContext.getEnvironment().getPropertySources();
				Map<String, Object> env = new LinkedHashMap<>();
				env.put("SPECORA_API_KEY", "sk_live_env_var");
				env.put("SPECORA_WEBHOOK_SECRETS_0", "whsec_env_rotated_0");
				env.put("SPECORA_WEBHOOK_SECRETS_1", "whsec_env_rotated_1");
				env.put("SPECORA_LOCALAUTHORITY_WEBHOOKSECRET", "whsec_local_env");
				sources.addLast(new SystemEnvironmentPropertySource("testEnvironment", env));
				Map<String, Object> map = new LinkedHashMap<>();
				map.put("specora.apiKey", "sk_live_camel_case");
				map.put("specora.webhook.secrets[0]", "whsec_list_entry");
				map.put("specora.localAuthority.webhookSecret", "whsec_local_authority");
				sources.addFirst(new MapPropertySource("testProperties", map));
			})
			.run();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "configprops", "env" })
	void endpointShowsValuesButNoSecret(String endpoint) throws Exception {
		String body = get("/actuator/" + endpoint);
		assertThat(body).contains("org-visible").contains("******").contains("hooks.example.com");
		for (String secret : SECRETS) {
			assertThat(body).doesNotContain(secret);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "specora.api-key", "specora.webhook.secrets%5B0%5D", "specora.localAuthority.webhookSecret",
			"SPECORA_API_KEY", "SPECORA_WEBHOOK_SECRETS_1" })
	void envEndpointMasksEachSecretProperty(String key) throws Exception {
		String body = get("/actuator/env/" + key);
		assertThat(body).contains("******");
		for (String secret : SECRETS) {
			assertThat(body).doesNotContain(secret);
		}
	}

	private static String get(String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ActuatorApplication {

	}

}
