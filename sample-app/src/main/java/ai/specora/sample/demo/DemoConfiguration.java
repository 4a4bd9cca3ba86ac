package ai.specora.sample.demo;

import ai.specora.client.SpecoraClient;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.sample.webhook.GovernanceWebhookListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The scripted demo, with the {@code demo} profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

	/**
	 * The console the demo prints to: standard output.
	 * @return the console
	 */
	@Bean
	@ConditionalOnMissingBean
	public DemoConsole demoConsole() {
		return new DemoConsole(System.out);
	}

	/**
	 * The demo's runner.
	 * @param environment the environment
	 * @param authority the local authority
	 * @param webhooks the webhook listener
	 * @param console the console
	 * @param client the Specora client
	 * @return the runner
	 */
	@Bean
	public DemoRunner demoRunner(Environment environment, ObjectProvider<LocalAuthority> authority,
			GovernanceWebhookListener webhooks, DemoConsole console, ObjectProvider<SpecoraClient> client) {
		return new DemoRunner(environment, authority, webhooks, console, client);
	}

}
