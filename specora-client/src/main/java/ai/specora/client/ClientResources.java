package ai.specora.client;

import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a client talks to the authority with and is costly to create: the
 * {@link WebClient} with its connector, and the wire {@link JsonMapper}. Creating them
 * loads and initialises Reactor, Reactor Netty, Spring's reactive web client and
 * Jackson, several hundred milliseconds on a cold JVM, so each is created once, by the
 * first call that needs it or by {@link #warmUp()}, whichever comes first; concurrent
 * first calls wait for the same instance.
 */
final class ClientResources {

	private final Supplier<JsonMapper> jsonMapperFactory;

	private final Supplier<WebClient> webClientFactory;

	private volatile JsonMapper jsonMapper;

	private volatile WebClient webClient;

	ClientResources(Supplier<JsonMapper> jsonMapperFactory, Supplier<WebClient> webClientFactory) {
		this.jsonMapperFactory = jsonMapperFactory;
		this.webClientFactory = webClientFactory;
	}

	JsonMapper jsonMapper() {
		JsonMapper mapper = this.jsonMapper;
		return (mapper != null) ? mapper : createJsonMapper();
	}

	WebClient webClient() {
		WebClient client = this.webClient;
		return (client != null) ? client : createWebClient();
	}

	/**
	 * Creates both now, if not created yet.
	 */
	void warmUp() {
		jsonMapper();
		webClient();
	}

	/**
	 * Whether both have been created.
	 * @return {@code true} once both exist
	 */
	boolean isWarm() {
		return this.jsonMapper != null && this.webClient != null;
	}

	private synchronized JsonMapper createJsonMapper() {
		if (this.jsonMapper == null) {
			this.jsonMapper = this.jsonMapperFactory.get();
		}
		return this.jsonMapper;
	}

	private synchronized WebClient createWebClient() {
		if (this.webClient == null) {
			this.webClient = this.webClientFactory.get();
		}
		return this.webClient;
	}

}
