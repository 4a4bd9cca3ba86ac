package ai.specora.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a client talks to the authority with and is costly to create: the
 * {@link WebClient} with its connector, and the wire {@link JsonMapper}. Creating them
 * loads and initialises Reactor, Reactor Netty, Spring's reactive web client and
 * Jackson, several hundred milliseconds on a cold JVM, so each is created once, by the
 * first call that needs it or by {@link #warmUp()}, whichever comes first; concurrent
 * first calls wait for the same instance.
 * <p>
 * What the client creates for itself (the connection pool of its own connector) is
 * released by {@link #close()}; a connector the application handed in is the
 * application's, and left alone.
 */
final class ClientResources {

	private final Supplier<JsonMapper> jsonMapperFactory;

	private final Function<Consumer<Disposable>, WebClient> webClientFactory;

	private final List<Disposable> owned = new ArrayList<>();

	private volatile JsonMapper jsonMapper;

	private volatile WebClient webClient;

	private boolean closed;

	ClientResources(Supplier<JsonMapper> jsonMapperFactory, Supplier<WebClient> webClientFactory) {
		this(jsonMapperFactory, (owned) -> webClientFactory.get());
	}

	/**
	 * Resources whose web client may own what it is made of.
	 * @param jsonMapperFactory creates the JSON mapper
	 * @param webClientFactory creates the web client, and hands what the client owns
	 * (and must release when closed) to the consumer it is given
	 */
	ClientResources(Supplier<JsonMapper> jsonMapperFactory, Function<Consumer<Disposable>, WebClient> webClientFactory) {
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

	/**
	 * Releases what the client created for itself; a web client is never created
	 * afterwards. Idempotent.
	 */
	void close() {
		List<Disposable> release;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			release = new ArrayList<>(this.owned);
			this.owned.clear();
		}
		release.forEach(Disposable::dispose);
	}

	private synchronized WebClient createWebClient() {
		if (this.closed) {
			throw new IllegalStateException("The Specora client is closed");
		}
		if (this.webClient == null) {
			this.webClient = this.webClientFactory.apply(this.owned::add);
		}
		return this.webClient;
	}

}
