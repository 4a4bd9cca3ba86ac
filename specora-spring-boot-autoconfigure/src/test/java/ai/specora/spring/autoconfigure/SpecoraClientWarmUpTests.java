package ai.specora.spring.autoconfigure;

import java.time.Duration;
import java.util.stream.Stream;

import ai.specora.client.SpecoraClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client is created at start-up without its HTTP client and JSON mapper, and warmed
 * up on a thread of its own once the application is ready.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpecoraClientWarmUpTests {

	private static final String[] PROPERTIES = { "spring.main.banner-mode=off",
			"specora.base-url=http://127.0.0.1:9", "specora.api-key=sk_test_4f9c2e7a1b",
			"specora.org-id=6f1d2c3b-0000-4000-8000-000000000001" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class))
		.withPropertyValues(PROPERTIES);

	@Test
	void theClientIsNotWarmWhenItsBeanIsCreated() {
		// no ApplicationReadyEvent here: nothing but a call or the warm-up creates them
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SpecoraClientWarmUp.class);
			assertThat(context.getBean(SpecoraClient.class).isWarm()).isFalse();
		});
	}

	@Test
	void theWarmUpCanBeTurnedOff() {
		this.runner.withPropertyValues("specora.warm-up=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpecoraClientWarmUp.class));
	}

	@Test
	void theClientIsWarmedUpOnItsOwnThreadOnceTheApplicationIsReady() {
		try (ConfigurableApplicationContext context = application().run()) {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			await().atMost(Duration.ofSeconds(30)).until(client::isWarm);
		}
	}

	@Test
	void aFailedWarmUpIsLoggedAndLeavesTheFirstCallToTryAgain(CapturedOutput output) {
		SpecoraClientWarmUp warmUp = new SpecoraClientWarmUp(new FailingProvider());
		warmUp.onApplicationEvent(null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getOut().contains("Specora client warm-up failed; the first call to the authority "
					+ "will try again"));
		assertThat(output.getOut()).contains("java.lang.IllegalStateException: no client yet")
			.contains("[" + SpecoraClientWarmUp.THREAD_NAME + "]");
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(PROPERTIES);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SpecoraClientAutoConfiguration.class)
	static class Application {

	}

	/**
	 * A provider whose clients cannot be had.
	 */
	static final class FailingProvider implements ObjectProvider<SpecoraClient> {

		@Override
		public SpecoraClient getObject() throws BeansException {
			throw new IllegalStateException("no client yet");
		}

		@Override
		public Stream<SpecoraClient> orderedStream() {
			throw new IllegalStateException("no client yet");
		}

	}

}
