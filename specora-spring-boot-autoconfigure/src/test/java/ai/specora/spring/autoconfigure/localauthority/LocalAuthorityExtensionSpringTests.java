package ai.specora.spring.autoconfigure.localauthority;

import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.SpecoraClient;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PolicyRule;
import ai.specora.localauthority.junit.LocalAuthorityExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring test context pointed at a {@link LocalAuthorityExtension} the way
 * docs/local-authority.md shows.
 */
@SpringBootTest(classes = LocalAuthorityExtensionSpringTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LocalAuthorityExtensionSpringTests {

	@RegisterExtension
	static LocalAuthorityExtension authority = LocalAuthorityExtension
		.configure((settings) -> settings.policy(PolicyRule.block("no-drops", "db_drop*", "never")));

	@DynamicPropertySource
	static void specora(DynamicPropertyRegistry registry) {
		registry.add("specora.base-url", authority::baseUrl);
		registry.add("specora.api-key", authority::apiKey);
		registry.add("specora.org-id", authority::orgId);
	}

	@Autowired
	SpecoraClient client;

	@Test
	void contextUsesTheExtensionsAuthority(LocalAuthority running) {
		assertThat(running).isSameAs(authority.authority());
		assertThat(this.client.enforce(EnforceRequest.builder("db_drop_table").scope("table", "users").build())
			.decision()).isEqualTo(Decision.BLOCK);
		assertThat(this.client.enforce(EnforceRequest.builder("db_read").scope("table", "users").build())
			.decision()).isEqualTo(Decision.ALLOW);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
