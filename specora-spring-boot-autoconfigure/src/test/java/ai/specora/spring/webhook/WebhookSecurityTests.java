package ai.specora.spring.webhook;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook endpoint behind Spring Security: protected by the default filter chain,
 * reachable with the lines given in docs/webhooks.md.
 */
class WebhookSecurityTests extends AbstractWebhookSecurityTests {

	WebhookSecurityTests() {
		super(WebApplicationType.SERVLET, DocumentedSecurityApplication.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class DocumentedSecurityApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(HttpMethod.POST, "/specora/webhooks").permitAll()
				.anyRequest().authenticated())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/specora/webhooks"))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

}
