package ai.specora.sample.demo;

import java.time.Duration;

import ai.specora.client.SpecoraClient;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.sample.webhook.GovernanceWebhookListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

/**
 * Runs the {@link DemoScenario} once the application is up, against its own HTTP API,
 * and remembers the exit code: 0 when every step behaved as expected, 1 otherwise.
 */
public final class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(DemoRunner.class);

	/** The property giving how long the demo waits for any one thing, 60 s by default. */
	public static final String STEP_TIMEOUT_PROPERTY = "sample.demo.step-timeout";

	private static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(60);

	private final Environment environment;

	private final ObjectProvider<LocalAuthority> authority;

	private final GovernanceWebhookListener webhooks;

	private final DemoConsole console;

	private final ObjectProvider<SpecoraClient> client;

	private volatile int exitCode = 1;

	/**
	 * Creates the runner.
	 * @param environment the environment, which knows the server's port once it runs
	 * @param authority the local authority, which the demo needs
	 * @param webhooks the webhook listener
	 * @param console where to print
	 * @param client the Specora client, for the Platform API steps
	 */
	public DemoRunner(Environment environment, ObjectProvider<LocalAuthority> authority,
			GovernanceWebhookListener webhooks, DemoConsole console, ObjectProvider<SpecoraClient> client) {
		this.environment = environment;
		this.authority = authority;
		this.webhooks = webhooks;
		this.console = console;
		this.client = client;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		LocalAuthority localAuthority = this.authority.getIfAvailable();
		if (localAuthority == null) {
			this.console.line("The demo needs the embedded local authority (specora.local-authority.enabled=true); "
					+ "it cannot run with the remote profile.");
			return;
		}
		String baseUrl = "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");
		try {
			Duration timeout = this.environment.getProperty(STEP_TIMEOUT_PROPERTY, Duration.class, DEFAULT_STEP_TIMEOUT);
			PlatformDemoSteps platformSteps = new PlatformDemoSteps(this.client.getObject(), localAuthority,
					this.console);
			new DemoScenario(baseUrl, localAuthority, this.webhooks, this.console, timeout, platformSteps).run();
			this.exitCode = 0;
		}
		catch (DemoStepException ex) {
			logger.debug("Demo step failed", ex);
			this.console.line("    !! FAILED: " + ex.getMessage());
			this.console.heading("Demo failed: a step did not behave as expected.");
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
