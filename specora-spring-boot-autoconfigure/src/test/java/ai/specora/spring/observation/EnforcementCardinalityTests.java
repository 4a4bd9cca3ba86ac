package ai.specora.spring.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.specora.client.SpecoraClient;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import ai.specora.spring.enforcement.Authority;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number of Specora meters stays fixed however many distinct scope values are
 * enforced; here with only a {@code MeterRegistry}, which gets an observation registry
 * of Specora's own.
 */
@SpringBootTest(classes = EnforcementCardinalityTests.Config.class)
@DirtiesContext
class EnforcementCardinalityTests {

	static final Authority authority = new Authority().start();

	@Autowired
	Tools tools;

	@Autowired
	SimpleMeterRegistry meters;

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void meterCountStaysFixedWhateverTheScopeValues() throws Exception {
		authority.reset();
		authority.allow("dynamic_scope", "jrn_dynamic");
		this.tools.dynamicScope(Map.of("customer", "customer-0"));
		Set<Meter.Id> idsAfterOne = ids();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> calls = new ArrayList<>();
			for (int i = 1; i < 1000; i++) {
				Map<String, Object> scope = Map.of("customer", "customer-" + i);
				calls.add(executor.submit(() -> this.tools.dynamicScope(scope)));
			}
			for (Future<String> call : calls) {
				call.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.meters.get("specora.enforcement").tag("action.type", "dynamic_scope").timer().count())
			.isEqualTo(1000);
		assertThat(ids()).isEqualTo(idsAfterOne);
		for (Meter meter : this.meters.getMeters()) {
			assertThat(meter.getId().getTags()).extracting(Tag::getValue)
				.noneMatch((value) -> value.startsWith("customer-") || value.startsWith("jrn_"));
		}
	}

	private Set<Meter.Id> ids() {
		Set<Meter.Id> ids = new HashSet<>();
		this.meters.getMeters().forEach((meter) -> ids.add(meter.getId()));
		return ids;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class, SpecoraObservationAutoConfiguration.class })
	static class Config {

		@Bean
		SpecoraClient specoraClient() {
			// generous limits: the assertions are about what is measured, never speed
			return SpecoraClient.builder()
				.baseUrl(authority.baseUrl())
				.apiKey("sk_test_observation")
				.orgId("org-1")
				.timeout(Duration.ofSeconds(60))
				.deadline(Duration.ofSeconds(120))
				.retries(0)
				.build();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

}
