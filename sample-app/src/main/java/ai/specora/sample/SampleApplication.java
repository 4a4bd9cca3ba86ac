package ai.specora.sample;

import java.time.Clock;

import ai.specora.sample.demo.DemoRunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * An AI support agent's tools under Specora runtime governance.
 * <p>
 * By default it runs with an embedded local authority and the policies of
 * {@code specora-policies.yml}; the {@code remote} profile talks to a real authority
 * instead, and the {@code demo} profile walks through every kind of decision and exits.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * The clock refunds, changes and records are dated with.
	 * @return the system clock
	 */
	@Bean
	public Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Starts the application; with the {@code demo} profile, exits once the demo has
	 * run, with status 0 when every step behaved as expected.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (!context.getBeansOfType(DemoRunner.class).isEmpty()) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
