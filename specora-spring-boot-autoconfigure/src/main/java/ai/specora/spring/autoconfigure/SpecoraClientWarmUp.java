package ai.specora.spring.autoconfigure;

import ai.specora.client.SpecoraClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application is ready, creates the Specora client's HTTP client and JSON
 * mapper ({@link SpecoraClient#warmUp()}) on a daemon thread of its own, so that neither
 * the start-up nor the first governed call pays for loading them. A call that comes
 * first creates them itself (the warm-up then finds them made); a warm-up that fails is
 * logged and the first call tries again.
 */
final class SpecoraClientWarmUp implements ApplicationListener<ApplicationReadyEvent> {

	/** The name of the warm-up thread. */
	static final String THREAD_NAME = "specora-warm-up";

	private static final Logger logger = LoggerFactory.getLogger(SpecoraClientWarmUp.class);

	private final ObjectProvider<SpecoraClient> clients;

	/**
	 * Creates a warm-up of the application's Specora clients.
	 * @param clients the clients to warm up
	 */
	SpecoraClientWarmUp(ObjectProvider<SpecoraClient> clients) {
		this.clients = clients;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Thread thread = new Thread(this::warmUp, THREAD_NAME);
		thread.setDaemon(true);
		thread.start();
	}

	private void warmUp() {
		try {
			this.clients.orderedStream().forEach(SpecoraClient::warmUp);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("Specora client warm-up failed; the first call to the authority will try again", ex);
		}
	}

}
