package ai.specora.spring.webhook;

import java.time.Duration;
import java.time.Instant;

import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import ai.specora.localauthority.LocalAuthority;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded local authority sends its signed webhooks to the application's own
 * endpoint by default, where they arrive as typed events.
 */
class LocalAuthorityWebhookTests {

	@Test
	void approvalReachesTheApplicationAsATypedEvent() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "server.servlet.context-path=/app",
					"specora.webhook.secret=" + WebhookRequests.SECRET, "specora.webhook.replay-store=memory",
					"specora.local-authority.enabled=true", "specora.local-authority.policies[0].action-type=deploy",
					"specora.local-authority.policies[0].effect=suspend", TestApplications.EXCLUDE_SECURITY)
			.run()) {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			EnforcementResult suspended = client
				.enforce(EnforceRequest.builder("deploy").scope("service", "billing").build());
			assertThat(suspended.decision()).isEqualTo(Decision.SUSPEND);
			context.getBean(LocalAuthority.class).approve(suspended.approvalId(), "alice");
			EventCollector collector = context.getBean(EventCollector.class);
			ApprovalResolvedEvent event = awaitApproval(collector, Duration.ofSeconds(20));
			assertThat(event.approvalId()).isEqualTo(suspended.approvalId());
			assertThat(event.journalId()).isEqualTo(suspended.journalId());
			assertThat(event.approved()).isTrue();
			assertThat(event.resolvedBy()).isEqualTo("alice");
		}
	}

	private static ApprovalResolvedEvent awaitApproval(EventCollector collector, Duration timeout)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			for (SpecoraWebhookEvent event : collector.events) {
				if (event instanceof ApprovalResolvedEvent approval) {
					return approval;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no approval event within " + timeout + ": " + collector.events);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class LocalApplication {

	}

}
