package ai.specora.spring.webhook;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The webhook endpoint of a WebFlux application behind Spring Security: protected by
 * the default filter chain, reachable with the {@code SecurityWebFilterChain} given in
 * docs/webhooks.md.
 */
class WebhookReactiveSecurityTests extends AbstractWebhookSecurityTests {

	WebhookReactiveSecurityTests() {
		super(WebApplicationType.REACTIVE, DocumentedSecurityApplication.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class DocumentedSecurityApplication {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			ServerWebExchangeMatcher webhook = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
					"/specora/webhooks");
			return http.authorizeExchange((exchange) -> exchange
				.matchers(webhook).permitAll()
				.anyExchange().authenticated())
				.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
						CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(webhook))))
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
